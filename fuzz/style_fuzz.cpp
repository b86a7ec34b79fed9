// Fuzz target: the style reader (style/style.h) on arbitrary bytes, then a short article laid out
// in every style it accepts. A style is refused with one clear Error naming its file, or gives
// sane geometry and a layout whose every glyph is finite and on its page.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <fstream>

#include "core/document.h"
#include "fuzz_check.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"

namespace paiban::fuzz {

namespace {

// The style reader takes a path: one temp file per process, rewritten for every input.
const std::string& style_path() {
  static const std::string p = "/tmp/paiban-style-fuzz-" + std::to_string(::getpid()) + ".xml";
  return p;
}

// Faces stay loaded across inputs (as in a batch): loading them is the slow part.
FontLibrary& fonts() {
  static FontLibrary* lib = new FontLibrary();
  return *lib;
}

Document article() {
  Document d;
  d.source = "fuzz.txt";
  auto text = [](Kind k, const char* t) {
    Block b;
    b.kind = k;
    b.text = t;
    return b;
  };
  d.blocks.push_back(text(Kind::headline, "为建设美丽幸福吕梁广泛凝心聚力"));
  d.blocks.push_back(text(Kind::byline, "本报记者 高茜"));
  Block sec;
  sec.kind = Kind::section;
  Block h;
  h.kind = Kind::heading;
  h.lines = {"坚持党的全面领导", "把准方向重落实"};
  sec.children.push_back(h);
  sec.children.push_back(text(Kind::paragraph, "政协事业要发展，党的领导是根本。市政协坚持把党的全面领导贯穿到政协履职的全过程各方面，2024年召开会议27次。"));
  Block box;
  box.kind = Kind::box;
  box.children.push_back(text(Kind::paragraph, "刚刚过去的2024年，市政协在市委坚强领导下，积极建言资政。"));
  sec.children.push_back(box);
  d.blocks.push_back(sec);
  return d;
}

bool finite_positive(float v) { return std::isfinite(v) && v > 0; }

void check_geometry(const Style& s) {
  check(finite_positive(s.page_width) && finite_positive(s.page_height), "page size not positive");
  check(s.margin_left >= 0 && s.margin_right >= 0 && s.margin_top >= 0 && s.margin_bottom >= 0, "negative margin");
  check(finite_positive(s.page_width - s.margin_left - s.margin_right) &&
            finite_positive(s.page_height - s.margin_top - s.margin_bottom),
        "no text area");
  check(s.columns >= 1 && std::isfinite(s.column_gap) && s.column_gap >= 0, "bad columns");
  for (const TextStyle* t : {&s.body, &s.headline, &s.subtitle, &s.byline, &s.subhead, &s.box})
    check(finite_positive(t->size) && std::isfinite(t->leading) && t->leading >= 0 && finite_positive(t->pitch()),
          "bad text size or leading");
}

// Article text must land on the page. The running header/footer (in the top and bottom
// margins) is exempt from the horizontal check: an over-long template overflows it (reported).
void check_layout(const LaidOutDocument& laid, const Style& style) {
  check(!laid.pages.empty(), "no page");
  for (const auto& page : laid.pages) {
    check(finite_positive(page.width) && finite_positive(page.height), "bad page box");
    float text_top = page.height - page.bleed - style.margin_top, text_bottom = page.bleed + style.margin_bottom;
    for (const auto& run : page.runs) {
      check(finite_positive(run.size), "glyph run size not positive");
      for (const auto& g : run.glyphs) {
        check(std::isfinite(g.x) && std::isfinite(g.y), "glyph at a non-finite position");
        bool running = g.y > text_top + 0.5f || g.y < text_bottom - run.size;
        check((running || (g.x >= -run.size && g.x <= page.width)) && g.y >= -run.size && g.y <= page.height + run.size,
              "glyph off the page at (" + std::to_string(g.x) + ", " + std::to_string(g.y) + ") for '" + g.text + "'");
      }
    }
  }
}

}  // namespace

void style_one(std::string_view bytes) {
  const std::string& path = style_path();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  Style style;
  try {
    style = load_style(path);
  } catch (const Error& e) {
    check_error(e, path);
    return;
  }
  check_geometry(style);
  TypesetOptions opts;
  opts.limits.max_pages = 40;
  try {
    prepare_fonts(style, fonts());
    TypesetReport report;
    check_layout(layout_document(article(), style, fonts(), opts, &report), style);
  } catch (const Error& e) {
    check_error(e, "");
  }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::style_one)
