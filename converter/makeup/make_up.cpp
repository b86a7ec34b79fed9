// make_up: articles in rank order → one page of rectangular modules (modular make-up).
// measure every article (measure.cpp) → tile the type area (tile.cpp: the search) → set each
// module, growing an estimate the setting proved short and searching again → rules between
// modules, running head → the debug dump.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "core/timer.h"
#include "makeup/makeup.h"
#include "style/style.h"

namespace paiban {

namespace {

constexpr int kMaxArticles = 12;  // the search grows with the cube of the count; papers set ≤ 8
constexpr int kMaxRounds = 24;    // re-searches after a module proved taller than measured
constexpr int kWhiteRounds = 4;   // … or whiter than estimated (each costs a search and a setting)

void move_onto(const LaidOutPage& from, float dx, float dy, LaidOutPage& to) {
  for (GlyphRun r : from.runs) {
    for (PlacedGlyph& g : r.glyphs) g.x += dx, g.y += dy;
    to.runs.push_back(std::move(r));
  }
  for (RuleLine r : from.rules) {
    r.x1 += dx, r.x2 += dx, r.y1 += dy, r.y2 += dy;
    to.rules.push_back(r);
  }
  for (PlacedImage im : from.images) {
    im.x += dx, im.y += dy;
    to.images.push_back(std::move(im));
  }
}

// The deepest white in any column of the type area's lines, in body lines of text missing: the
// longest run down one column whose whole width holds no ink (a glyph over its em, a picture over
// its box, a rule), less the leading two lines of text always have between them — as
// tests/cli/holes.py measures it from a rendering.
float deepest_hole(const LaidOutPage& page, const Grid& g, float body) {
  float worst = 0;
  const float foot = g.rows * g.pitch;  // under the last whole line: foot margin
  for (int c = 0; c < g.n; ++c) {
    float x0 = g.left + g.x_of(c), x1 = x0 + g.measure;
    std::vector<std::pair<float, float>> ink;  // (top, bottom) in type-area y down
    for (const GlyphRun& r : page.runs)
      for (size_t i = 0; i < r.glyphs.size(); ++i) {
        const PlacedGlyph& gl = r.glyphs[i];
        float right = gl.x + r.size;  // its advance: to the next glyph on its line, at most an em
        if (i + 1 < r.glyphs.size() && r.glyphs[i + 1].y == gl.y && r.glyphs[i + 1].x > gl.x)
          right = std::min(right, r.glyphs[i + 1].x);
        if (right > x0 && gl.x < x1 && gl.y < g.top && gl.y > g.top - foot - g.pitch)
          ink.push_back({g.top - gl.y - 0.88f * r.size, g.top - gl.y + 0.12f * r.size});
      }
    for (const RuleLine& r : page.rules)
      if (std::min(r.x1, r.x2) < x1 && std::max(r.x1, r.x2) > x0 && std::fabs(r.y1 - r.y2) < 0.01f &&
          r.y1 < g.top)
        ink.push_back({g.top - r.y1, g.top - r.y1});
    for (const PlacedImage& im : page.images)  // a picture is ink over its whole box
      if (im.x < x1 && im.x + im.w > x0) ink.push_back({g.top - im.y - im.h, g.top - im.y});
    ink.push_back({foot, foot});
    std::sort(ink.begin(), ink.end());
    float reached = 0;
    for (auto [top, bottom] : ink) {
      worst = std::max(worst, std::min(top, foot) - reached);
      reached = std::max(reached, bottom);
    }
  }
  return std::max(0.0f, worst - (g.pitch - body)) / g.pitch;
}

// A module with a hole set at the height its text needs, the hole left under it: its columns
// then end together even where layout's balancing gives up (a column that would have to end at a
// forced break fills to the foot, leaving the last columns empty). Else, or when the text needs
// more, at the module's height.
bool set_to_text(const Document& doc, const Style& style, const Grid& g, const Module& m, const FontLibrary& fonts,
                 const Images* images, LaidOutPage* one, int* lines, TypesetTimings* t) {
  if (m.hole > 0) {
    Module text = m;
    text.h -= m.hole * g.pitch;
    LaidOutPage p;
    if (set_module(doc, style, g, text, fonts, images, &p, lines, t)) {
      float dy = m.hole * g.pitch;  // module coordinates are y up from its foot: lift it over the hole
      *one = LaidOutPage{};
      one->width = p.width, one->height = p.height + dy, one->bleed = p.bleed;
      move_onto(p, 0, dy, *one);
      return true;
    }
  }
  return set_module(doc, style, g, m, fonts, images, one, lines, t);
}

// The deepest white of one module set alone (`one`: its page, pad above the head left off).
float module_white(const LaidOutPage& one, const Grid& g, const Module& m, float body) {
  Grid mg = g;
  mg.n = m.w;
  mg.left = 0;
  mg.top = one.height;
  mg.rows = static_cast<int>(std::lround(one.height / g.pitch));
  return deepest_hole(one, mg, body);
}

std::string dump(const MakeUpReport& rep, const Style& style, const Grid& g, const LaidOutPage& page, int number) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "# page %.1fx%.1f pt, type area %d columns x %.1f pt (%d lines), %d rectangles scored in %d "
                "rounds, score %.1f, deepest hole %.1f lines\n",
                style.page_width, style.page_height, g.n, g.height, g.rows, rep.candidates, rep.rounds, rep.score,
                rep.hole_lines);
  std::string out = buf;
  // Where the grid lies on the rendered page (pt from its top-left, bleed included), for
  // tests/cli/holes.py to measure the white from pixels.
  std::snprintf(buf, sizeof buf,
                "# grid page=%d left=%.2f top=%.2f columns=%d measure=%.2f gap=%.2f lines=%d pitch=%.2f body=%.2f\n",
                number, g.left, page.height - g.top, g.n, g.measure, g.gap, g.rows, g.pitch, style.body.size);
  out += buf;
  for (const Module& m : rep.modules) {
    std::snprintf(buf, sizeof buf,
                  "module article=%d x=%d y=%.1f w=%d h=%.1f columns=%d-%d lines=%d headline=%.1f pad=%d+%d hole=%d "
                  "white=%.1f ",
                  m.article, m.x, m.y, m.w, m.h, m.x + 1, m.x + m.w, m.lines, m.headline, m.pad_above, m.pad_below,
                  m.hole, m.white);
    out += buf + m.name + "\n";
  }
  for (const Cut& c : rep.cuts) {
    std::snprintf(buf, sizeof buf, "rule %.1f,%.1f %.1f,%.1f\n", c.x1, c.y1, c.x2, c.y2);
    out += buf;
  }
  for (const PlacedImage& im : page.images) {  // type-area pt, y down, as modules
    int c0 = static_cast<int>(std::lround((im.x - g.left) / (g.measure + g.gap)));
    int c1 = static_cast<int>(std::lround((im.x - g.left + im.w + g.gap) / (g.measure + g.gap)));
    std::snprintf(buf, sizeof buf, "picture columns=%d-%d y=%.1f w=%.1f h=%.1f px=%dx%d ", c0 + 1, c1,
                  g.top - im.y - im.h, im.w, im.h, im.image ? im.image->width : 0, im.image ? im.image->height : 0);
    out += buf + (im.image ? im.image->name : std::string()) + "\n";
  }
  return out;
}

// "plan.xml:5: b.txt" (the plan's line when there is one) for messages.
std::string name_of(const PageInput& in, size_t i) {
  const std::string& w = i < in.placements.size() ? in.placements[i].where : std::string();
  return (w.empty() ? "" : w + ": ") + in.articles[i].source;
}

// A plan's fixed modules: on the page, apart, and either every module fixed or none.
void check_fixed(const PageInput& in, const Grid& g) {
  size_t fixed = 0;
  for (const Placement& p : in.placements) fixed += p.x >= 0;
  if (fixed == 0) return;
  for (size_t i = 0; i < in.placements.size(); ++i) {
    const Placement& p = in.placements[i];
    if (p.x < 0)
      throw input_error(name_of(in, i) + ": has no module while others on its page do",
                        "give every article of the page columns=\"A-B\" rows=\"C-D\", or none");
    if (p.x + p.width > g.n || p.y + p.h > g.rows)
      throw input_error(name_of(in, i) + ": its module runs off the page (" + std::to_string(g.n) + " columns, " +
                            std::to_string(g.rows) + " lines)",
                        "keep columns within 1-" + std::to_string(g.n) + " and rows within 1-" + std::to_string(g.rows));
    for (size_t j = 0; j < i; ++j) {
      const Placement& q = in.placements[j];
      if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.h && q.y < p.y + p.h)
        throw input_error(name_of(in, i) + ": its module overlaps that of " + in.articles[j].source,
                          "leave a line (rows) or a column between modules");
    }
  }
}

// The next story to let jump when the page cannot hold everything: with fixed modules the first
// that overflows its own, else the longest not yet jumping; -1 when none is left.
int next_to_jump(const std::vector<Measure>& ms, const PageInput& in, bool fixed) {
  int best = -1;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].jump) continue;
    if (fixed) {
      const Placement& p = in.placements[i];
      if (ms[i].lines(p.width) > p.h) return static_cast<int>(i);
      continue;
    }
    if (best < 0 || ms[i].lines(1) > ms[best].lines(1)) best = static_cast<int>(i);
  }
  return best;
}

}  // namespace

LaidOutDocument make_up_page(const PageInput& in, const Style& style, const FontLibrary& fonts,
                             const Images* images, MakeUpReport* report, std::vector<Document>* continued) {
  const std::vector<Document>& articles = in.articles;
  if (articles.empty()) throw Error(ExitCode::usage, "make-up: no articles given");
  if (style.vertical())  // modules are measured and tiled on horizontal columns only
    throw input_error(style.file + ": make-up: page make-up does not set vertical-rl pages yet",
                      "make up the page with a horizontal style, or typeset each article alone in " + style.name);
  if (articles.size() > kMaxArticles)
    throw Error(ExitCode::usage, "make-up: " + std::to_string(articles.size()) + " articles for one page",
                "give at most " + std::to_string(kMaxArticles) + " articles a page");
  MakeUpReport local;
  MakeUpReport& rep = report ? *report : local;
  ScopedTimer timer;
  Grid g = page_grid(style);
  check_fixed(in, g);
  const bool fixed = !in.placements.empty() && in.placements[0].x >= 0;

  std::vector<Measure> ms;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Placement p = i < in.placements.size() ? in.placements[i] : Placement{};
    int rank = p.rank >= 0 ? p.rank : std::min<int>(static_cast<int>(i), 2);
    ms.push_back(measure_article(articles[i], rank, style, g, fonts, images, &rep.timings));
    ms.back().rank = rank;
    ms.back().fixed_w = p.width;
    if (fixed && ms.back().has_head && ms.back().head[p.width] > p.h)
      throw input_error(name_of(in, i) + ": its module (" + std::to_string(p.width) + " columns, " +
                            std::to_string(p.h) + " lines) is too small for its headline (" +
                            std::to_string(ms.back().head[p.width]) + " lines)",
                        "give the module more rows or columns, or shorten the headline");
  }

  LaidOutPage page;
  Tiling t;
  int white_rounds = 0;  // searches run again for white the estimate missed
  std::vector<Document> rests;
  for (rep.rounds = 1;; ++rep.rounds) {
    t = fixed ? tile_fixed(ms, in.placements, g) : tile(ms, g);
    rep.candidates += t.candidates;
    if (!t.fits) {
      int k = in.jumps ? next_to_jump(ms, in, fixed) : -1;
      if (k >= 0) {
        ms[k].jump = true;  // search again with this story free to continue on the next page
        continue;
      }
      // The article that cannot fit even alone on the page at full width, or else the last one.
      size_t worst = articles.size() - 1;
      for (size_t i = 0; i < ms.size(); ++i)
        if (ms[i].lines(g.n) > g.rows || (fixed && ms[i].lines(in.placements[i].width) > in.placements[i].h)) {
          worst = i;
          break;
        }
      throw input_error(name_of(in, worst) + ": does not fit on the page" + (fixed ? " in its module" : " with the others"),
                        in.jumps ? "shorten it, or give it a larger module" : "shorten it or leave it out, or let it jump to the next page (jumps=\"on\")");
    }
    page = LaidOutPage{};
    rests.clear();
    bool short_estimate = false, white_seen = false;
    for (Module& m : t.modules) {
      const Document& doc = articles[m.article];
      m.name = doc.source;
      if (m.headline <= 0) m.headline = headline_size(style, g, ms[m.article].rank, m.w);  // the search's, else the rank's
      LaidOutPage one;
      int lines = static_cast<int>(std::lround(m.h / g.pitch));
      if (ms[m.article].jump && ms[m.article].lines(m.w) > lines) {
        Jumped j;
        const std::string& short_head = m.article < static_cast<int>(in.placements.size()) ? in.placements[m.article].short_head : "";
        if (!cut_for_jump(doc, short_head, in.number, in.number + 1, style, g, m, fonts, images, &j, &rep.timings))
          throw input_error(name_of(in, m.article) + ": its module is too small to start the story and jump",
                            "give it a larger module");
        set_module(j.here, style, g, m, fonts, images, &one, &m.lines, &rep.timings);
        m.hole = 0;
        rests.push_back(std::move(j.rest));
      } else if (!set_to_text(doc, style, g, m, fonts, images, &one, &m.lines, &rep.timings)) {
        ++ms[m.article].extra[m.w];  // the measure was short (lines kept together): one more line
        short_estimate = true;
        continue;
      } else if (white_rounds < kWhiteRounds) {
        // More white in it than the search expected (columns balanced short round a box or a
        // subhead kept with its text): the search learns it for this width and runs again.
        float seen = module_white(one, g, m, style.body.size);
        if (seen > 1.0f && seen > m.white + 0.25f) {
          ms[m.article].more_white[m.w] += seen - m.white;
          short_estimate = white_seen = true;
        }
      }
      move_onto(one, g.left + g.x_of(m.x), g.top - m.y - m.h, page);
    }
    white_rounds += white_seen;
    if (!short_estimate) break;
    if (rep.rounds >= kMaxRounds)
      throw Error(ExitCode::internal, "make-up: the modules' heights did not settle after " +
                                          std::to_string(kMaxRounds) + " searches",
                  "report this with the articles given");
  }
  if (continued)
    for (Document& d : rests) continued->push_back(std::move(d));
  LaidOutDocument doc;
  page.width = style.page_width + 2 * style.bleed;
  page.height = style.page_height + 2 * style.bleed;
  page.bleed = style.bleed;
  float rule = std::max(0.3f, style.column_rule);
  for (const Cut& c : t.cuts)
    page.rules.push_back({g.left + c.x1, g.top - c.y1, g.left + c.x2, g.top - c.y2, rule, style.rule_gray});
  rep.hole_lines = deepest_hole(page, g, style.body.size);
  LaidOutPage running;  // first in the content stream: text extraction reads the head first
  draw_running(style, articles[0], in.number, in.pages, fonts, running);
  page.runs.insert(page.runs.begin(), running.runs.begin(), running.runs.end());
  page.rules.insert(page.rules.begin(), running.rules.begin(), running.rules.end());
  for (const Module& m : t.modules)
    for (const Block& b : articles[m.article].blocks)
      if (b.kind == Kind::headline) {
        doc.bookmarks.push_back({b.text, 0, g.top - m.y});  // one per article, by its headline
        break;
      }
  const LaidOutPage& made = doc.pages.emplace_back(std::move(page));

  std::sort(t.modules.begin(), t.modules.end(), [](const Module& a, const Module& b) { return a.article < b.article; });
  rep.modules = t.modules;
  rep.cuts = t.cuts;
  rep.score = t.score;
  for (const Module& m : rep.modules)
    if (m.hole > 2)  // the bar: no hole larger than 2 lines
      rep.notes.push_back(m.name + ": " + std::to_string(m.hole) + " lines left white under it: no layout of these " +
                          "articles fills the page closer (give more text, or other articles)");
  rep.debug_dump = dump(rep, style, g, made, in.number);
  rep.timings.paginate_ms += timer.ms();
  return doc;
}

LaidOutDocument make_up(const std::vector<Document>& articles, const Style& style, const FontLibrary& fonts,
                        MakeUpReport* report, int page_no, const Images* images) {
  PageInput in;
  in.articles = articles;
  in.number = in.pages = page_no;
  return make_up_page(in, style, fonts, images, report, nullptr);
}

}  // namespace paiban
