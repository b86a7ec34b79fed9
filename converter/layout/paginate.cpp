// paginate: the flow's pieces → columns → pages. Each column is filled up to its last legal
// break (pieces say where a column may end: no widow or orphan line, a heading kept with what
// follows, a box that fits in a column kept whole); a box taller than a column gets a frame per
// column, open where it continues; the last page's columns are balanced.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "layout/flow.h"

namespace paiban::layout {

namespace {

constexpr float kEps = 1e-3f;

float ceil_to(float x, float step) { return std::ceil(x / step - 1e-4f) * step; }

// Reads the flow's pieces for pagination, composing them as they are first asked for.
class Filler {
 public:
  // `largest_keep`: the largest `keep` any page passes (a full column's capacity); a box's height
  // is summed only until it is known to be taller than that.
  Filler(Flow& f, Composer& c, const Geometry& g, float largest_keep)
      : f_(f), c_(c), g_(g), largest_keep_(largest_keep) {}

  // Whether piece k exists (composing as far as it).
  bool has(int k) const { return c_.reach(k); }

  // Fills one column of capacity `cap` from piece `start`; returns the first piece not placed.
  // With `out`, records the placement. `keep`: a box no taller than this is never split (the
  // page's natural column capacity, also while balancing shortens `cap`).
  int fill(int start, float cap, float keep, ColumnLayout* out) const {
    int end = choose_end(start, cap, keep);
    if (out) place(start, end, out);
    return end;
  }

  // Whether the pieces from `start` fit in `columns` columns of capacity `cap` less each one's
  // `reserve` (figures at its top; none when empty); `strict`: with every column ending at a
  // legal break (no widow or orphan forced by a short column).
  bool fits(int start, float cap, float keep, int columns, bool strict, const std::vector<float>& reserve) const {
    int i = start;
    for (int c = 0; c < columns && has(i); ++c) {
      float room = cap - (reserve.empty() ? 0 : reserve[c]);
      if (room < g_.pitch - kEps) continue;  // a column its figures fill
      bool forced = false;
      i = choose_end(i, room, keep, &forced);
      if (forced && strict) return false;
    }
    return !has(i);
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

  static constexpr int kAll = std::numeric_limits<int>::max();

  template <class Visit, class Box>
  Walk walk(int start, int stop, float cap, float keep, Visit visit, Box box) const {
    Walk w;
    w.reached = start;
    float v = 0;
    int open = -1;     // the box whose frame is open in this column
    float open_v = 0;
    bool open_continued = false;  // that box began in an earlier column
    for (int k = start; k < stop && has(k); ++k) {
      const Piece& pc = f_.piece(k);
      float at = v;
      bool closes = open >= 0 && pc.box != open;
      if (closes) at = ceil_to(at + g_.box_pad, g_.pitch);
      bool opens = pc.box >= 0 && pc.box != open;
      // A box continued from the previous column starts at the column's top, on the grid of its
      // neighbours: the frame is open there, so it needs no padding.
      bool continued = opens && k == start && k > 0 && f_.piece(k - 1).box == pc.box;
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
      bool more = has(k + 1);
      bool inside_kept_box = pc.box >= 0 && more && f_.piece(k + 1).box == pc.box &&
                             box_height(pc.box, k) <= keep + kEps;
      if ((pc.break_after && !inside_kept_box) || !more) {
        w.legal = k + 1;
        w.bottom = v;
      }
    }
    if (open >= 0) {
      bool continues = has(w.reached) && f_.piece(w.reached).box == open;
      box(BoxSegment{open, open_v, v + g_.box_pad, open_continued, continues});
      v += g_.box_pad;
    }
    if (w.reached == stop) w.bottom = v;
    return w;
  }

  // The height of box `b` set whole in one column, its frame and padding included (what walk()
  // needs for it in an empty column), from a piece `k` of it; summed from its first piece until
  // it is known to be taller than any column (the same sum, in the same order, up to there).
  float box_height(int b, int k) const {
    auto it = box_height_.find(b);
    if (it != box_height_.end()) return it->second;
    int first = k;
    while (first > f_.body_base && f_.piece(first - 1).box == b) --first;
    float h = 2 * g_.box_pad;
    for (int i = first; has(i) && f_.piece(i).box == b && h <= largest_keep_ + kEps; ++i) h += f_.piece(i).height;
    box_height_.emplace(b, h);
    return h;
  }

  int choose_end(int start, float cap, float keep, bool* forced = nullptr) const {
    Walk w = walk(start, kAll, cap, keep, [](int, float) {}, [](const BoxSegment&) {});
    if (!has(w.reached)) return w.reached;
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

  Flow& f_;
  Composer& c_;
  const Geometry& g_;
  float largest_keep_;
  mutable std::map<int, float> box_height_;  // by box id, once summed
};

// A column of height h holds L lines: the last line's em box must end inside it. Capacity is
// counted in whole grid lines.
float capacity(float h, const Geometry& g, float body_size) {
  int lines = static_cast<int>(std::floor((h - body_size) / g.pitch + 1e-4f)) + 1;
  return std::max(1, lines) * g.pitch;
}

}  // namespace

struct Paginator::Impl {
  Impl(Flow& f, Composer& c, const Geometry& g, float bs)
      : flow(f), geo(g), body_size(bs), filler(f, c, g, capacity(g.depth, g, bs)) {}
  Flow& flow;
  const Geometry& geo;
  float body_size;
  Filler filler;
  int i = 0;      // the first piece not placed
  int pages = 0;  // pages made
};

Paginator::Paginator(Flow& flow, Composer& composer, const Geometry& geo, float body_size)
    : impl_(std::make_unique<Impl>(flow, composer, geo, body_size)) {}

Paginator::~Paginator() = default;

int Paginator::next_piece() const { return impl_->i; }

bool Paginator::next(PageLayout& page) {
  Impl& p = *impl_;
  const Geometry& geo = p.geo;
  const Filler& filler = p.filler;
  if (!filler.has(p.i) && p.pages > 0) return false;
  page = PageLayout{};
  page.top_v = p.pages == 0 ? p.flow.head_height : 0;
  page.first_column = p.pages == 0 ? p.flow.head_bands : 0;  // bands an across head fills
  const int skip = page.first_column;
  if (p.pages == 0) page.reserve = p.flow.reserve;
  const std::vector<float>& reserve = page.reserve;
  float deepest_figure = reserve.empty() ? 0 : *std::max_element(reserve.begin(), reserve.end());
  float column_h = geo.depth;
  float cap = capacity(column_h - page.top_v, geo, p.body_size);
  const float keep = cap;  // boxes that fit a column of this page stay whole
  page.columns.resize(geo.columns);
  if (filler.fits(p.i, cap, keep, geo.columns - skip, true, reserve)) {
    // The last page: the shortest column height that still holds the rest with every column
    // ending at a legal break, so the columns come out balanced (the last one no longer than
    // the others) without a widow or orphan.
    // Never shorter than the figures.
    int hi = static_cast<int>(std::lround(cap / geo.pitch));
    int lo = std::min(hi, std::max(1, static_cast<int>(std::lround(deepest_figure / geo.pitch))));
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (filler.fits(p.i, mid * geo.pitch, keep, geo.columns - skip, true, reserve)) hi = mid;
      else lo = mid + 1;
    }
    cap = hi * geo.pitch;
  }
  for (int c = skip; c < geo.columns; ++c) {
    if (!filler.has(p.i)) break;
    float room = cap - (reserve.empty() ? 0 : reserve[c]);
    if (room < geo.pitch - kEps) continue;
    p.i = filler.fill(p.i, room, keep, &page.columns[c]);
  }
  ++p.pages;
  return true;
}

}  // namespace paiban::layout
