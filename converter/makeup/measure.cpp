// measure: what the search needs of each article (its head's height at every width, its body's
// length in lines), and setting an article into its module. Layout is reused as is: a module is
// just a small page of w of the page's columns with no margins (DESIGN §8).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "makeup/makeup.h"
#include "style/style.h"

namespace paiban {

namespace {

constexpr float kTall = 14000;  // pt: a page taller than any article, to measure its length

bool is_head(Kind k) { return k == Kind::headline || k == Kind::subtitle || k == Kind::byline; }

// The module style for w columns of `page`, `height` pt tall, a headline of `headline` pt and
// `pad_below` lines of white under the head.
Style module_style(const Style& page, const Grid& g, int w, float height, float headline, int pad_below) {
  Style s = page;
  s.page_width = g.width(w);
  s.page_height = height;
  s.bleed = 0;
  s.margin_top = s.margin_bottom = s.margin_left = s.margin_right = 0;
  s.columns = w;
  s.column_gap = g.gap;
  s.header.enabled = s.footer.enabled = false;  // running heads belong to the page, not a module
  float scale = headline / page.headline.size;
  s.headline.size = headline;
  s.headline_space = page.headline_space * std::max(0.5f, scale) + pad_below * g.pitch;
  if (scale < 0.7f) s.subtitle.size = std::min(s.subtitle.size, std::max(page.body.size * 1.2f, headline * 0.6f));
  return s;
}

LaidOutDocument lay(const Document& doc, const Style& st, const FontLibrary& fonts, const Images* images,
                    TypesetReport* rep, TypesetTimings* t) {
  TypesetOptions o;
  o.images = images;
  o.debug = true;
  o.limits.max_pages = 64;  // a module that needs more is hopeless; stop early
  LaidOutDocument d = layout_document(doc, st, fonts, o, rep);
  if (t) t->break_ms += rep->timings.shape_ms + rep->timings.break_ms + rep->timings.paginate_ms;
  return d;
}

// The top (PDF y, up) of the first line the debug dump places in column 1, or -1.
float first_body_top(const std::string& dump) {
  for (size_t at = 0; at < dump.size();) {
    size_t end = dump.find('\n', at);
    if (end == std::string::npos) end = dump.size();
    float x, y;
    int p, c;
    if (std::sscanf(dump.c_str() + at, "p=%d c=%d x=%f y=%f", &p, &c, &x, &y) == 4 && c >= 1) return y;
    at = end + 1;
  }
  return -1;
}

// Lowest ink on the page as a distance from its top (the last line's descent included).
float used_height(const LaidOutPage& p) {
  float low = p.height;
  for (const GlyphRun& r : p.runs)
    for (const PlacedGlyph& g : r.glyphs) low = std::min(low, g.y - 0.2f * r.size);
  for (const RuleLine& r : p.rules) low = std::min({low, r.y1, r.y2});
  return p.height - low;
}

}  // namespace

Grid page_grid(const Style& s) {
  Grid g;
  g.n = std::max(1, s.columns);
  float width = s.page_width - s.margin_left - s.margin_right;
  // The page's column measure and gap as layout computes them (grid: whole body ems, the spare
  // width in the gaps), so modules sit exactly on the page's columns.
  g.gap = s.column_gap;
  g.measure = (width - (g.n - 1) * g.gap) / g.n;
  if (s.grid && g.n > 1) {
    g.measure = std::floor(g.measure / s.body.size + 1e-4f) * s.body.size;
    g.gap = (width - g.n * g.measure) / (g.n - 1);
  }
  g.pitch = s.body.pitch();
  g.height = s.page_height - s.margin_top - s.margin_bottom;
  g.rows = static_cast<int>(std::floor(g.height / g.pitch + 1e-3f));
  g.left = s.bleed + s.margin_left;
  g.top = s.bleed + s.page_height - s.margin_top;
  return g;
}

// Headline size by rank and width: the lead keeps the style's headline, the second 60 %, the rest
// 45 %, and no headline is wider than a sixth of its module (at least six characters a line).
float headline_size(const Style& s, const Grid& g, int rank, int w, float scale) {
  float by_rank = s.headline.size * (rank == 0 ? 1.0f : rank == 1 ? 0.6f : 0.45f) * scale;
  return std::max(s.body.size * 1.3f, std::min(by_rank, std::floor(g.width(w) / 6)));
}

int Measure::body_lines(int w) const { return (under.empty() ? (body + w - 1) / w : under[w]) + extra[w]; }
int Measure::lines(int w) const { return head[w] + body_lines(w); }

namespace {

// The deepest white a head laid out alone (`p`, a module page kTall high, the probe line under it)
// leaves in any of its w columns with `pad` lines of pad (pad / 3 above, the rest below: the
// head's rule moves down half of that, the body all of it), in body lines of text missing beyond
// the leading, as deepest_hole (make_up.cpp) measures the page. Above the head: half a line to the
// rule between it and the module above.
void head_white(const LaidOutPage& p, const Grid& g, int w, float body_size, HeadFit* fit) {
  float probe = 0;  // the body's first line: the lowest glyph (its em's top)
  for (const GlyphRun& r : p.runs)
    for (const PlacedGlyph& gl : r.glyphs) probe = std::max(probe, kTall - gl.y - 0.88f * r.size);
  float rule = -1;
  for (const RuleLine& r : p.rules)
    if (std::fabs(r.y1 - r.y2) < 0.01f && std::fabs(r.x2 - r.x1) > g.measure) rule = kTall - r.y1;
  for (int pad = 0; pad <= kMaxPad; ++pad) {
    float above = pad / 3 * g.pitch, below = (pad - pad / 3) * g.pitch, worst = 0;
    for (int c = 0; c < w; ++c) {
      float x0 = g.x_of(c), x1 = x0 + g.measure;
      std::vector<std::pair<float, float>> ink;
      for (const GlyphRun& r : p.runs)
        for (size_t i = 0; i < r.glyphs.size(); ++i) {
          const PlacedGlyph& gl = r.glyphs[i];
          float top = kTall - gl.y - 0.88f * r.size;
          if (top >= probe - 0.01f) continue;  // the probe: the body, placed below
          float right = gl.x + r.size;
          if (i + 1 < r.glyphs.size() && r.glyphs[i + 1].y == gl.y && r.glyphs[i + 1].x > gl.x)
            right = std::min(right, r.glyphs[i + 1].x);
          if (right > x0 && gl.x < x1) ink.push_back({above + top, above + top + r.size});
        }
      if (rule >= 0) ink.push_back({above + rule + below / 2, above + rule + below / 2});
      ink.push_back({above + below + probe, above + below + probe});
      std::sort(ink.begin(), ink.end());
      float reached = -g.pitch / 2;
      for (auto [top, bottom] : ink) {
        worst = std::max(worst, top - reached);
        reached = std::max(reached, bottom);
      }
    }
    fit->white[pad] = std::max(0.0f, worst - (g.pitch - body_size)) / g.pitch;
  }
}

// The fewest lines L under the head such that the columns, each starting below its figures
// (depth[c] lines), hold `body` lines, and the figures fit: max depth ≤ L.
int lines_under(int body, const std::vector<int>& depth) {
  int deepest = *std::max_element(depth.begin(), depth.end());
  for (int L = deepest;; ++L) {
    long room = 0;
    for (int d : depth) room += std::max(0, L - d);
    if (room >= body) return L;
  }
}

}  // namespace

Measure measure_article(const Document& doc, int rank, const Style& page, const Grid& g,
                        const FontLibrary& fonts, const Images* images, TypesetTimings* t) {
  Measure m;
  m.head.assign(g.n + 1, 0);
  m.fits.assign(g.n + 1, {});
  m.short_by.assign(g.n + 1, 0);
  m.more_white.assign(g.n + 1, 0);
  m.under.assign(g.n + 1, 0);
  m.extra.assign(g.n + 1, 0);
  Document head = doc, body = doc;
  head.blocks.clear();
  body.blocks.clear();
  for (const Block& b : doc.blocks) (body.blocks.empty() && is_head(b.kind) ? head : body).blocks.push_back(b);
  m.has_head = !head.blocks.empty();
  if (m.has_head) {
    // The head at each width: the head blocks over one probe line; the probe's top is the head's
    // depth as compose rounds it (whole body lines).
    Block probe;
    probe.text = "一";
    head.blocks.push_back(probe);
    // At each width, the head at each of kHeadScales of the rank's headline size (a size the
    // width caps is laid out once): the search picks the one whose lines fill the module best.
    for (int w = 1; w <= g.n; ++w) {
      for (float scale : kHeadScales) {
        HeadFit fit;
        fit.size = headline_size(page, g, rank, w, scale);
        fit.scale = scale;
        bool seen = false;
        for (const HeadFit& f : m.fits[w]) seen = seen || std::fabs(f.size - fit.size) < 0.05f;
        if (seen) continue;
        TypesetReport rep;
        LaidOutDocument d = lay(head, module_style(page, g, w, kTall, fit.size, 0), fonts, images, &rep, t);
        float top = first_body_top(rep.debug_dump);
        fit.lines = top < 0 || d.pages.size() != 1 ? g.rows + 1 : static_cast<int>(std::lround((kTall - top) / g.pitch));
        if (fit.lines <= g.rows) head_white(d.pages[0], g, w, page.body.size, &fit);
        m.fits[w].push_back(fit);
      }
      m.head[w] = m.fits[w][0].lines;
    }
  }
  if (!body.blocks.empty()) {
    // The body in one tall column: its lines are the same at every width (a module's columns
    // are the page's), so w columns need a w-th of them, plus what keeping lines together costs.
    TypesetReport rep;
    Document text = body;  // figures are measured apart, at each width
    text.blocks.erase(std::remove_if(text.blocks.begin(), text.blocks.end(),
                                     [](const Block& b) { return b.kind == Kind::figure; }),
                      text.blocks.end());
    if (!text.blocks.empty()) {
      LaidOutDocument d = lay(text, module_style(page, g, 1, kTall, page.headline.size, 0), fonts, images, &rep, t);
      m.body = d.pages.size() != 1 ? g.rows * g.n + 1
                                   : static_cast<int>(std::ceil(used_height(d.pages[0]) / g.pitch - 0.05f));
    }
  }
  for (const Block& b : doc.blocks)
    if (b.kind == Kind::figure) m.span = std::max(m.span, std::max(1, b.columns));
  for (int w = 1; w <= g.n; ++w) {
    std::vector<int> depth(w, 0);
    if (m.span > 0) {
      Document figs = body;
      figs.blocks.clear();
      for (const Block& b : doc.blocks)
        if (b.kind == Kind::figure) figs.blocks.push_back(b);
      std::vector<float> d = figure_depths(figs, module_style(page, g, w, kTall, page.headline.size, 0), fonts, images);
      for (int c = 0; c < w && c < static_cast<int>(d.size()); ++c) depth[c] = static_cast<int>(std::lround(d[c] / g.pitch));
    }
    m.under[w] = lines_under(m.body, depth);
    long room = 0;
    for (int d : depth) room += std::max(0, m.under[w] - d);
    m.short_by[w] = static_cast<int>(room - m.body);  // the last column's shortfall (layout balances to it)
  }
  return m;
}

bool set_module(const Document& doc, const Style& page, const Grid& g, const Module& m,
                const FontLibrary& fonts, const Images* images, LaidOutPage* out, int* lines, TypesetTimings* t) {
  TypesetReport rep;
  LaidOutDocument d;
  try {
    d = lay(doc, module_style(page, g, m.w, m.h - m.pad_above * g.pitch, m.headline, m.pad_below), fonts, images,
            &rep, t);
  } catch (const Error&) {
    return false;  // far past the module: more pages than lay() allows
  }
  if (d.pages.size() != 1) return false;
  *out = std::move(d.pages[0]);
  if (lines) *lines = static_cast<int>(std::count(rep.debug_dump.begin(), rep.debug_dump.end(), '\n'));
  return true;
}

}  // namespace paiban
