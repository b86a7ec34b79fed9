// level_page: a scan is rarely square on the glass. Tesseract and the other engines read a skewed
// page's text along its slant but box it square to the image, so a column's left edge drifts
// down the page (at 1°, 70 pixels down a 4000-pixel column: an indent read where there is none)
// and a wide line's right end lies a row below its left (its box two rows tall). The page's
// slope is read from its words, the page is turned level about its centre, and every later
// stage measures a level page. The layout's line boxes are moved back before the Document is
// assembled, so a viewer highlights the scan where the text is.
#include <algorithm>
#include <cmath>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// Below this slope a page's drift is under a tenth of an em across an A3 column: left as it is.
constexpr double kLevel = 0.0015;
// Above it (6°) the page is turned, not skewed: no engine reads such a page as rows.
constexpr double kTurned = 0.1;

// The rise of one line's words: each word's middle against the middle of the first word at
// least six of the line's heights further on, from words about as tall as the line's usual
// word (a comma's box sits low, a quote's high). Pairs this far apart tell the slope, not the
// ink; a line the engine wove across a gutter (two rows at different heights) gives a step,
// which the page's median outvotes.
struct Buffers {
  std::vector<int> heights;
  std::vector<std::pair<double, double>> mids;  // x, y of each usual word
};

void line_slopes(const ocr::Line& l, Buffers& b, std::vector<double>& out) {
  b.heights.clear();
  for (const auto& w : l.words)
    if (w.box.known()) b.heights.push_back(w.box.height());
  if (b.heights.size() < 4) return;
  std::nth_element(b.heights.begin(), b.heights.begin() + static_cast<long>(b.heights.size() / 2), b.heights.end());
  const int usual = b.heights[b.heights.size() / 2];
  b.mids.clear();
  for (const auto& w : l.words)
    if (w.box.known() && w.box.height() * 10 >= usual * 7 && w.box.height() * 10 <= usual * 13)
      b.mids.emplace_back((w.box.x0 + w.box.x1) / 2.0, (w.box.y0 + w.box.y1) / 2.0);
  std::sort(b.mids.begin(), b.mids.end());
  size_t j = 0;
  for (size_t i = 0; i < b.mids.size(); ++i) {
    while (j < b.mids.size() && b.mids[j].first - b.mids[i].first < 6.0 * usual) ++j;
    if (j == b.mids.size()) break;
    out.push_back((b.mids[j].second - b.mids[i].second) / (b.mids[j].first - b.mids[i].first));
  }
}

// A box moved as its centre turns, its size kept: words and lines are measured as the engine
// boxed them (their heights, gaps and sizes), only placed level.
BBox moved(const BBox& b, double c, double s, double cx, double cy) {
  if (!b.known()) return b;
  const double mx = (b.x0 + b.x1) / 2.0 - cx, my = (b.y0 + b.y1) / 2.0 - cy;
  const int dx = static_cast<int>(std::lround(mx * c - my * s - mx)), dy = static_cast<int>(std::lround(mx * s + my * c - my));
  return BBox{b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy};
}

// The centre the page turns about: the page's, else its lines' extent.
void centre(const ocr::Page& p, double& cx, double& cy) {
  BBox all;
  for (const auto& r : p.regions)
    for (const auto& l : r.lines) all = unite(all, l.box);
  cx = p.width > 0 ? p.width / 2.0 : (all.x0 + all.x1) / 2.0;
  cy = p.height > 0 ? p.height / 2.0 : (all.y0 + all.y1) / 2.0;
}

}  // namespace

// The median of the rises measured along the page's lines (a line the engine read across a
// gutter, or one bent by a warped page, is outvoted); zero for a text layer, which is the
// type's own geometry, and for a page with too few long lines to tell.
Level level_of(const ocr::Page& page) {
  Level v;
  if (page.exact) return v;
  std::vector<double> slopes;
  Buffers b;
  for (const auto& r : page.regions)
    for (const auto& l : r.lines) line_slopes(l, b, slopes);
  if (slopes.size() < 20) return v;
  std::nth_element(slopes.begin(), slopes.begin() + static_cast<long>(slopes.size() / 2), slopes.end());
  const double s = slopes[slopes.size() / 2];
  if (std::abs(s) < kLevel || std::abs(s) > kTurned) return v;
  v.slope = s;
  centre(page, v.cx, v.cy);
  return v;
}

void level_page(ocr::Page& p, const Level& v) {
  if (v.slope == 0) return;
  const double a = -std::atan(v.slope), c = std::cos(a), s = std::sin(a);
  for (auto& r : p.regions) {
    BBox lines;
    for (auto& l : r.lines) {
      for (auto& w : l.words) w.box = moved(w.box, c, s, v.cx, v.cy);
      const BBox before = l.box;
      l.box = moved(l.box, c, s, v.cx, v.cy);
      if (l.baseline > 0 && before.known()) l.baseline += l.box.y0 - before.y0;
      lines = unite(lines, l.box);
    }
    // A region's box holds its lines (an engine's block box is the hull of turned text).
    r.box = lines.known() ? lines : moved(r.box, c, s, v.cx, v.cy);
  }
  // A rule is its own length at any slope: moved, and thin again where the slant thickened it.
  const double as = std::abs(s);
  for (auto& b : p.rules) {
    if (!b.known()) continue;
    const BBox m = moved(b, c, s, v.cx, v.cy);
    const int thin_h = std::max(1, static_cast<int>(std::lround(b.height() - b.width() * as)));
    const int thin_w = std::max(1, static_cast<int>(std::lround(b.width() - b.height() * as)));
    const int my = (m.y0 + m.y1) / 2, mx = (m.x0 + m.x1) / 2;
    b = b.width() >= b.height() ? BBox{m.x0, my - thin_h / 2, m.x1, my - thin_h / 2 + thin_h}
                                : BBox{mx - thin_w / 2, m.y0, mx - thin_w / 2 + thin_w, m.y1};
  }
}

void unlevel_layout(PageLayout& L, const Level& v) {
  if (v.slope == 0) return;
  const double a = std::atan(v.slope), c = std::cos(a), s = std::sin(a);
  for (auto& l : L.lines) {
    l.box = moved(l.box, c, s, v.cx, v.cy);
    // Back where the reader put it, within a unit (rounding): on the page where it was.
    if (!l.box.known()) continue;
    if (L.width > 0) {
      l.box.x0 = std::clamp(l.box.x0, 0, L.width - 1);
      l.box.x1 = std::clamp(l.box.x1, l.box.x0 + 1, L.width);
    }
    if (L.height > 0) {
      l.box.y0 = std::clamp(l.box.y0, 0, L.height - 1);
      l.box.y1 = std::clamp(l.box.y1, l.box.y0 + 1, L.height);
    }
  }
  for (auto& art : L.articles) {
    art.box = BBox{};
    for (size_t i : art.order) art.box = unite(art.box, L.lines[i].box);
  }
}

}  // namespace paiban::reflow_stages
