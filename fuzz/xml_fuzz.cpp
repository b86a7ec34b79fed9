// Fuzz target: the article-XML reader (<article>, <page>, <pages>). Anything it accepts must
// survive write → read unchanged and be valid UTF-8 without control characters (what the schema
// and xmllint accept).
#include <cstdint>

#include "core/document.h"
#include "decode/detect.h"
#include "fuzz_check.h"
#include "xml/xml.h"

namespace paiban::fuzz {

namespace {

void check_text(const std::string& s) {
  check(scan_utf8(s).first_invalid == std::string::npos, "reader accepted invalid UTF-8 text");
  for (unsigned char c : s)
    check(c >= 0x20 || c == '\t' || c == '\n' || c == '\r', "reader accepted control character " + std::to_string(c));
}

void check_provenance(const LineRange& src, const std::string& ids, const BBox& bbox) {
  check(!src.known() || src.last >= src.first, "src range ends before it starts");
  check_text(ids);
  check(ids.find_first_of("\t\n") == std::string::npos, "ids hold a tab or line feed");
  check(bbox == BBox{} || bbox.known(), "an empty bbox was read");
}

void check_block(const Block& b) {
  check_text(b.text);
  for (const auto& l : b.lines) check_text(l);
  check_provenance(b.src, b.ids, b.bbox);
  for (const auto& c : b.children) check_block(c);
}

void check_document(const Document& d) {
  check_text(d.lang);
  check_text(d.source);
  check(d.bbox == BBox{} || d.bbox.known(), "an empty article bbox was read");
  for (const auto& b : d.blocks) check_block(b);
}

}  // namespace

void xml_one(std::string_view bytes) {
  Document doc;
  try {
    doc = read_xml(bytes, "fuzz.xml");
  } catch (const Error& e) {
    check_error(e, "fuzz.xml");
    return;
  }
  check_document(doc);
  check(doc.blocks.empty() || doc.pages.empty(), "an article's blocks beside pages");
  for (const auto& p : doc.pages) {
    for (const auto& a : p.articles) {
      check(a.pages.empty(), "an article inside a page holds pages");
      check_document(a);
    }
    for (const auto& f : p.furniture) {
      check_text(f.text);
      check_provenance(f.src, f.ids, f.bbox);
    }
  }
  std::string written = write_xml(doc);
  Document again;
  try {
    again = read_xml(written, "written.xml");
  } catch (const Error& e) {
    fail(std::string("reader rejects the writer's output: ") + e.what() + "\n" + written);
  }
  check(again == doc, "write → read changed the document:\n" + written);
  check(write_xml(again) == written, "writing is not deterministic");
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::xml_one)
