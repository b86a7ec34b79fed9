// turn_page: a page set vertically (直排: columns top to bottom, right to left), as Tesseract's
// chi_tra_vert and chi_sim_vert read it — lines as tall, narrow boxes, words stacked down them —
// is turned a quarter so its columns become rows in reading order, and every later stage reads
// it as it reads a horizontal page. The Document's boxes are turned back at the end, so a viewer
// highlights the scan where the text is.
#include "reflow/page_stages.h"

#include <algorithm>

#include "core/unicode.h"

namespace paiban::reflow_stages {

namespace {

// The page's width where the source gives none: the right edge of its rightmost box.
int page_width(const ocr::Page& p) {
  if (p.width > 0) return p.width;
  int w = 0;
  for (const auto& r : p.regions)
    for (const auto& l : r.lines) w = std::max(w, l.box.x1);
  return w;
}

// A quarter turn clockwise of the page's content: (x, y) → (y, W − x). The rightmost column
// comes first, at the top; down a column becomes along the row.
BBox turned(const BBox& b, int W) {
  if (!b.known()) return b;
  return BBox{b.y0, W - b.x1, b.y1, W - b.x0};
}

// Back from turned coordinates to the page's: (x', y') → (W − y', x').
BBox unturned(const BBox& b, int W) {
  if (!b.known()) return b;
  return BBox{W - b.y1, b.x0, W - b.y0, b.x1};
}

// In a column of vertical text a bar is the dash (破折号: two ems set as one line down the column;
// clreq §3.1.7, GB/T 15834 §4.13): the engines read it as "|". Turned, it is a line's "——".
void dash_for_bar(ocr::Word& w) {
  if (w.text.empty()) return;
  for (char32_t c : to_u32(w.text))
    if (c != U'|' && c != U'｜' && c != U'丨' && c != U'︱' && c != U'︲') return;
  w.text = "——";
}

void unturn(Block& b, int W) {
  b.bbox = unturned(b.bbox, W);
  for (auto& c : b.children) unturn(c, W);
}

}  // namespace

// Vertical when most of the page's text (counted in words) stands in lines at least three times
// taller than wide, and little of it lies in lines at least as wide as tall (a horizontal
// headline or running head across a vertical page is common; a page of both halves is not).
// A text layer gives a column as one word (poppler's): there its characters count.
bool is_vertical(const ocr::Page& page) {
  size_t tall = 0, wide = 0;
  for (const auto& r : page.regions)
    for (const auto& l : r.lines) {
      size_t n = l.words.size();
      if (page.exact && n == 1) n = to_u32(l.words[0].text).size();
      if (!l.box.known() || n < 2) continue;
      if (l.box.height() >= 3 * l.box.width()) tall += n;
      else if (l.box.width() >= l.box.height()) wide += n;
    }
  return tall > 0 && tall >= 3 * wide;
}

ocr::Page turn_page(const ocr::Page& page) {
  ocr::Page p = page;
  const int W = page_width(page);
  p.width = page.height;
  p.height = W;
  for (auto& r : p.regions) {
    r.box = turned(r.box, W);
    for (auto& l : r.lines) {
      l.box = turned(l.box, W);
      for (auto& w : l.words) {
        w.box = turned(w.box, W);
        if (!page.exact) dash_for_bar(w);  // a text layer's bars are its own characters
      }
      // Down the column is along the row now: words by their new left edge.
      std::stable_sort(l.words.begin(), l.words.end(), [](const ocr::Word& a, const ocr::Word& b) {
        return a.box.known() && b.box.known() && a.box.x0 < b.box.x0;
      });
    }
  }
  for (auto& b : p.rules) b = turned(b, W);
  return p;
}

void unturn_page(Page& out, const ocr::Page& page) {
  const int W = page_width(page);
  out.width = page.width;
  out.height = page.height;
  for (auto& f : out.furniture) f.bbox = unturned(f.bbox, W);
  for (auto& a : out.articles) {
    a.bbox = unturned(a.bbox, W);
    for (auto& b : a.blocks) unturn(b, W);
  }
}

}  // namespace paiban::reflow_stages
