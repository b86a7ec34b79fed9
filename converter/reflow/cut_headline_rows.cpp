// cut_headline_rows: the first rows of two headlines side by side, read by the engine as one
// line, cut where they part (fresh39 p004: "【江河奔腾看" over one article and "国际联播快讯"
// over the next, 37 px of white between their boxes, under a fifth of their em: no gap
// cut_gutters reads as a gutter, and the columns' gutter below is narrower than a quarter of it).
//
// Two kinds of evidence, both needed:
//  - the headline's next rows, in its type and just under it, stand on one side of the white
//    only and end (or start) within an em of it: one headline goes on there, the other does not;
//  - a gutter runs under the white, judged by the body's em (PageInk::gutter): columns end left
//    of it and start right of it.
// A headline over its own columns whose next row happens to end over a gutter, at a gap of its
// first row, would be cut too: three things must meet for that.
#include <algorithm>
#include <optional>

#include "reflow/page_stages.h"
#include "reflow/words.h"

namespace paiban::reflow_stages {

namespace {

using words::boxed_words;
using words::line_em;
using words::solid;

// Type sizes a third apart at most: rows of one headline.
bool alike(int a, int b) { return a > 0 && b > 0 && std::max(a, b) * 3 <= std::min(a, b) * 4; }

// The rows in headline type under piece i (top within an em below its foot, a quarter em above
// it), of its type, reaching under its box. At most 64 are looked at, by top edge.
std::vector<size_t> rows_under(const std::vector<LinePiece>& ps, const std::vector<size_t>& by_top,
                               const std::vector<int>& em, size_t i) {
  const BBox& b = ps[i].line.box;
  std::vector<size_t> out;
  auto first = std::lower_bound(by_top.begin(), by_top.end(), b.y1 - em[i] / 4,
                                [&](size_t k, int y) { return ps[k].line.box.y0 < y; });
  for (size_t seen = 0; first != by_top.end() && seen < 64; ++first, ++seen) {
    const size_t j = *first;
    const BBox& r = ps[j].line.box;
    if (r.y0 > b.y1 + em[i]) break;
    if (j != i && alike(em[i], em[j]) && r.x1 > b.x0 && r.x0 < b.x1) out.push_back(j);
  }
  return out;
}

// The headline's next rows stand on one side of the white from lo to hi and reach within an
// em of it: all end before hi (the left headline goes on) or all start after lo (the right one).
bool one_side(const std::vector<LinePiece>& ps, const std::vector<size_t>& under, int lo, int hi, int em) {
  bool left = true, right = true, left_near = false, right_near = false;
  for (size_t j : under) {
    const BBox& r = ps[j].line.box;
    left = left && r.x1 <= hi;
    right = right && r.x0 >= lo;
    left_near = left_near || r.x1 >= lo - em;
    right_near = right_near || r.x0 <= hi + em;
  }
  return (left && left_near) || (right && right_near);
}

}  // namespace

void cut_headline_rows(std::vector<LinePiece>& ps, int body, ReflowReport& report) {
  if (body <= 0) return;
  const size_t n = ps.size();
  std::vector<int> em(n, 0);
  std::vector<size_t> by_top;
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (!ps[i].line.box.known()) continue;
    by_top.push_back(i);
    // A line given as one box (a text row with no words' boxes): its height is its type's.
    const bool boxed = boxed_words(ps[i].line);
    em[i] = boxed ? line_em(ps[i].line) : ps[i].line.box.height();
    any = any || (boxed && em[i] >= body * kHeadline);
  }
  if (!any) return;
  std::sort(by_top.begin(), by_top.end(), [&](size_t a, size_t b) { return ps[a].line.box.y0 < ps[b].line.box.y0; });
  std::optional<PageInk> ink;  // built once a row has next rows on one side of a gap
  std::vector<std::pair<size_t, std::vector<char>>> cuts;  // pieces to cut, before which words
  size_t budget = 4096;  // headline rows looked at (hostile input: a million of them)
  for (size_t i = 0; i < n && budget > 0; ++i) {
    const ocr::Line& l = ps[i].line;
    if (em[i] < body * kHeadline || !boxed_words(l)) continue;
    --budget;
    const std::vector<size_t> under = rows_under(ps, by_top, em, i);
    if (under.empty()) continue;
    std::vector<char> cut(l.words.size(), 0);
    bool cutting = false;
    size_t a = l.words.size();  // the last solid word before k
    for (size_t k = 0; k < l.words.size(); ++k) {
      if (!solid(l.words[k])) continue;
      if (a < l.words.size()) {
        const int lo = l.words[a].box.x1, hi = l.words[k].box.x0;
        // (White over an em and a fifth was cut in the line already: cut_gutters.)
        if (hi > lo && (hi - lo) * 5 <= em[i] * 6 && one_side(ps, under, lo, hi, em[i])) {
          if (!ink) ink.emplace(ps);
          const int step = std::max(1, body / 8);
          for (int px = lo; px <= hi && !cut[k]; px += step)
            if (ink->gutter(px, l.box.y1, l.box.y1 + 4 * em[i], body, body / 4, i)) cut[k] = 1, cutting = true;
        }
      }
      a = k;
    }
    if (cutting) cuts.emplace_back(i, std::move(cut));
  }
  if (cuts.empty()) return;
  std::vector<LinePiece> out;
  out.reserve(n + cuts.size());
  size_t c = 0;
  for (size_t i = 0; i < n; ++i) {
    if (c < cuts.size() && cuts[c].first == i) {
      report.repairs["headline-row-cut"] += 1;
      for (auto& q : split_piece(ps[i], cuts[c++].second)) out.push_back(std::move(q));
    } else {
      out.push_back(std::move(ps[i]));
    }
  }
  ps = std::move(out);
}

}  // namespace paiban::reflow_stages
