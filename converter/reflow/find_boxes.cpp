// find_boxes: text set in a frame inside an article's column (a box: 编者按, a quoted statement,
// a side note). The frame's rule and padding keep its lines clear of the column's edges on both
// sides, where the column's own text reaches them; the engine reads it as a block of its own
// (Tesseract's ocr_carea, an ALTO TextBlock or a ComposedBlock of them). So: a run of lines of
// one source region, inset by over half an em on both sides from what the column's other lines
// reach. The box becomes a column of its own (its own edges: its first line's indent measured
// against the frame), and its lines are marked boxed.
#include <algorithm>
#include <cmath>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

constexpr double kInset = 0.6;  // ems: a frame's rule plus padding; ragged text stays well under
// A text layer's lines stand where they were set, justified to the column's edges to the point:
// a tight frame's rule and padding (TeX's \fbox: 3.4 pt a side, 0.38 em of 9 pt type) is enough.
constexpr double kInsetExact = 0.25;

struct Run {
  size_t begin = 0, end = 0;  // PageArticle::order positions, one column, one region
};

// A rule across both lines' width runs between them (a frame's top or bottom side).
bool rule_between(const PageLayout& L, const PageLine& p, const PageLine& q) {
  for (const BBox& g : L.rules) {
    if (g.width() < g.height()) continue;
    const int mid = (g.y0 + g.y1) / 2;
    auto along = [&](const BBox& b) { return (std::min(g.x1, b.x1) - std::max(g.x0, b.x0)) * 10 >= b.width() * 8; };
    if (mid > p.mid && mid < q.mid && along(p.box) && along(q.box)) return true;
  }
  return false;
}

// The runs of one column's lines (positions [b, e)) that come from one source region, cut where
// a rule runs between two lines (the engine may file a framed line with the text above it).
std::vector<Run> region_runs(const PageLayout& L, const PageArticle& a, size_t b, size_t e) {
  std::vector<Run> runs;
  for (size_t k = b; k < e; ++k) {
    const PageLine& l = L.lines[a.order[k]];
    if (runs.empty() || l.region != L.lines[a.order[runs.back().begin]].region ||
        rule_between(L, L.lines[a.order[k - 1]], l))
      runs.push_back(Run{k, k + 1});
    else
      runs.back().end = k + 1;
  }
  return runs;
}

// A run is a box when it holds two lines of running text or more, and the column's other
// lines (two at least on each side) reach past its left and its right edge by the inset.
bool framed(const PageLayout& L, const PageArticle& a, size_t b, size_t e, const Run& r) {
  if (r.end - r.begin < 2) return false;
  int x0 = 1 << 30, x1 = -(1 << 30), y0 = 1 << 30, y1 = -(1 << 30), tallest = 0, marks = 0;
  for (size_t k = r.begin; k < r.end; ++k) {
    const PageLine& l = L.lines[a.order[k]];
    x0 = std::min(x0, l.box.x0), x1 = std::max(x1, l.box.x1);
    y0 = std::min(y0, l.box.y0), y1 = std::max(y1, l.box.y1);
    tallest = std::max(tallest, l.box.height());
    marks += l.line.marks > 0;
  }
  if ((y1 - y0) * 2 < tallest * 3) return false;  // lines one under another, not pieces of one row
  // Running text: lines with sentence marks, or justified to both of the run's edges (the engine
  // may lose the line holding a box's pauses: fresh15 p004).
  int full = 0;
  for (size_t k = r.begin; k < r.end; ++k) {
    const BBox& o = L.lines[a.order[k]].box;
    full += std::abs(o.x0 - x0) < L.em / 2 && std::abs(o.x1 - x1) < L.em / 2 && L.lines[a.order[k]].line.marks == 0;
  }
  if (marks < 2 && (marks == 0 || marks + full < 3)) return false;
  // Lines each indented two ems from the column's edge, as a paragraph's first line is, or
  // centred on the column as a heading is: short paragraphs of one line in a wide column the
  // engine filed together, no frame (a box's lines after its first stand flush with the frame's
  // padding, and then not all at two ems).
  const PageColumn& c = a.columns[a.column_of[b]];
  bool one_line_paragraphs = true;
  for (size_t k = r.begin; k < r.end && one_line_paragraphs; ++k) {
    const PageLine& l = L.lines[a.order[k]];
    const double left = (l.box.x0 - c.x0) / L.em, right = (c.x1 - l.box.x1) / L.em;
    one_line_paragraphs = std::abs(left - 2) < 0.6 || (left > 2 && std::abs(left - right) < 1);
  }
  if (one_line_paragraphs) return false;
  const double inset = L.em * (L.exact ? kInsetExact : kInset);
  int left = 0, right = 0;
  for (size_t k = b; k < e; ++k) {
    if (k >= r.begin && k < r.end) continue;
    const BBox& o = L.lines[a.order[k]].box;
    left += o.x0 <= x0 - inset;
    right += o.x1 >= x1 + inset;
  }
  return left >= 2 && right >= 2;
}

// A run the engine found ruled round (Tesseract reads a box's frame as four separators): rules
// within 1.5 em of three of its sides at least, each along most of that side and not much
// longer (a rule across the page, under a headline or between articles, is no frame).
// Returns the frame (the rules' extent), unknown where the run is not ruled round.
BBox frame(const PageLayout& L, const PageArticle& a, const Run& r) {
  BBox run, sides;
  for (size_t k = r.begin; k < r.end; ++k) run = unite(run, L.lines[a.order[k]].box);
  if (!run.known() || L.rules.empty()) return BBox{};
  const int near = static_cast<int>(L.em * 1.5), half = static_cast<int>(L.em / 2), slack = static_cast<int>(L.em * 4);
  bool top = false, bottom = false, left = false, right = false;
  for (const BBox& g : L.rules) {
    if (g.width() >= g.height()) {
      const int along = std::min(g.x1, run.x1) - std::max(g.x0, run.x0);
      if (along * 10 < run.width() * 8 || g.width() > run.width() + slack) continue;
      const bool t = g.y1 <= run.y0 + half && run.y0 - g.y1 < near, b = g.y0 >= run.y1 - half && g.y0 - run.y1 < near;
      if (t || b) sides = unite(sides, g);
      top = top || t, bottom = bottom || b;
    } else {
      const int along = std::min(g.y1, run.y1) - std::max(g.y0, run.y0);
      if (along * 10 < run.height() * 8 || g.height() > run.height() + slack) continue;
      const bool l = g.x1 <= run.x0 + half && run.x0 - g.x1 < near, rt = g.x0 >= run.x1 - half && g.x0 - run.x1 < near;
      if (l || rt) sides = unite(sides, g);
      left = left || l, right = right || rt;
    }
  }
  return top + bottom + left + right >= 3 ? sides : BBox{};
}

// A run of running text under a rule, or over one, that spans it with a frame's padding to spare
// on both sides (a fifth of an em to an em and a half; justified text under a plain rule reaches
// its ends), clear of its column's edges as well: the frame's top or bottom side, its others
// unread (fresh69 p001: a box at a column's foot, "国际人士指出，…火上浇油。", only its top rule
// read as a separator).
bool capped(const PageLayout& L, const PageArticle& a, const PageColumn& c, const Run& r) {
  if (r.end - r.begin < 2 || L.rules.empty()) return false;
  BBox run;
  int marks = 0;
  for (size_t k = r.begin; k < r.end; ++k) {
    const PageLine& l = L.lines[a.order[k]];
    run = unite(run, l.box);
    marks += l.line.marks > 0;
  }
  const double near = L.em * 1.5, half = L.em / 2, pad_min = L.em * 0.2, pad_max = L.em * 1.5;
  // Clear of the column's edges too: text beside another frame's side reaches them.
  if (!run.known() || marks == 0 || run.x0 - c.x0 < pad_min || c.x1 - run.x1 < pad_min) return false;
  for (const BBox& g : L.rules) {
    if (g.width() < g.height()) continue;
    const bool over = g.y1 <= run.y0 + half && run.y0 - g.y1 < near;
    const bool under = g.y0 >= run.y1 - half && g.y0 - run.y1 < near;
    const int left = run.x0 - g.x0, right = g.x1 - run.x1;
    if ((over || under) && left >= pad_min && left <= pad_max && right >= pad_min && right <= pad_max) return true;
  }
  return false;
}

bool inside(const BBox& frame, const BBox& b) { return frame.known() && intersect(frame, b) == b; }

// Every line of a run inside a frame found for it, give or take half an em (a frame found on
// three sides leaves the fourth open: a line of the text above must not join the box).
bool lines_within(const PageLayout& L, const PageArticle& a, const Run& r, BBox f) {
  const int half = static_cast<int>(L.em / 2);
  f.x0 -= half, f.y0 -= half, f.x1 += half, f.y1 += half;
  for (size_t k = r.begin; k < r.end; ++k)
    if (!inside(f, L.lines[a.order[k]].box)) return false;
  return true;
}

// A run right under a box that goes on with it: the engine filed the box's last lines apart (fresh16
// p004: woven with the column beside it, then cut), each of them within the box's edges and clear
// of the column's on both sides, one of them as wide as the box (a short paragraph after a box
// is clear of the column's right edge too), and the first within 1.5 em under the box.
bool continues_box(const PageLayout& L, const PageColumn& c, const PageColumn& box, const Run& r, const PageArticle& a) {
  if (box.lines.empty()) return false;
  int bottom = 0;
  for (size_t i : box.lines) bottom = std::max(bottom, L.lines[i].box.y1);
  const int half = static_cast<int>(L.em / 2), inset = static_cast<int>(L.em * (L.exact ? kInsetExact : kInset));
  if (L.lines[a.order[r.begin]].box.y0 - bottom > L.em * 1.5) return false;
  bool full = false;
  for (size_t k = r.begin; k < r.end; ++k) {
    const BBox& o = L.lines[a.order[k]].box;
    if (o.x0 < box.x0 - half || o.x1 > box.x1 + half || o.x0 < c.x0 + inset || o.x1 > c.x1 - inset) return false;
    full = full || (std::abs(o.x0 - box.x0) <= half && std::abs(o.x1 - box.x1) <= half);
  }
  return full;
}

}  // namespace

void find_boxes(const PageLayout& L, PageArticle& a) {
  a.boxed.assign(a.order.size(), false);
  if (L.em <= 0) return;
  std::vector<PageColumn> cols;
  std::vector<size_t> col_of(a.order.size());
  const size_t none = static_cast<size_t>(-1);
  for (size_t b = 0; b < a.order.size();) {
    size_t e = b;
    while (e < a.order.size() && a.column_of[e] == a.column_of[b]) ++e;
    const PageColumn& c = a.columns[a.column_of[b]];
    const bool headline = !a.head.empty() && a.column_of[b] == 0;
    // The column's pieces in order: text, box, text…; its text keeps the column's edges.
    size_t text = none;
    const std::vector<Run> runs = region_runs(L, a, b, e);
    std::vector<BBox> frames(runs.size());
    for (size_t i = 0; i < runs.size(); ++i)
      if (!headline) frames[i] = frame(L, a, runs[i]);
    // Runs one after the other ruled round together: the engine filed one framed text in several
    // blocks (fresh30 p003: its last lines woven with the column beside it, then cut apart), each
    // too short for the frame's sides, which run the length of all. Up to four runs are joined.
    for (size_t i = 0; !headline && i + 1 < runs.size(); ++i) {
      if (frames[i].known()) continue;
      for (size_t j = i + 1; j < runs.size() && j < i + 4 && !frames[j].known(); ++j) {
        const BBox all = frame(L, a, Run{runs[i].begin, runs[j].end});
        if (!all.known() || !lines_within(L, a, Run{runs[i].begin, runs[j].end}, all)) continue;
        for (size_t m = i; m <= j; ++m) frames[m] = all;
        break;
      }
    }
    // A run inside the frame of the run after it (or before it) is that box's too: the engine
    // filed a framed paragraph's first line (indented, too short for the frame's sides to tell)
    // in a block of its own, or its last line, boxed a pixel past the side rules (fresh78 p005).
    // Not over the frame's top side or under its bottom one: the column's text beside a side rule
    // that reaches past them (fresh80 p005: "地居民不满。" over a box at the next column's top).
    auto within = [&](size_t i, size_t j) {
      if (!frames[j].known() || !lines_within(L, a, runs[i], frames[j])) return false;
      const Run &up = runs[std::min(i, j)], &down = runs[std::max(i, j)];
      return !rule_between(L, L.lines[a.order[up.end - 1]], L.lines[a.order[down.begin]]);
    };
    std::vector<bool> joined(runs.size(), false);
    for (size_t i = 0; i < runs.size(); ++i) {
      if (frames[i].known()) continue;
      if ((i + 1 < runs.size() && within(i, i + 1)) || (i > 0 && within(i, i - 1))) joined[i] = true;
    }
    for (size_t i = 0; i < runs.size(); ++i) {
      const Run& r = runs[i];
      // The same frame's runs, one after another, make one box (two boxes stacked stay two).
      const bool same_frame =
          i > 0 && ((joined[i] && within(i, i - 1)) || (joined[i - 1] && within(i - 1, i)) ||
                    (frames[i].known() && frames[i - 1].known() &&
                     area(intersect(frames[i], frames[i - 1])) * 2 >= std::min(area(frames[i]), area(frames[i - 1]))));
      const bool goes_on = !headline && i > 0 && text == none && !cols.empty() && continues_box(L, c, cols.back(), r, a);
      const bool box = goes_on || (!headline && (frames[i].known() || joined[i] || framed(L, a, b, e, r) || capped(L, a, c, r)));
      if (box && !same_frame && !goes_on) {
        cols.push_back(PageColumn{});
        text = none;
      } else if (!box && text == none) {
        cols.push_back(PageColumn{c.x0, c.x1, {}});
        text = cols.size() - 1;
      }
      for (size_t k = r.begin; k < r.end; ++k) {
        a.boxed[k] = box;
        col_of[k] = box ? cols.size() - 1 : text;
        cols[col_of[k]].lines.push_back(a.order[k]);
      }
      if (box) set_edges(L, cols.back());
    }
    b = e;
  }
  a.columns = std::move(cols);
  a.column_of = std::move(col_of);
}

}  // namespace paiban::reflow_stages
