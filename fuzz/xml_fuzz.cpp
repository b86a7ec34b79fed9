// Fuzz target: the article-XML reader. Anything it accepts must survive write → read unchanged
// and be valid UTF-8 without control characters (what the schema and xmllint accept).
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

void check_block(const Block& b) {
  check_text(b.text);
  for (const auto& l : b.lines) check_text(l);
  check(!b.src.known() || b.src.last >= b.src.first, "src range ends before it starts");
  for (const auto& c : b.children) check_block(c);
}

}  // namespace

void xml_one(std::string_view bytes) {
  Document doc;
  try {
    doc = try_read_xml(bytes, "fuzz.xml");
  } catch (const Error& e) {
    check_error(e, "fuzz.xml");
    return;
  }
  check_text(doc.lang);
  check_text(doc.source);
  for (const auto& b : doc.blocks) check_block(b);
  std::string written = write_xml(doc);
  Document again;
  try {
    again = try_read_xml(written, "written.xml");
  } catch (const Error& e) {
    fail(std::string("reader rejects the writer's output: ") + e.what() + "\n" + written);
  }
  check(again == doc, "write → read changed the document:\n" + written);
  check(write_xml(again) == written, "writing is not deterministic");
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::xml_one)
