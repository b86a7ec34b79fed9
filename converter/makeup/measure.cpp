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
float headline_size(const Style& s, const Grid& g, int rank, int w) {
  float by_rank = s.headline.size * (rank == 0 ? 1.0f : rank == 1 ? 0.6f : 0.45f);
  return std::max(s.body.size * 1.3f, std::min(by_rank, std::floor(g.width(w) / 6)));
}

int Measure::lines(int w) const { return head[w] + (under.empty() ? (body + w - 1) / w : under[w]) + extra[w]; }

namespace {

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
    for (int w = 1; w <= g.n; ++w) {
      TypesetReport rep;
      LaidOutDocument d =
          lay(head, module_style(page, g, w, kTall, headline_size(page, g, rank, w), 0), fonts, images, &rep, t);
      float top = first_body_top(rep.debug_dump);
      m.head[w] = top < 0 ? g.rows + 1 : static_cast<int>(std::lround((kTall - top) / g.pitch));
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
