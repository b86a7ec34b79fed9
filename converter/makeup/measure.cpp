// measure: set an article into a module (a page of w columns with no margins) and find the
// height it needs. Layout is reused as is: a module is just a small page (DESIGN §8).
#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "makeup/makeup.h"
#include "style/style.h"

namespace paiban {

namespace {

constexpr float kTall = 14000;  // pt: a page taller than any article, to measure its length

// The big page's column measure and gap, as layout's page geometry computes them (grid: whole
// body ems, the spare width in the gaps), so modules sit exactly on the page's columns.
void page_columns(const Style& s, float* measure, float* gap) {
  float width = s.page_width - s.margin_left - s.margin_right;
  *gap = s.column_gap;
  *measure = (width - (s.columns - 1) * *gap) / s.columns;
  if (s.grid && s.columns > 1) {
    *measure = std::floor(*measure / s.body.size + 1e-4f) * s.body.size;
    *gap = (width - s.columns * *measure) / (s.columns - 1);
  }
}

LaidOutDocument lay(const Document& doc, const Style& st, const FontLibrary& fonts, bool debug,
                    TypesetReport* rep) {
  TypesetOptions o;
  o.debug = debug;
  o.limits.max_pages = 64;  // a module that needs more is hopeless; stop early
  return layout_document(doc, st, fonts, o, rep);
}

// Lowest ink on the page, as a distance from its top (the last line's descent included).
float used_height(const LaidOutPage& p, float body) {
  float low = p.height;
  for (const GlyphRun& r : p.runs)
    for (const PlacedGlyph& g : r.glyphs) low = std::min(low, g.y - 0.2f * r.size);
  for (const RuleLine& r : p.rules) low = std::min({low, r.y1, r.y2});
  return std::max(body, p.height - low);
}

}  // namespace

Style module_style(const Style& page, int w, float height, float headline) {
  float measure, gap;
  page_columns(page, &measure, &gap);
  Style s = page;
  s.page_width = w * measure + (w - 1) * gap;
  s.page_height = height;
  s.bleed = 0;
  s.margin_top = s.margin_bottom = s.margin_left = s.margin_right = 0;
  s.columns = w;
  s.column_gap = gap;
  s.header.enabled = s.footer.enabled = false;  // running heads belong to the page, not a module
  float scale = headline / page.headline.size;
  s.headline.size = headline;
  s.headline_space = page.headline_space * std::max(0.5f, scale);
  if (scale < 0.7f) s.subtitle.size = std::min(s.subtitle.size, std::max(page.body.size * 1.2f, headline * 0.6f));
  return s;
}

float measure_height(const Document& doc, const Style& page, int w, float headline,
                     const FontLibrary& fonts, TypesetTimings* t) {
  float pitch = page.body.pitch();
  // On a tall page everything runs down the first column: the head is what stands above the
  // first body line, the rest divides over w columns. Then grow line by line until it fits.
  TypesetReport rep;
  LaidOutDocument tall = lay(doc, module_style(page, w, kTall, headline), fonts, false, &rep);
  float area = page.page_height - page.margin_top - page.margin_bottom;
  if (tall.pages.size() != 1) return kTall;  // longer than any page: the search reports it
  const LaidOutPage& p = tall.pages[0];
  float head = 0;  // depth below the top of the lowest glyph larger than body type
  for (const GlyphRun& r : p.runs)
    if (r.size > page.body.size * 1.05f)
      for (const PlacedGlyph& g : r.glyphs) head = std::max(head, p.height - g.y + 0.3f * r.size);
  if (head > 0) head += page.headline_space;
  float total = used_height(p, page.body.size);
  float h = head + std::ceil(std::max(0.0f, total - head) / w / pitch) * pitch;
  for (int i = 0; i < 200; ++i, h += pitch) {
    if (h > area) return h;  // cannot fit this page at this width whatever the exact figure
    TypesetReport r2;
    size_t pages = 0;
    try {
      pages = lay(doc, module_style(page, w, h, headline), fonts, false, &r2).pages.size();
    } catch (const Error&) {
      continue;  // far too short: past max_pages; the next, taller try may fit
    }
    if (t) t->break_ms += r2.timings.shape_ms + r2.timings.break_ms + r2.timings.paginate_ms;
    if (pages == 1) return h;
  }
  return h;  // 200 lines past the estimate: treat as too tall
}

LaidOutPage set_module(const Document& doc, const Style& page, int w, float height, float headline,
                       const FontLibrary& fonts, int* lines, TypesetTimings* t) {
  TypesetReport rep;
  LaidOutDocument d = lay(doc, module_style(page, w, height, headline), fonts, true, &rep);
  if (t) t->break_ms += rep.timings.shape_ms + rep.timings.break_ms + rep.timings.paginate_ms;
  if (lines) *lines = static_cast<int>(std::count(rep.debug_dump.begin(), rep.debug_dump.end(), '\n'));
  return d.pages.empty() ? LaidOutPage{} : d.pages[0];
}

}  // namespace paiban
