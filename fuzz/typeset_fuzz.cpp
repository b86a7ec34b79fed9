// Fuzz target: the whole text → layout → PDF path on small inputs (raw text or article XML),
// in the report style without its footer. Either a clear Error, or a PDF whose laid-out glyphs
// carry every non-space character of the article, in order.
#include <cstdint>

#include "core/document.h"
#include "core/unicode.h"
#include "fuzz_check.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "pipeline/convert.h"

namespace paiban::fuzz {

namespace {

struct Setup {
  Style style;
  FontLibrary fonts;
};

// Style and faces loaded once, as `paiban batch` does for all its articles.
Setup& setup() {
  static Setup* s = [] {
    auto* st = new Setup;
    st->style = load_style("report");
    st->style.footer.enabled = false;  // page numbers are not article text
    st->style.header.enabled = false;
    prepare_fonts(st->style, st->fonts);
    return st;
  }();
  return *s;
}

std::u32string non_space(std::string_view s) {
  std::u32string out;
  for (char32_t c : to_u32(s))
    if (!is_space(c)) out += c;
  return out;
}

// An article's text, or a scanned page's articles' one after another (furniture is not set).
std::string all_text(const Document& doc) {
  std::string t;
  for (const auto& b : doc.blocks) t += plain_text(b);
  for (const auto& p : doc.pages)
    for (const auto& a : p.articles) t += all_text(a);
  return t;
}

}  // namespace

void typeset_one(std::string_view bytes) {
  Limits limits;
  limits.max_pages = 30;
  Document doc;
  try {
    doc = load_document(bytes, "fuzz.txt", "", nullptr, limits);
  } catch (const Error& e) {
    check_error(e, "fuzz.txt");
    return;
  }
  Setup& s = setup();
  TypesetOptions opts;
  opts.limits = limits;
  TypesetReport report;
  LaidOutDocument laid;
  try {
    laid = layout_document(doc, s.style, s.fonts, opts, &report);
  } catch (const Error& e) {
    check_error(e, "");
    return;
  }
  std::string glyph_text;
  for (const auto& page : laid.pages)
    for (const auto& run : page.runs)
      for (const auto& g : run.glyphs) glyph_text += g.text;
  std::u32string want = non_space(all_text(doc)), got = non_space(glyph_text);
  check(got == want, "laid-out text differs from the article:\nwant: " + to_utf8(want) + "\ngot:  " + to_utf8(got));
  std::string pdf = write_pdf(laid, s.fonts);
  check(pdf.compare(0, 5, "%PDF-") == 0 && pdf.find("%%EOF", pdf.size() > 16 ? pdf.size() - 16 : 0) != std::string::npos,
        "not a complete PDF");
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::typeset_one)
