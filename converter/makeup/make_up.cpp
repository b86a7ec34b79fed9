// make_up: articles in rank order → one page of rectangular modules (modular make-up).
//
// The search. The type area is N columns wide (the style's) and H points tall.
//  1. Measure: for every article and every width w it may take, the least height (in whole body
//     lines, plus its head) that sets it on one module (measure.cpp). Headline size is set by
//     rank and width: the lead keeps the style's headline, the second 60 %, the rest 45 %, and no
//     headline is wider than a sixth of its module (at least six characters a line).
//  2. Enumerate layouts. A top band holds the lead at lw columns (lw from N down to N/2); when
//     lw < N the second article takes the remaining N − lw columns beside it. Below the band,
//     the other articles (in rank order) go into k vertical strips (k = 1 … min(4, articles)):
//     every composition of N columns into k widths × every split of the articles into k
//     consecutive groups; each strip stacks its group top to bottom. That is a few hundred
//     layouts for 3–8 articles.
//  3. Score each (lower is better), in column-lines (one column × one body line):
//       unused type area (holes and the space under the strips)  × 1
//       lead narrower than the page                               × 6 per column
//       another story shallower than 20 lines (a bar, hard to read) × 1.5 per column per line
//       a lower-ranked article wider than a higher-ranked one     + 40 each
//       lead not wholly above the fold (half the type area)       + 400
//       any module running past the foot of the type area         + 1e6 + its overrun
//     and keep the first best in enumeration order (deterministic: no hashing, no threads).
//  4. Set: every module is laid out as its own small page and its glyph runs and rules are
//     moved to their place; rules go between modules (vertical in the column gap, horizontal in
//     a one-line gap) so the page reads as separate stories.
// Heights are reached by width and line count only: leading and letter-spacing are never
// stretched, so a strip that ends short leaves space, which the score counts.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.h"
#include "core/timer.h"
#include "makeup/makeup.h"
#include "style/style.h"

namespace paiban {

namespace {

struct Grid {  // the page's type area as the search sees it
  int n = 1;              // columns
  float height = 0;       // type area height
  float measure = 0, gap = 0, vgap = 0;  // column width, column gap, space between modules
  float left = 0, top = 0;               // type area origin in media space (top: y up)
};

float headline_size(const Style& s, const Grid& pg, int rank, int w) {
  float by_rank = s.headline.size * (rank == 0 ? 1.0f : rank == 1 ? 0.6f : 0.45f);
  float width = w * pg.measure + (w - 1) * pg.gap;
  return std::max(s.body.size * 1.3f, std::min(by_rank, std::floor(width / 6)));
}

// Heights by (article, width), measured once: the search itself only adds numbers.
class Heights {
 public:
  Heights(const std::vector<Document>& a, const Style& s, const Grid& pg, const FontLibrary& f, TypesetTimings* t)
      : a_(a), s_(s), pg_(pg), f_(f), t_(t) {}
  float operator()(int article, int w) {
    auto key = std::make_pair(article, w);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    float h = measure_height(a_[article], s_, w, headline_size(s_, pg_, article, w), f_, t_);
    return cache_[key] = h;
  }

 private:
  const std::vector<Document>& a_;
  const Style& s_;
  const Grid& pg_;
  const FontLibrary& f_;
  TypesetTimings* t_;
  std::map<std::pair<int, int>, float> cache_;
};

struct Layout {
  std::vector<Module> modules;
  double score = 1e18;
};

// All compositions of n into k positive parts, in lexicographic order.
void compositions(int n, int k, std::vector<int>& cur, std::vector<std::vector<int>>& out) {
  if (k == 1) { cur.push_back(n); out.push_back(cur); cur.pop_back(); return; }
  for (int first = 1; first <= n - (k - 1); ++first) {
    cur.push_back(first);
    compositions(n - first, k - 1, cur, out);
    cur.pop_back();
  }
}

double score(const std::vector<Module>& ms, const Grid& pg, float pitch) {
  double cell = pg.measure * pitch;  // one column-line
  double used = 0, s = 0;
  for (const Module& m : ms) {
    used += m.h * (m.w * pg.measure + (m.w - 1) * pg.gap);
    float over = m.y + m.h - pg.height;
    if (over > 0.5f) s += 1e6 + over / pitch;
  }
  double area = pg.height * (pg.n * pg.measure + (pg.n - 1) * pg.gap);
  s += std::max(0.0, area - used) / cell;
  s += 6.0 * (pg.n - ms[0].w);
  for (const Module& m : ms)  // a story set as a shallow bar across many columns reads badly
    if (m.article > 0) s += 1.5 * m.w * std::max(0.0f, 20 - m.h / pitch);
  if (ms[0].y + ms[0].h > pg.height / 2) s += 400;
  for (const Module& a : ms)
    for (const Module& b : ms)
      if (a.article < b.article && a.w < b.w) s += 40;
  return s;
}

// Stacks `arts` into the strips described by widths and group sizes, below y0.
std::vector<Module> stack(const std::vector<int>& arts, const std::vector<int>& widths,
                          const std::vector<int>& groups, float y0, const Grid& pg, Heights& hs) {
  std::vector<Module> ms;
  size_t next = 0;
  int x = 0;
  for (size_t k = 0; k < widths.size(); ++k) {
    float y = y0;
    for (int g = 0; g < groups[k]; ++g, ++next) {
      Module m;
      m.article = arts[next];
      m.x = x, m.w = widths[k], m.y = y, m.h = hs(m.article, m.w);
      y += m.h + pg.vgap;
      ms.push_back(m);
    }
    x += widths[k];
  }
  return ms;
}

Layout search(int count, const Grid& pg, float pitch, Heights& hs, int* candidates) {
  Layout best;
  for (int lw = pg.n; lw * 2 >= pg.n && lw >= 1; --lw) {
    bool side = lw < pg.n;
    if (side && count < 2) continue;
    std::vector<Module> band;
    Module lead;
    lead.article = 0, lead.x = 0, lead.w = lw, lead.h = hs(0, lw);
    band.push_back(lead);
    float band_h = lead.h;
    if (side) {
      Module m;
      m.article = 1, m.x = lw, m.w = pg.n - lw, m.h = hs(1, pg.n - lw);
      band.push_back(m);
      band_h = std::max(band_h, m.h);
    }
    std::vector<int> rest;
    for (int i = side ? 2 : 1; i < count; ++i) rest.push_back(i);
    float y0 = band_h + pg.vgap;
    if (rest.empty()) {
      ++*candidates;
      double sc = score(band, pg, pitch);
      if (sc < best.score) best = {band, sc};
      continue;
    }
    int m = static_cast<int>(rest.size());
    for (int k = 1; k <= std::min({4, m, pg.n}); ++k) {
      std::vector<std::vector<int>> widths, groups;
      std::vector<int> cur;
      compositions(pg.n, k, cur, widths);
      compositions(m, k, cur, groups);
      for (const auto& ws : widths)
        for (const auto& gs : groups) {
          std::vector<Module> ms = band;
          for (Module& b : stack(rest, ws, gs, y0, pg, hs)) ms.push_back(b);
          ++*candidates;
          double sc = score(ms, pg, pitch);
          if (sc < best.score) best = {std::move(ms), sc};
        }
    }
  }
  return best;
}

void move_onto(const LaidOutPage& from, float dx, float dy, LaidOutPage& to) {
  for (GlyphRun r : from.runs) {
    for (PlacedGlyph& g : r.glyphs) g.x += dx, g.y += dy;
    to.runs.push_back(std::move(r));
  }
  for (RuleLine r : from.rules) {
    r.x1 += dx, r.x2 += dx, r.y1 += dy, r.y2 += dy;
    to.rules.push_back(r);
  }
}

// Rules between modules: a vertical one in the gap right of a module that has a neighbour,
// a horizontal one in the line gap under a module that has one below it.
void rule_between(const std::vector<Module>& ms, const Grid& pg, const Style& s, LaidOutPage& out) {
  float width = std::max(0.3f, s.column_rule), gray = s.rule_gray;
  for (const Module& m : ms) {
    float right = pg.left + (m.x + m.w) * (pg.measure + pg.gap) - pg.gap;
    float left = pg.left + m.x * (pg.measure + pg.gap);
    if (m.x + m.w < pg.n)
      out.rules.push_back({right + pg.gap / 2, pg.top - m.y, right + pg.gap / 2, pg.top - m.y - m.h, width, gray});
    for (const Module& b : ms)
      if (b.y > m.y + m.h && b.y < m.y + m.h + pg.vgap * 1.5f && b.x < m.x + m.w && m.x < b.x + b.w) {
        float y = pg.top - m.y - m.h - pg.vgap / 2;
        out.rules.push_back({left, y, right, y, width, gray});
        break;
      }
  }
}

}  // namespace

LaidOutDocument make_up(const std::vector<Document>& articles, const Style& style,
                        const FontLibrary& fonts, MakeUpReport* report) {
  if (articles.empty()) throw Error(ExitCode::usage, "make-up: no articles given");
  MakeUpReport local;
  MakeUpReport& rep = report ? *report : local;
  ScopedTimer timer;
  Grid pg;
  pg.n = std::max(1, style.columns);
  Style probe = module_style(style, pg.n, 100, style.headline.size);
  pg.gap = probe.column_gap;
  pg.measure = pg.n > 1 ? (probe.page_width - (pg.n - 1) * pg.gap) / pg.n : probe.page_width;
  pg.vgap = style.body.pitch();
  pg.height = style.page_height - style.margin_top - style.margin_bottom;
  pg.left = style.bleed + style.margin_left;
  pg.top = style.bleed + style.page_height - style.margin_top;
  float pitch = style.body.pitch();

  Heights hs(articles, style, pg, fonts, &rep.timings);
  Layout best = search(static_cast<int>(articles.size()), pg, pitch, hs, &rep.candidates);
  for (const Module& m : best.modules)
    if (m.y + m.h > pg.height + 0.5f)
      throw Error(ExitCode::input, articles[m.article].source + ": does not fit on the page (needs " +
                                       std::to_string(static_cast<int>(m.y + m.h - pg.height)) + " pt more)",
                  "shorten it or leave it out: jumps to another page are not made yet");

  LaidOutDocument doc;
  LaidOutPage page;
  page.width = style.page_width + 2 * style.bleed;
  page.height = style.page_height + 2 * style.bleed;
  page.bleed = style.bleed;
  for (Module& m : best.modules) {
    m.name = articles[m.article].source;
    m.headline = headline_size(style, pg, m.article, m.w);
    LaidOutPage one = set_module(articles[m.article], style, m.w, m.h, m.headline, fonts, &m.lines, &rep.timings);
    move_onto(one, pg.left + m.x * (pg.measure + pg.gap), pg.top - m.y - m.h, page);
    for (const Block& b : articles[m.article].blocks)
      if (b.kind == Kind::headline) {
        Bookmark mark;
        mark.title = b.text, mark.page = 0, mark.y = pg.top - m.y;
        doc.bookmarks.push_back(mark);
        break;
      }
  }
  rule_between(best.modules, pg, style, page);
  doc.pages.push_back(std::move(page));

  std::sort(best.modules.begin(), best.modules.end(), [](const Module& a, const Module& b) { return a.article < b.article; });
  rep.modules = best.modules;
  rep.score = best.score;
  char buf[256];
  std::snprintf(buf, sizeof buf, "# page %.1fx%.1f pt, type area %d columns x %.1f pt, %d layouts scored, score %.1f\n",
                style.page_width, style.page_height, pg.n, pg.height, rep.candidates, best.score);
  rep.debug_dump = buf;
  for (const Module& m : rep.modules) {
    std::snprintf(buf, sizeof buf, "module article=%d x=%d y=%.1f w=%d h=%.1f columns=%d-%d lines=%d headline=%.1f ",
                  m.article, m.x, m.y, m.w, m.h, m.x + 1, m.x + m.w, m.lines, m.headline);
    rep.debug_dump += buf + m.name + "\n";
  }
  rep.timings.paginate_ms += timer.ms();
  return doc;
}

}  // namespace paiban
