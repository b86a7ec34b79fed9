// draw_running: a made-up page's running head and foot. Modules are set without them (they belong
// to the page), so the page style is laid out once more over a one-line probe and only what lies
// outside the type area (the header/footer text and rules) is kept.
#include <string>

#include "makeup/makeup.h"
#include "style/style.h"

namespace paiban {

namespace {

void fill_numbers(std::string& t, int page_no, int pages) {
  for (auto [key, value] : {std::pair<std::string, int>{"{page}", page_no}, {"{pages}", pages}})
    for (size_t at; (at = t.find(key)) != std::string::npos;) t.replace(at, key.size(), std::to_string(value));
}

}  // namespace

void draw_running(const Style& page, const Document& lead, int page_no, int pages, const FontLibrary& fonts,
                  LaidOutPage& out) {
  if (!page.header.enabled && !page.footer.enabled) return;
  Style s = page;
  for (Running* r : {&s.header, &s.footer})
    for (std::string* slot : {&r->left, &r->center, &r->right}) fill_numbers(*slot, page_no, pages);
  Document d;
  d.source = lead.source;
  d.date = lead.date;  // {date}: the lead's, as the page's date
  for (const Block& b : lead.blocks)
    if (b.kind == Kind::headline) d.blocks.push_back(b);  // {title}
  Block probe;
  probe.text = "一";
  d.blocks.push_back(probe);
  TypesetReport rep;
  LaidOutDocument laid = layout_document(d, s, fonts, TypesetOptions{}, &rep);
  if (laid.pages.empty()) return;
  float top = s.bleed + s.page_height - s.margin_top, bottom = s.bleed + s.margin_bottom;
  auto outside = [&](float y) { return y > top + 0.01f || y < bottom - 0.01f; };
  for (const GlyphRun& r : laid.pages[0].runs)
    if (!r.glyphs.empty() && outside(r.glyphs.front().y)) out.runs.push_back(r);
  for (const RuleLine& r : laid.pages[0].rules)
    if (outside(r.y1) && outside(r.y2)) out.rules.push_back(r);
}

}  // namespace paiban
