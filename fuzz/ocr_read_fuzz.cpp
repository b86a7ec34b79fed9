// Fuzz target: the OCR layout readers (hOCR, ALTO, PAGE XML) through read_ocr, then reflow_ocr
// on what they read. Bad input must be an input Error naming the file; what is read must be
// sane: every known box (rules too) inside its page, lines and warnings bounded by the input,
// text valid UTF-8, confidences in 0–100; reflow of any page read finishes and every block's
// bbox lies on its page.
#include <cmath>
#include <cstdint>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "ocr/fit.h"
#include "ocr/read.h"
#include "reflow/reflow.h"

namespace paiban::fuzz {

namespace {

void check_box(const BBox& b, const ocr::Page& p, const std::string& what) {
  if (b == BBox{}) return;
  check(b.known(), what + ": a box without area was kept");
  check(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= p.width && b.y1 <= p.height,
        what + ": box " + std::to_string(b.x0) + " " + std::to_string(b.y0) + " " + std::to_string(b.x1) + " " +
            std::to_string(b.y1) + " outside the page " + std::to_string(p.width) + "×" + std::to_string(p.height));
}

}  // namespace

void ocr_read_one(std::string_view bytes) {
  std::vector<ocr::Page> pages;
  try {
    pages = ocr::read_ocr(bytes, "fuzz.ocr");
  } catch (const Error& e) {
    check_error(e, "fuzz.ocr");
    return;
  }
  check(ocr::sniff(bytes) != ocr::Format::none, "read bytes sniff() does not recognise");
  check(!pages.empty(), "read succeeded with no page");
  size_t lines = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const ocr::Page& p = pages[i];
    check(p.number == static_cast<int>(i) + 1, "pages are not numbered in order");
    check(p.width >= 0 && p.height >= 0 && p.dpi >= 0, "negative page size or resolution");
    check(p.warnings.size() <= ocr::kMaxWarnings + 1, "warnings are not bounded");
    for (const auto& w : p.warnings) check(w.substr(0, 8) == "fuzz.ocr", "warning does not name the file: " + w);
    for (const auto& r : p.regions) {
      check_box(r.box, p, "region " + r.id);
      check(!r.lines.empty(), "a region without lines was kept");
      for (const auto& l : r.lines) {
        ++lines;
        check_box(l.box, p, "line " + l.id);
        check(std::isfinite(l.size) && l.size >= 0, "line size negative or not finite");
        check(l.src >= 1, "line without a source line");
        check(!l.words.empty(), "a line without words was kept");
        for (const auto& w : l.words) {
          check_box(w.box, p, "word in line " + l.id);
          check(!w.text.empty(), "empty word kept");
          check(scan_utf8(w.text).first_invalid == std::string::npos, "word text is not UTF-8");
          check(w.conf == -1 || (w.conf >= 0 && w.conf <= 100), "confidence outside 0–100");
        }
      }
    }
  }
  // Each line takes at least an element of a few bytes: lines can never outnumber the input's bytes.
  check(lines * 4 <= bytes.size(), "more lines than the input could hold");
  for (const auto& p : pages) {
    check(p.rules.size() <= ocr::kMaxRules, "rules are not bounded");
    for (const auto& b : p.rules) {
      check(b.known(), "a rule without area was kept");
      check_box(b, p, "rule");
    }
  }
  const ReflowResult r = reflow_ocr(pages, "fuzz.ocr");
  for (const auto& page : r.doc.pages)
    for (const auto& a : page.articles) {
      std::vector<const Block*> todo;
      for (const auto& b : a.blocks) todo.push_back(&b);
      while (!todo.empty()) {
        const Block* b = todo.back();
        todo.pop_back();
        if (b->bbox.known() && page.width > 0 && page.height > 0)
          check(b->bbox.x0 >= 0 && b->bbox.y0 >= 0 && b->bbox.x1 <= page.width && b->bbox.y1 <= page.height,
                "a block's bbox lies off its page");
        for (const auto& c : b->children) todo.push_back(&c);
      }
    }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::ocr_read_one)
