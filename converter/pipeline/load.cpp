// load: any input the user gives → the Document model. What it is comes from its content, never
// its name: an OCR layout (hOCR, ALTO, PAGE XML: read, then reflowed into a page's articles),
// article or page XML, or raw column or page text in any supported encoding.
#include <unicode/uchar.h>

#include "core/error.h"
#include "core/unicode.h"
#include "decode/decode.h"
#include "ocr/read.h"
#include "pipeline/convert.h"
#include "xml/xml.h"

namespace paiban {

namespace {

uint64_t count_blocks(const std::vector<Block>& blocks) {
  uint64_t n = blocks.size();
  for (const auto& b : blocks) n += count_blocks(b.children);
  return n;
}

// An article's blocks, or those of every article of a scanned page.
uint64_t count_blocks(const Document& d) {
  uint64_t n = count_blocks(d.blocks);
  for (const auto& p : d.pages)
    for (const auto& a : p.articles) n += count_blocks(a.blocks);
  return n;
}

// Any letter, digit or ideograph anywhere (punctuation, symbols and spaces alone are no article).
bool has_words(const std::vector<Block>& blocks) {
  for (const auto& b : blocks) {
    std::string t = plain_text(b);
    for (size_t i = 0; i < t.size();)
      if (u_isalnum(static_cast<UChar32>(next_code_point(t, i)))) return true;
  }
  return false;
}

bool has_words(const Document& d) {
  if (has_words(d.blocks)) return true;
  for (const auto& p : d.pages)
    for (const auto& a : p.articles)
      if (has_words(a.blocks)) return true;
  return false;
}

// The file name without its folders, for <article source>; "" for stdin.
std::string base_name(const std::string& name) {
  std::string base = name;
  if (auto slash = base.find_last_of('/'); slash != std::string::npos) base = base.substr(slash + 1);
  return base == "-" ? std::string() : base;
}

// hOCR, ALTO or PAGE XML → pages of articles. A page without text is no error (a photograph, a
// blank verso): the result is an empty page and a warning.
Document load_ocr(std::string_view bytes, const std::string& name, ReflowReport* report, const Limits& limits) {
  std::vector<ocr::Page> pages = ocr::read_ocr(bytes, name, limits);
  ReflowResult r = reflow_ocr(pages, base_name(name));
  check_block_count(count_blocks(r.doc), name, limits);
  if (!has_words(r.doc))
    r.report.warnings.push_back(name + ": no text found on " + (pages.size() == 1 ? "the page" : "any page") +
                                "; the result holds no article");
  if (report) *report = std::move(r.report);
  return std::move(r.doc);
}

}  // namespace

Document load_document(std::string_view bytes, const std::string& name, const std::string& encoding,
                           ReflowReport* report, const Limits& limits, scan::Session* session, ScanLoad* load) {
  if (scan::sniff(bytes) != scan::Kind::none) {
    if (session) return load_scan(bytes, name, *session, report, load);
    scan::Options defaults;
    defaults.max_pages = limits.max_pages;
    scan::Session own(defaults);
    return load_scan(bytes, name, own, report, load);
  }
  if (ocr::sniff(bytes) != ocr::Format::none) return load_ocr(bytes, name, report, limits);
  if (looks_like_xml(bytes)) return read_xml(bytes, name, limits);
  Decoded d = decode_bytes(bytes, name, encoding, limits);
  ReflowResult r = reflow(d.lines, base_name(name));
  check_block_count(count_blocks(r.doc), name, limits);
  if (!has_words(r.doc))
    throw input_error(name + ": no text to convert (only blank lines, spaces or punctuation)",
                      "check that this is the right file");
  if (report) *report = std::move(r.report);
  return std::move(r.doc);
}

}  // namespace paiban
