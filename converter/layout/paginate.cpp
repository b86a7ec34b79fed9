// paginate: the flow's pieces → columns → pages. Each column is filled up to its last legal
// break (pieces say where a column may end: no widow or orphan line, a heading kept with what
// follows, a box that fits in a column kept whole); a box taller than a column gets a frame per
// column, open where it continues; the last page's columns are balanced.
#include <algorithm>
#include <cmath>

#include "layout/flow.h"

namespace paiban::layout {

namespace {

constexpr float kEps = 1e-3f;

float ceil_to(float x, float step) { return std::ceil(x / step - 1e-4f) * step; }

class Filler {
 public:
  Filler(const Flow& f, const Geometry& g) : f_(f), g_(g), n_(static_cast<int>(f.body.size())) {
    // Each box's height when set whole in one column: its pieces, and frame and padding above
    // and below (what walk() needs for it in an empty column).
    for (const Piece& pc : f.body) {
      if (pc.box < 0) continue;
      if (pc.box >= static_cast<int>(box_height_.size())) box_height_.resize(pc.box + 1, 2 * g.box_pad);
      box_height_[pc.box] += pc.height;
    }
  }

  int size() const { return n_; }

  // Fills one column of capacity `cap` from piece `start`; returns the first piece not placed.
  // With `out`, records the placement. `keep`: a box no taller than this is never split (the
  // page's natural column capacity, also while balancing shortens `cap`).
  int fill(int start, float cap, float keep, ColumnLayout* out) const {
    int end = choose_end(start, cap, keep);
    if (out) place(start, end, out);
    return end;
  }

  // Whether the pieces from `start` fit in `columns` columns of capacity `cap`; `strict`: with
  // every column ending at a legal break (no widow or orphan forced by a short column).
  bool fits(int start, float cap, float keep, int columns, bool strict) const {
    int i = start;
    for (int c = 0; c < columns && i < n_; ++c) {
      bool forced = false;
      i = choose_end(i, cap, keep, &forced);
      if (forced && strict) return false;
    }
    return i >= n_;
  }

 private:
  // Walks pieces [start, ...) as they would be placed; calls visit(k, v) for each placed piece
  // and stops at `stop` or when the next piece does not fit. Returns the last v (bottom) and the
  // index reached; `legal` is the furthest end index at a legal break.
  struct Walk {
    int reached = 0;
    int legal = -1;
    float bottom = 0;
  };

  template <class Visit, class Box>
  Walk walk(int start, int stop, float cap, float keep, Visit visit, Box box) const {
    Walk w;
    w.reached = start;
    float v = 0;
    int open = -1;     // the box whose frame is open in this column
    float open_v = 0;
    bool open_continued = false;  // that box began in an earlier column
    for (int k = start; k < stop; ++k) {
      const Piece& pc = f_.body[k];
      float at = v;
      bool closes = open >= 0 && pc.box != open;
      if (closes) at = ceil_to(at + g_.box_pad, g_.pitch);
      bool opens = pc.box >= 0 && pc.box != open;
      // A box continued from the previous column starts at the column's top, on the grid of its
      // neighbours: the frame is open there, so it needs no padding.
      bool continued = opens && k == start && k > 0 && f_.body[k - 1].box == pc.box;
      float top = opens && !continued ? at + g_.box_pad : at;
      float need = top + pc.height + (pc.box >= 0 ? g_.box_pad : 0);
      // A piece always fits an empty column (else nothing could ever be placed).
      if (need > cap + kEps && k > start) break;
      if (closes) {
        box(BoxSegment{open, open_v, v + g_.box_pad, open_continued, false});
        open = -1;
      }
      if (opens) {
        open = pc.box;
        open_v = at;
        open_continued = continued;
      }
      visit(k, top);
      v = top + pc.height;
      w.reached = k + 1;
      // A box that fits in a column is kept whole: no column ends inside it.
      bool inside_kept_box = pc.box >= 0 && k + 1 < n_ && f_.body[k + 1].box == pc.box &&
                             box_height_[pc.box] <= keep + kEps;
      if ((pc.break_after && !inside_kept_box) || k + 1 == n_) {
        w.legal = k + 1;
        w.bottom = v;
      }
    }
    if (open >= 0) {
      bool continues = w.reached < n_ && f_.body[w.reached].box == open;
      box(BoxSegment{open, open_v, v + g_.box_pad, open_continued, continues});
      v += g_.box_pad;
    }
    if (w.reached == stop) w.bottom = v;
    return w;
  }

  int choose_end(int start, float cap, float keep, bool* forced = nullptr) const {
    Walk w = walk(start, n_, cap, keep, [](int, float) {}, [](const BoxSegment&) {});
    if (w.reached >= n_) return n_;
    if (w.legal > start) return w.legal;
    if (forced) *forced = true;
    return std::max(w.reached, start + 1);  // no legal break fits: break where it must
  }

  void place(int start, int end, ColumnLayout* out) const {
    Walk w = walk(
        start, end, 1e9f, 0, [&](int k, float v) { out->pieces.push_back({k, v}); },
        [&](const BoxSegment& b) { out->boxes.push_back(b); });
    out->used = w.bottom;
  }

  const Flow& f_;
  const Geometry& g_;
  int n_;
  std::vector<float> box_height_;  // by box id
};

// A column of height h holds L lines: the last line's em box must end inside it. Capacity is
// counted in whole grid lines.
float capacity(float h, const Geometry& g, float body_size) {
  int lines = static_cast<int>(std::floor((h - body_size) / g.pitch + 1e-4f)) + 1;
  return std::max(1, lines) * g.pitch;
}

}  // namespace

std::vector<PageLayout> paginate(const Flow& flow, const Geometry& geo, const Limits& limits, const std::string& where) {
  std::vector<PageLayout> pages;
  Filler filler(flow, geo);
  int n = filler.size();
  float body_size = geo.pitch;  // refined below from the first body piece
  for (const Piece& pc : flow.body) {
    if (!pc.lines.empty() && pc.box < 0 && pc.rules.empty()) {
      body_size = flow.paras[pc.lines.front().para].p.size;
      break;
    }
  }
  float column_h = geo.top - geo.bottom;
  int i = 0;
  while (i < n || pages.empty()) {
    PageLayout page;
    page.top_v = pages.empty() ? flow.head_height : 0;
    float cap = capacity(column_h - page.top_v, geo, body_size);
    const float keep = cap;  // boxes that fit a column of this page stay whole
    page.columns.resize(geo.columns);
    if (filler.fits(i, cap, keep, geo.columns, true)) {
      // The last page: the shortest column height that still holds the rest with every column
      // ending at a legal break, so the columns come out balanced (the last one no longer than
      // the others) without a widow or orphan.
      int lo = 1, hi = static_cast<int>(std::lround(cap / geo.pitch));
      while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (filler.fits(i, mid * geo.pitch, keep, geo.columns, true)) hi = mid;
        else lo = mid + 1;
      }
      cap = hi * geo.pitch;
    }
    for (int c = 0; c < geo.columns; ++c) {
      if (i >= n) break;
      i = filler.fill(i, cap, keep, &page.columns[c]);
    }
    pages.push_back(std::move(page));
    check_page_count(static_cast<int>(pages.size()), where, limits);
  }
  return pages;
}

}  // namespace paiban::layout
