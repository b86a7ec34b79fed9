// makeup: several laid-out articles → one newspaper page of modules (the search: make_up.cpp).
// Sits between layout (which sets each module) and pdf (which writes the page), DESIGN §8.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "font/fonts.h"
#include "layout/layout.h"
#include "layout/page.h"

namespace paiban {

struct Style;  // style/style.h

// One article's rectangle on the page grid. x, w in columns; y, h in points from the top of the
// type area (y down), so the dump reads like a layout editor's sheet.
struct Module {
  int article = 0;       // index into the input (0 = lead)
  std::string name;      // the article's source name, for the dump and messages
  int x = 0, w = 1;      // first column, column count
  float y = 0, h = 0;    // top and height in pt
  float headline = 0;    // headline size chosen for its rank and width (pt)
  int lines = 0;         // laid-out lines in it
};

struct MakeUpReport {
  std::vector<Module> modules;
  int candidates = 0;    // layouts the search scored
  double score = 0;      // the chosen layout's score (make_up.cpp: column-lines of unused area + penalties)
  std::string debug_dump;  // one line per module (article, x, y, w, h, columns, lines)
  TypesetTimings timings;
};

// The articles in rank order (the first is the lead) → one page in `style`. Throws Error naming
// the first article that cannot fit (jumps to another page are not made yet).
LaidOutDocument make_up(const std::vector<Document>& articles, const Style& style,
                        const FontLibrary& fonts, MakeUpReport* report);

// Internal to makeup/: the module style for w columns of `page` with a headline of `headline`
// pt; how tall an article set in it must be (pt, one page); an article set into a module.
Style module_style(const Style& page, int w, float height, float headline);
float measure_height(const Document& doc, const Style& page, int w, float headline,
                     const FontLibrary& fonts, TypesetTimings* t);
LaidOutPage set_module(const Document& doc, const Style& page, int w, float height, float headline,
                       const FontLibrary& fonts, int* lines, TypesetTimings* t);

}  // namespace paiban
