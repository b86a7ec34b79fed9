// makeup: several laid-out articles → one newspaper page of modules (the search: tile.cpp).
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
  int pad_above = 0, pad_below = 0;  // body lines of white added above / below the head to fill
  int hole = 0;          // body lines left white under its text (too little text for the space)
  int lines = 0;         // laid-out lines in it
  float white = 0;       // the search's estimate of its deepest white (body lines, as deepest_hole)
};

// A rule between modules, in type-area coordinates (pt from its top-left, y down).
struct Cut {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

struct MakeUpReport {
  std::vector<Module> modules;
  std::vector<Cut> cuts;
  int candidates = 0;    // rectangles the search scored
  int rounds = 0;        // searches run (a module that did not fit its estimate starts another)
  double score = 0;      // the chosen layout's score (tile.cpp: column-lines of holes + penalties)
  float hole_lines = 0;  // the largest white space left in any column (body lines)
  std::vector<std::string> notes;  // for the user: modules that leave a hole of more than 2 lines
  std::string debug_dump;  // one line per module (article, x, y, w, h, columns, lines)
  TypesetTimings timings;
};

// What a page plan fixes of one article's module (xml/plan.h); everything optional.
struct Placement {
  int rank = -1;             // 0 lead, 1 second, 2 brief; -1: by position (0, 1, then 2)
  int width = 0;             // the module's columns; 0: the search chooses
  int x = -1, y = 0, h = 0;  // a fixed rectangle: first column (0-based; -1: none), first line, lines
  std::string where;         // "plan.xml:5", for messages
  std::string short_head;    // the headline's short form over a jumped story's rest ("": made from it)
};

// One page to make up.
struct PageInput {
  std::vector<Document> articles;      // in rank order (the first is the lead)
  std::vector<Placement> placements;   // one per article, or none
  int number = 1;                      // its folio (第N版)
  int pages = 1;                       // pages in the document ({pages})
  bool jumps = false;                  // a story that does not fit continues on page number + 1
};

// The page made up in `style`. With jumps, a story too long for the page gets a module cut with
// （下转第N+1版） after its text, and its rest goes to `continued` (its headline's short form,
// （上接第N版） first) for the next page. Throws an input Error naming the article (and its plan
// line) that cannot fit, or a fixed module too small for its headline or outside the page.
LaidOutDocument make_up_page(const PageInput& in, const Style& style, const FontLibrary& fonts,
                             const Images* images, MakeUpReport* report, std::vector<Document>* continued);

// The articles in rank order → one page numbered `page_no`, no jumps (make_up_page).
// `images`: the pictures the articles' figures name (pipeline/images.h).
LaidOutDocument make_up(const std::vector<Document>& articles, const Style& style,
                        const FontLibrary& fonts, MakeUpReport* report, int page_no = 1,
                        const Images* images = nullptr);

// ---- Internal to makeup/ ----

// The page's type area on the grid the search works in: heights in whole body lines.
struct Grid {
  int n = 1;                              // columns
  int rows = 0;                           // whole body lines in the type area
  float height = 0;                       // type area height (pt)
  float pitch = 0;                        // body line pitch (pt)
  float measure = 0, gap = 0;             // column width, column gap (the page's grid)
  float left = 0, top = 0;                // type area origin in media space (top: y up)
  float width(int w) const { return w * measure + (w - 1) * gap; }
  float x_of(int col) const { return col * (measure + gap); }
};
Grid page_grid(const Style& page);

// What the search needs of one article: its head's height at every width and its body's length,
// both in body lines, measured once by layout (measure.cpp); `extra` are lines added when setting
// the article at a width showed the estimate short.
// One way to set an article's head at a width: its headline size, the lines the head takes, and
// the deepest white it leaves in any of the module's columns (body lines of text missing, as
// make_up.cpp measures the page) with 0 … kMaxPad lines of pad around it.
constexpr int kMaxPad = 3;  // pad lines: pad / 3 above the head, the rest below it (split by its rule)
struct HeadFit {
  float size = 0;                 // headline pt
  float scale = 1;                // of the rank's size
  int lines = 0;                  // head lines (headline, subtitle, byline and the space under them)
  float white[kMaxPad + 1] = {};  // [pad] deepest white beside, above and under the head
};
constexpr float kHeadScales[] = {1.0f, 0.9f, 1.12f, 0.8f, 1.25f};  // tried in this order: ties keep the rank's size

struct Measure {
  std::vector<int> head;   // [w] head lines (headline, subtitle, byline and the space under them)
  std::vector<std::vector<HeadFit>> fits;  // [w] the head at each of kHeadScales (sizes the width caps: once)
  int body = 0;            // body lines when set in one column (boxes and subheads included)
  std::vector<int> under;  // [w] lines under the head holding the body beside and below its figures
                           // (empty: ⌈body / w⌉, no figures)
  std::vector<int> short_by;  // [w] lines the last column ends above the others (the body does not divide evenly)
  int span = 0;            // the widest figure's columns (0: no figure)
  std::vector<int> extra;  // [w] lines added by set_module's check
  std::vector<float> more_white;  // [w] white under the body setting showed beyond the estimate (lines)
  bool has_head = false;
  int rank = 0;            // 0 lead, 1 second, 2 brief
  int fixed_w = 0;         // a plan's width (0: any)
  bool jump = false;       // may be cut, its rest continued on another page
  int lines(int w) const;  // the module height at w columns, in body lines (the rank's headline size)
  int body_lines(int w) const;  // the same under the head
};
float headline_size(const Style& page, const Grid& g, int rank, int w, float scale = 1);
constexpr int kJumpLines = 8;  // a story cut for a jump keeps at least this many lines under its head
Measure measure_article(const Document& doc, int rank, const Style& page, const Grid& g,
                        const FontLibrary& fonts, const Images* images, TypesetTimings* t);

// The layout the search picks: modules (with x, w, y, h, pads filled) and the cuts between them.
struct Tiling {
  std::vector<Module> modules;
  std::vector<Cut> cuts;
  double score = 0;
  int candidates = 0;
  bool fits = false;
};
Tiling tile(const std::vector<Measure>& ms, const Grid& g);
// The modules a plan fixed (every placement has x ≥ 0, checked to lie on the page), scored alike.
Tiling tile_fixed(const std::vector<Measure>& ms, const std::vector<Placement>& ps, const Grid& g);

// An article set into a module of w columns, `lines` body lines tall, with `pad_below` lines of
// white under its head. Returns false when it needs more than one module page.
bool set_module(const Document& doc, const Style& page, const Grid& g, const Module& m,
                const FontLibrary& fonts, const Images* images, LaidOutPage* out, int* lines, TypesetTimings* t);

// jump.cpp: the most of `doc` that fits module `m` with the jump line （下转第to版） after it
// (`here`), and the rest under the headline's short form with （上接第from版） first (`rest`).
// False when not even the head and the jump line fit.
struct Jumped {
  Document here, rest;
};
bool cut_for_jump(const Document& doc, const std::string& short_head, int from, int to, const Style& page,
                  const Grid& g, const Module& m, const FontLibrary& fonts, const Images* images, Jumped* out,
                  TypesetTimings* t);

// The page's running head and foot (the style's header/footer) for page `page_no`.
void draw_running(const Style& page, const Document& lead, int page_no, int pages, const FontLibrary& fonts,
                  LaidOutPage& out);

}  // namespace paiban
