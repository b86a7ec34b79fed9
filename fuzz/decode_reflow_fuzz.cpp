// Fuzz target: raw bytes → decode (detected, and forced to an encoding picked by the first
// byte) → reflow → XML and clean text. Decoding either fails with a clear Error or yields NFC
// UTF-8 lines without line terminators or control characters; reflow keeps every character
// (the contract of tests/reflow_invariants_test.cpp, plus the marks it may rightly drop) — in a
// page's furniture and articles too, when the text is a whole page — its src ranges lie inside
// the input in order, and its Document survives XML write → read. A page read across its
// columns is unwoven first: its characters are kept (but the rules' bars) in another order.
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstdint>

#include "core/date.h"
#include "core/unicode.h"
#include "decode/decode.h"
#include "decode/detect.h"
#include "fuzz_check.h"
#include "reflow_oracle.h"  // tests/
#include "reflow/reflow.h"
#include "reflow/stages.h"
#include "text/text.h"
#include "xml/xml.h"

namespace paiban::fuzz {

namespace {

const char* const kForced[] = {"", "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "Big5"};

void check_lines(const Decoded& d) {
  check(!d.encoding.empty(), "no encoding named");
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const std::string& l = d.lines[i];
    std::string where = "line " + std::to_string(i + 1) + " (" + d.encoding + "): ";
    check(scan_utf8(l).first_invalid == std::string::npos, where + "invalid UTF-8 after decoding");
    for (unsigned char c : l)
      check(c >= 0x20 || c == '\t', where + "control or line-end byte " + std::to_string(c) + " kept");
    // NFC, except that CJK compatibility ideographs are kept as printed (decode.cpp): every
    // span between them is normalised.
    std::string span;
    auto span_is_nfc = [&] {
      err = U_ZERO_ERROR;
      check(nfc->isNormalizedUTF8(span, err) && U_SUCCESS(err), where + "not NFC: " + span);
      span.clear();
    };
    for (size_t k = 0; k < l.size();) {
      size_t start = k;
      char32_t cp = next_code_point(l, k);
      if ((cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F)) span_is_nfc();
      else span.append(l, start, k - start);
    }
    span_is_nfc();
  }
}

using test::canonical;

// What reflow may drop: a byline's marker (□, its OCR reading 口, ■, ◻), a typesetter's hyphen
// and a stray byte-order mark (U+FEFF) at a line's start.
bool droppable(char32_t c) {
  return c == U'□' || c == U'口' || c == U'■' || c == U'◻' || c == U'-' || c == 0xFEFF;
}

// The OCR repairs that change a character, folded on both sides: a subtitle's dash read as
// 一一 (dash-yi) and an opening bracket read as 〈 or < (angle-paren).
std::u32string folded(std::u32string s) {
  for (char32_t& c : s) {
    if (c == U'一') c = U'—';
    else if (c == U'〈' || c == U'<') c = U'（';
  }
  return s;
}

void collect(const Block& b, std::string& text, std::vector<LineRange>& ranges) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    check(!b.children.empty(), std::string("empty <") + kind_name(b.kind) + ">");
    for (const auto& c : b.children) collect(c, text, ranges);
    return;
  }
  text += plain_text(b);
  ranges.push_back(b.src);
}

bool rule_bar(char32_t c) { return c == U'|' || c == U'｜' || c == U'│' || c == U'¦'; }

// Whether the text is a page read across its columns, which reflow unweaves first: the same
// characters but the column rules' bars, set column by column (so in another order).
bool woven(const std::vector<std::string>& lines) {
  std::vector<int> origin;
  ReflowReport report;
  std::vector<std::string> cols = reflow_stages::unweave(lines, origin, report);
  if (origin.empty()) return false;
  check(origin.size() == cols.size(), "unweave: a line without its source line");
  std::u32string a, b;
  for (const auto& l : lines)
    for (char32_t c : canonical(l))
      if (!rule_bar(c)) a += c;
  for (const auto& l : cols)
    for (char32_t c : canonical(l))
      if (!rule_bar(c)) b += c;  // bars outside the woven blocks stay
  std::u32string in_order = a, out_order = b;
  std::sort(a.begin(), a.end()), std::sort(b.begin(), b.end());
  check(a == b, "unweave lost or invented a character\nin:  " + to_utf8(in_order) + "\nout: " + to_utf8(out_order));
  return true;
}

// A page's blocks as leaves, each with its own source lines: a section's lines may hold a
// folio line between its paragraphs.
void leaves(const Block& b, std::vector<std::pair<LineRange, std::string>>& out) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    check(!b.children.empty(), std::string("empty <") + kind_name(b.kind) + ">");
    for (const auto& c : b.children) leaves(c, out);
    return;
  }
  out.push_back({b.src, plain_text(b)});
}

void check_reflow(const std::vector<std::string>& lines) {
  ReflowResult r = reflow(lines, "fuzz.txt");
  const bool reordered = woven(lines);
  std::string in, out;
  // A page's furniture is its source line as printed; a block may run on across it (a folio read
  // between a paragraph's lines), so the order is checked on the other lines.
  std::vector<bool> furniture(lines.size(), false);
  for (const auto& page : r.doc.pages)
    for (const auto& f : page.furniture) {
      check(f.src.known() && f.src.first == f.src.last && f.src.last <= static_cast<int>(lines.size()),
            "furniture src " + std::to_string(f.src.first) + "-" + std::to_string(f.src.last) + " is not one input line");
      const size_t at = static_cast<size_t>(f.src.first - 1);
      check(reordered || canonical(f.text) == canonical(lines[at]), "furniture is not its line: " + f.text);
      furniture[at] = true;
    }
  // A dateline is metadata (the Document's date), not a block: the first line that parses as
  // one is left out of the input when the Document has a date.
  bool date_taken = r.doc.date.empty();
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (furniture[i] && !reordered) continue;
    if (!date_taken) {
      std::u32string t;
      for (char32_t c : to_u32(l))
        if (!is_space(c)) t += c;
      if (!t.empty() && parse_dateline(t)) {
        date_taken = true;
        continue;
      }
    }
    in += l;
  }
  std::vector<LineRange> ranges;
  for (const auto& b : r.doc.blocks) collect(b, out, ranges);
  // Page text: its articles' blocks, each with its source lines, in the order of those lines.
  std::vector<std::pair<LineRange, std::string>> pieces;
  for (const auto& page : r.doc.pages) {
    if (reordered)
      for (const auto& f : page.furniture) pieces.push_back({f.src, f.text});
    for (const auto& a : page.articles)
      for (const auto& b : a.blocks) leaves(b, pieces);
  }
  std::stable_sort(pieces.begin(), pieces.end(), [](const auto& x, const auto& y) { return x.first.first < y.first.first; });
  for (const auto& [src, t] : pieces) {
    out += t;
    ranges.push_back(src);
  }
  std::u32string a = folded(canonical(in)), b = folded(canonical(out));
  if (reordered) {  // every character kept, in another order: compared as multisets
    a.erase(std::remove_if(a.begin(), a.end(), rule_bar), a.end());
    b.erase(std::remove_if(b.begin(), b.end(), rule_bar), b.end());
    std::sort(a.begin(), a.end()), std::sort(b.begin(), b.end());
  }
  size_t j = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (j < b.size() && a[i] == b[j]) ++j;
    else check(droppable(a[i]), "reflow lost or changed " + code_point_label(a[i]) + " at input character " +
                                    std::to_string(i) + "\nin:  " + to_utf8(a) + "\nout: " + to_utf8(b));
  }
  check(j == b.size(), "reflow invented text: " + to_utf8(b.substr(j)));
  int last = 0;
  for (const auto& s : ranges) {
    check((reordered || s.first > last) && s.first >= 1 && s.first <= s.last && s.last <= static_cast<int>(lines.size()),
          "src range " + std::to_string(s.first) + "-" + std::to_string(s.last) + " out of order or outside " +
              std::to_string(lines.size()) + " lines");
    last = s.last;
  }
  std::string xml = write_xml(r.doc);
  Document back;
  try {
    back = read_xml(xml, "reflowed.xml");
  } catch (const Error& e) {
    fail(std::string("the XML reader rejects reflow's output: ") + e.what() + "\n" + xml);
  }
  check(back == r.doc, "reflow's Document changed through XML:\n" + xml);
  std::string txt = write_text(r.doc);
  check(scan_utf8(txt).first_invalid == std::string::npos, "clean text is not valid UTF-8");
  TextOptions wrapped;
  wrapped.width = 20;
  write_text(r.doc, wrapped);
}

void one(std::string_view bytes, const std::string& forced) {
  Decoded d;
  try {
    d = decode_bytes(bytes, "fuzz.txt", forced);
  } catch (const Error& e) {
    check_error(e, "fuzz.txt");
    return;
  }
  check_lines(d);
  check_reflow(d.lines);
}

}  // namespace

void decode_reflow_one(std::string_view bytes) {
  one(bytes, "");
  if (!bytes.empty()) one(bytes.substr(1), kForced[static_cast<unsigned char>(bytes[0]) % 7]);
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::decode_reflow_one)
