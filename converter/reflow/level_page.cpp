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
void line_slopes(const ocr::Line& l, std::vector<double>& out) {
  std::vector<int> heights;
  for (const auto& w : l.words)
    if (w.box.known()) heights.push_back(w.box.height());
  if (heights.size() < 4) return;
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  const int usual = heights[heights.size() / 2];
  std::vector<std::pair<double, double>> mids;  // x, y of each usual word
  for (const auto& w : l.words)
    if (w.box.known() && w.box.height() * 10 >= usual * 7 && w.box.height() * 10 <= usual * 13)
      mids.emplace_back((w.box.x0 + w.box.x1) / 2.0, (w.box.y0 + w.box.y1) / 2.0);
  std::sort(mids.begin(), mids.end());
  size_t j = 0;
  for (size_t i = 0; i < mids.size(); ++i) {
    while (j < mids.size() && mids[j].first - mids[i].first < 6.0 * usual) ++j;
    if (j == mids.size()) break;
    out.push_back((mids[j].second - mids[i].second) / (mids[j].first - mids[i].first));
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
double skew_of(const ocr::Page& page) {
  if (page.exact) return 0;
  std::vector<double> slopes;
  for (const auto& r : page.regions)
    for (const auto& l : r.lines) line_slopes(l, slopes);
  if (slopes.size() < 20) return 0;
  std::nth_element(slopes.begin(), slopes.begin() + static_cast<long>(slopes.size() / 2), slopes.end());
  const double s = slopes[slopes.size() / 2];
  return std::abs(s) < kLevel || std::abs(s) > kTurned ? 0 : s;
}

ocr::Page level_page(const ocr::Page& page, double slope) {
  ocr::Page p = page;
  if (slope == 0) return p;
  double cx = 0, cy = 0;
  centre(page, cx, cy);
  const double a = -std::atan(slope), c = std::cos(a), s = std::sin(a);
  for (auto& r : p.regions) {
    BBox lines;
    for (auto& l : r.lines) {
      for (auto& w : l.words) w.box = moved(w.box, c, s, cx, cy);
      const BBox before = l.box;
      l.box = moved(l.box, c, s, cx, cy);
      if (l.baseline > 0 && before.known()) l.baseline += l.box.y0 - before.y0;
      lines = unite(lines, l.box);
    }
    // A region's box holds its lines (an engine's block box is the hull of turned text).
    r.box = lines.known() ? lines : moved(r.box, c, s, cx, cy);
  }
  // A rule is its own length at any slope: moved, and thin again where the slant thickened it.
  const double as = std::abs(s);
  for (auto& b : p.rules) {
    if (!b.known()) continue;
    const BBox m = moved(b, c, s, cx, cy);
    const int thin_h = std::max(1, static_cast<int>(std::lround(b.height() - b.width() * as)));
    const int thin_w = std::max(1, static_cast<int>(std::lround(b.width() - b.height() * as)));
    const int my = (m.y0 + m.y1) / 2, mx = (m.x0 + m.x1) / 2;
    b = b.width() >= b.height() ? BBox{m.x0, my - thin_h / 2, m.x1, my - thin_h / 2 + thin_h}
                                : BBox{mx - thin_w / 2, m.y0, mx - thin_w / 2 + thin_w, m.y1};
  }
  return p;
}

void unlevel_layout(PageLayout& L, const ocr::Page& page, double slope) {
  if (slope == 0) return;
  double cx = 0, cy = 0;
  centre(page, cx, cy);
  const double a = std::atan(slope), c = std::cos(a), s = std::sin(a);
  for (auto& l : L.lines) {
    l.box = moved(l.box, c, s, cx, cy);
    // Back where the reader put it, within a unit (rounding): on the page where it was.
    if (!l.box.known()) continue;
    if (page.width > 0) {
      l.box.x0 = std::clamp(l.box.x0, 0, page.width - 1);
      l.box.x1 = std::clamp(l.box.x1, l.box.x0 + 1, page.width);
    }
    if (page.height > 0) {
      l.box.y0 = std::clamp(l.box.y0, 0, page.height - 1);
      l.box.y1 = std::clamp(l.box.y1, l.box.y0 + 1, page.height);
    }
  }
  for (auto& art : L.articles) {
    art.box = BBox{};
    for (size_t i : art.order) art.box = unite(art.box, L.lines[i].box);
  }
}

}  // namespace paiban::reflow_stages
