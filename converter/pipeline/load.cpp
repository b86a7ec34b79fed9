// load: any input the user gives (raw column text in any supported encoding, or article XML)
// → the Document model.
#include <unicode/uchar.h>

#include "core/error.h"
#include "core/unicode.h"
#include "decode/decode.h"
#include "pipeline/convert.h"
#include "xml/xml.h"

namespace paiban {

namespace {

uint64_t count_blocks(const std::vector<Block>& blocks) {
  uint64_t n = blocks.size();
  for (const auto& b : blocks) n += count_blocks(b.children);
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

}  // namespace

Document try_load_document(std::string_view bytes, const std::string& name, const std::string& encoding,
                           ReflowReport* report, const Limits& limits, scan::Session* session, ScanLoad* load) {
  if (scan::sniff(bytes) != scan::Kind::none) {
    if (session) return try_load_scan(bytes, name, *session, report, load);
    scan::Options defaults;
    defaults.max_pages = limits.max_pages;
    scan::Session own(defaults);
    return try_load_scan(bytes, name, own, report, load);
  }
  if (looks_like_xml(bytes)) return try_read_xml(bytes, name, limits);
  Decoded d = try_decode(bytes, name, encoding, limits);
  std::string base = name;
  if (auto slash = base.find_last_of('/'); slash != std::string::npos) base = base.substr(slash + 1);
  ReflowResult r = reflow(d.lines, base == "-" ? std::string() : base);
  check_block_count(count_blocks(r.doc.blocks), name, limits);
  if (r.doc.blocks.empty() || !has_words(r.doc.blocks))
    throw input_error(name + ": no text to convert (only blank lines, spaces or punctuation)",
                      "check that this is the right file");
  if (report) *report = std::move(r.report);
  return std::move(r.doc);
}

}  // namespace paiban
