// tile: the search that makes up the page — which rectangle of whole columns and whole lines each
// article gets, so that the modules cover the type area with no holes and no overlaps.
//
// What it tries. Every guillotine layout of the articles in rank order: a rectangle of w columns
// × H body lines holding articles i … j−1 is either
//   - one article (j = i + 1), set at w columns; it needs Measure::lines(w) lines and the rest of
//     H is filled by white in its head zone (pad: at most as many lines as its head has, ≤ 6;
//     white around a headline is how a make-up editor fills a module), any more is a hole;
//   - cut across: articles i … k−1 on top in H1 lines, a one-line gap holding a rule, k … j−1
//     below in H − H1 − 1 lines (every k, every H1);
//   - cut down: i … k−1 in the left w1 columns, k … j−1 in the rest, a rule in the column gap
//     (every k, every w1).
// So the higher-ranked story is always above or left of the lower-ranked, the lead sits in the
// top-left corner, and every layout tiles the type area by construction. Heights are reached by
// width, head lines and line count only: leading and letter-spacing are never stretched.
//
// How it scores (lower is better; column-lines: one column × one body line):
//   hole (white under a module's last line)       × 3 per column-line
//   pad (white added to a head)                   × 0.6 per column-line
//   lead narrower than the page                   + 6 per column
//   lead not wholly above the fold (half the area) + 400
//   another story as a shallow bar (< 20 lines)   + 1.5 per column per missing line
//   a second story wider than ⅔ of the page, or a later one wider than half   + 4 per column
//   a story with a head in one column             + 20
//   a module narrower than its widest figure      + 8 per column short
//   a story cut to jump to another page           + 40 (it then fills its module: no hole)
// "Lead" and "second" are ranks (a plan's, else the first and second article given); a plan's
// width for a module rules out every other width.
// The best is found exactly by dynamic programming over (i, j, w, H) — a few ten thousand
// rectangles for 3–8 articles, each scored once — and ties keep the first in the order above,
// so the result is deterministic (no hashing, no threads).
#include <algorithm>
#include <cmath>
#include <limits>

#include "makeup/makeup.h"

namespace paiban {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// White deeper than a line (the bar is 2; boxes and subheads set off the grid add part of a
// line the estimate does not see), per line past it and more past 2, whatever the module's width.
double deep_penalty(float white) { return 4.0 * std::max(0.0f, white - 1) + 30.0 * std::max(0.0f, white - 2); }

// One article in w columns × H lines: its score, and the head (kHeadScales index), pad and hole
// that give it.
struct Leaf {
  double score = kInf;
  int fit = 0, pad = 0, hole = 0;
  float white = 0;
};

Leaf leaf_score(const Measure& m, const Grid& g, int w, int H) {
  Leaf best;
  if (m.fixed_w > 0 && w != m.fixed_w) return best;
  const int nfits = m.has_head ? static_cast<int>(m.fits[w].size()) : 1;
  for (int f = 0; f < nfits; ++f) {
    const HeadFit* fit = m.has_head ? &m.fits[w][f] : nullptr;
    int need = (fit ? fit->lines : 0) + m.body_lines(w);
    double s = 0;
    bool cut = false;
    if (need > H) {
      // A story that may jump is cut where the module ends (at the rank's size): it fills it.
      if (!m.jump || f > 0 || m.head[w] + kJumpLines > H) continue;
      need = H, cut = true;
      s += 40;
    }
    int spare = H - need;
    if (fit) s += 10.0 * std::fabs(fit->scale - 1) * (m.rank == 0 ? 2 : 1);  // the rank's size first
    for (int pad = 0; pad <= (fit ? std::min(spare, kMaxPad) : 0); ++pad) {
      int hole = spare - pad;
      double p = s + 3.0 * hole * w + 0.6 * pad * w;
      float bottom = cut ? 0 : hole + m.short_by[w] + m.extra[w] + m.more_white[w];
      float white = std::max(fit ? fit->white[pad] : 0.0f, bottom);
      p += deep_penalty(white);
      if (p < best.score) best = {p, f, pad, hole, white};
    }
  }
  if (best.score == kInf) return best;
  double& s = best.score;
  int need = H - best.hole - best.pad;
  if (m.rank == 0) {
    s += 6.0 * (g.n - w);
    if (H * 2 > g.rows) s += 400;
  } else {
    s += 1.5 * w * std::max(0, 20 - need);
    int widest = m.rank == 1 ? (2 * g.n + 2) / 3 : (g.n + 1) / 2;
    s += 4.0 * std::max(0, w - widest);
  }
  if (w == 1 && m.has_head && g.n > 1) s += 20;
  s += 8.0 * std::max(0, m.span - w);  // a picture set narrower than its figure asks
  return best;
}

// The leaf's head, pad and hole into its module.
void place(const Measure& ms, const Leaf& l, Module& m) {
  m.headline = ms.has_head ? ms.fits[m.w][l.fit].size : 0;
  m.hole = l.hole;
  m.white = l.white;
  m.pad_above = l.pad / 3, m.pad_below = l.pad - l.pad / 3;
}

struct Choice {
  double cost = -1;  // < 0: not computed yet
  char how = 0;      // 'l' one article, 'h' cut across, 'v' cut down
  int k = 0, at = 0;  // split article and H1 (across) or w1 (down)
};

class Tiler {
 public:
  Tiler(const std::vector<Measure>& ms, const Grid& g)
      : ms_(ms), g_(g), n_(static_cast<int>(ms.size())),
        memo_(static_cast<size_t>(n_) * (n_ + 1) * (g.n + 1) * (g.rows + 1)) {}

  double best(int i, int j, int w, int H) {
    if (H <= 0) return kInf;
    Choice& c = at(i, j, w, H);
    if (c.cost >= 0) return c.cost;
    Choice b;
    b.cost = kInf;
    if (j == i + 1) {
      b.how = 'l';
      b.cost = leaf_score(ms_[i], g_, w, H).score;
    } else {
      for (int k = i + 1; k < j; ++k) {
        for (int h1 = 1; h1 + 1 < H; ++h1) {
          double top = best(i, k, w, h1);
          if (top == kInf) continue;
          double s = top + best(k, j, w, H - h1 - 1);
          if (s < b.cost) b = {s, 'h', k, h1};
        }
        for (int w1 = 1; w1 < w; ++w1) {
          double s = best(i, k, w1, H) + best(k, j, w - w1, H);
          if (s < b.cost) b = {s, 'v', k, w1};
        }
      }
    }
    ++candidates_;
    at(i, j, w, H) = b;
    return b.cost;
  }

  // Lays out the chosen tree into modules and cuts, x and y in columns and lines.
  void emit(int i, int j, int x, int w, int y, int H, Tiling& out) {
    const Choice& c = at(i, j, w, H);
    if (c.how == 'l') {
      Module m;
      m.article = i, m.x = x, m.w = w, m.y = y * g_.pitch, m.h = H * g_.pitch;
      place(ms_[i], leaf_score(ms_[i], g_, w, H), m);
      out.modules.push_back(m);
    } else if (c.how == 'h') {
      emit(i, c.k, x, w, y, c.at, out);
      float cy = (y + c.at + 0.5f) * g_.pitch;
      out.cuts.push_back({g_.x_of(x), cy, g_.x_of(x) + g_.width(w), cy});
      emit(c.k, j, x, w, y + c.at + 1, H - c.at - 1, out);
    } else {
      emit(i, c.k, x, c.at, y, H, out);
      float cx = g_.x_of(x + c.at) - g_.gap / 2;
      out.cuts.push_back({cx, y * g_.pitch, cx, (y + H) * g_.pitch});
      emit(c.k, j, x + c.at, w - c.at, y, H, out);
    }
  }

  int candidates() const { return candidates_; }

 private:
  Choice& at(int i, int j, int w, int H) {
    return memo_[((static_cast<size_t>(i) * (n_ + 1) + j) * (g_.n + 1) + w) * (g_.rows + 1) + H];
  }

  const std::vector<Measure>& ms_;
  const Grid& g_;
  int n_;
  std::vector<Choice> memo_;
  int candidates_ = 0;
};

}  // namespace

Tiling tile_fixed(const std::vector<Measure>& ms, const std::vector<Placement>& ps, const Grid& g) {
  Tiling t;
  t.fits = true;
  for (size_t a = 0; a < ms.size(); ++a) {
    const Placement& p = ps[a];
    Module m;
    m.article = static_cast<int>(a), m.x = p.x, m.w = p.width, m.y = p.y * g.pitch, m.h = p.h * g.pitch;
    Leaf l = leaf_score(ms[a], g, p.width, p.h);
    t.fits = t.fits && l.score < kInf;
    t.score += l.score < kInf ? l.score : 0;
    if (l.score < kInf) place(ms[a], l, m);
    t.modules.push_back(m);
    // Rules on the module's right and lower edges where another module may follow.
    if (p.x + p.width < g.n) {
      float cx = g.x_of(p.x + p.width) - g.gap / 2;
      t.cuts.push_back({cx, p.y * g.pitch, cx, (p.y + p.h) * g.pitch});
    }
    if (p.y + p.h < g.rows) {
      float cy = (p.y + p.h + 0.5f) * g.pitch;
      t.cuts.push_back({g.x_of(p.x), cy, g.x_of(p.x) + g.width(p.width), cy});
    }
  }
  t.candidates = static_cast<int>(ms.size());
  return t;
}

Tiling tile(const std::vector<Measure>& ms, const Grid& g) {
  Tiling t;
  if (ms.empty() || g.rows < 1) return t;
  Tiler tiler(ms, g);
  t.score = tiler.best(0, static_cast<int>(ms.size()), g.n, g.rows);
  t.candidates = tiler.candidates();
  t.fits = t.score < kInf;
  if (t.fits) tiler.emit(0, static_cast<int>(ms.size()), 0, g.n, 0, g.rows, t);
  return t;
}

}  // namespace paiban
