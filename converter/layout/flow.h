// Inside layout: the article as a flow of pieces (compose), the pieces put into columns and
// pages (paginate), and the pages drawn (emit). Positions along the block axis (v, downwards
// from a frame's start) and the inline axis (u, from a frame's line start), in pt.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/limits.h"
#include "layout/page.h"
#include "layout/paragraph.h"
#include "style/style.h"

namespace paiban::layout {

// A paragraph that has been broken into lines (or a window of a very long one: compose.cpp).
struct SetParagraph {
  Paragraph p;
  std::vector<Line> lines;
  Setting setting;
  bool continues = false;  // a window of a long paragraph that the next window goes on: its last
                           // line is not the paragraph's
  const char* kind = "p";  // for the debug dump: headline, subtitle, byline, subhead, p, box, header, footer
  float ascent = 0.88f;    // em box top above the baseline, in em (the face's BASE ascender)
};

struct PieceLine {
  int para = 0, line = 0;  // SetParagraph index and line index
  float u = 0, v = 0;      // the line box's start corner inside the piece (v: top of the em box)
};

struct PieceRule {
  float u1 = 0, u2 = 0, v = 0;  // a rule along the inline axis, inside the piece
  float width = 0.5f;
};

// One unbreakable slice of the flow: a body line, a heading with its space and rules, a box line.
struct Piece {
  float height = 0;           // along the block axis
  std::vector<PieceLine> lines;
  std::vector<PieceRule> rules;
  bool break_after = true;    // a column may end after this piece (widows, orphans, keeps)
  int box = -1;               // pieces of one box share an id: framed together in each column
  std::string bookmark;       // a section heading: its outline entry
};

// A picture set at the top of page 1's columns, under the head, its caption and credit under it
// at its width (figures.cpp). v from the columns' top.
struct SetFigure {
  std::shared_ptr<const Image> image;
  int column = 0, span = 1;           // first column (0-based) and columns spanned
  float v = 0;                        // top
  float w = 0, h = 0;                 // the picture's size
  std::vector<SetParagraph> texts;    // caption, credit
  std::vector<float> text_v;          // each one's em box top
  float height = 0;                   // picture, texts and the white under them: whole body lines
};

// The flow as far as it has been composed, less what lies behind the pages already drawn: pieces
// and paragraphs keep their numbers (k, id) from the article's start, but only a window of them is
// held (paginate reads at most a page ahead), so a long article is never held composed whole.
struct Flow {
  std::deque<SetParagraph> paras;  // paragraph ids para_base, para_base + 1, ...
  int para_base = 0;
  std::vector<Piece> head;    // headline, subtitle, byline: across all columns of page 1
  float head_height = 0;      // including its rule and the space before the columns
  float head_rule_v = -1;     // where the rule under the head goes (v in the text area); <0: none
  // Style::head_across on a vertical-rl page: the head is horizontal lines across the top of the
  // text area, filling the first `head_bands` bands of page 1 (head_height stays 0), its em boxes
  // starting `head_v0` below the text area's top.
  int head_bands = 0;
  float head_v0 = 0;
  std::vector<SetFigure> figures;  // the article's pictures, all on page 1
  std::vector<float> reserve;      // per column: the depth figures take at its top on page 1 (or empty)
  std::deque<Piece> body;     // everything else, in reading order: pieces body_base, ...
  int body_base = 0;

  const SetParagraph& para(int id) const { return paras[static_cast<size_t>(id - para_base)]; }
  const Piece& piece(int k) const { return body[static_cast<size_t>(k - body_base)]; }
  int next_para() const { return para_base + static_cast<int>(paras.size()); }
  int end() const { return body_base + static_cast<int>(body.size()); }  // one past the last piece held
  // Forgets the head and the pieces before k, and the paragraphs only they use (ids only grow
  // along the pieces); k must be at most end().
  void forget_before(int k);
};

// The page geometry a style gives (page coordinates, pt).
struct Geometry {
  float media_w = 0, media_h = 0, bleed = 0;
  float left = 0, top = 0, bottom = 0;  // text area: left edge, top and bottom y
  float width = 0;                      // text area width
  // vertical-rl (style.h): the inline axis runs down the page, the block axis right to left, and
  // columns are bands down the page. `along` is the text area along the inline axis (the head's
  // measure), `depth` along the block axis (a column's capacity).
  bool vertical = false;
  float along = 0, depth = 0;
  int columns = 1;
  float measure = 0, gap = 0;           // column measure (line length) and the gap between columns
  float pitch = 0;                      // body baseline-to-baseline: the column grid
  float body_size = 0;
  float box_pad = 0;                    // frame + padding above and below a box's text
  float box_inset = 0;                 // from the column's edge to a box's text (each side)
  float box_inner = 0;                  // the measure inside a box: whole box ems with `grid`
};

Geometry page_geometry(const Style& style);

// compose: Document → flow, block by block as pagination reads it (every block shaped, broken
// into lines and cut into pieces).
struct ComposeContext {
  const Style& style;
  const FontLibrary& fonts;
  const FontChains& chains;
  const Geometry& geo;
  BreakFinder& breaks;
  std::vector<std::string>* warnings;
  struct {
    double shape_ms = 0, break_ms = 0;
  } timings;
  std::string lang = "zh-Hans";  // BCP 47 of the article being set: shaping's locl, clreq's variant
  bool vertical = false;         // shape for vertical-rl (geo.vertical; running heads stay horizontal)
  const Images* images = nullptr;  // the figures' pictures by src
};

// figures: the article's figures set at the top of page 1's columns (flow.figures, flow.reserve).
// Throws an input Error for a figure whose picture is not in ctx.images or that is taller than a page.
void compose_figures(const Document& doc, ComposeContext& ctx, Flow& flow);
class Composer {
 public:
  // Composes the head (headline, subtitle, byline) at once; `doc` and `flow` must outlive it.
  Composer(const Document& doc, ComposeContext& ctx, Flow& flow);
  ~Composer();
  // Composes blocks until piece k is in the flow; false when the article ends before it.
  bool reach(int k);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The font size paginate counts a column's lines with: that of the first body piece outside boxes
// set without rules (a body line), `fallback` when there is none. Composes on a flow of its own
// (no warnings), as far as that piece, so reading it costs no window of the article's flow.
float first_body_size(const Document& doc, const ComposeContext& ctx, float fallback);

// Sets one text (shaped, itemised, broken) at a measure.
SetParagraph set_text(std::string_view text, const TextStyle& ts, float measure, const char* kind,
                      ComposeContext& ctx, const Block* block);

// paginate: pieces → columns → pages.
struct PlacedPiece {
  int piece = 0;
  float v = 0;  // top of the piece in the column
};
struct BoxSegment {
  int box = 0;
  float v1 = 0, v2 = 0;       // the frame's top and bottom in the column
  bool open_top = false;      // continued from the previous column: no rule across the top
  bool open_bottom = false;   // continues in the next column: no rule across the bottom
};
struct ColumnLayout {
  std::vector<PlacedPiece> pieces;
  std::vector<BoxSegment> boxes;
  float used = 0;
};
struct PageLayout {
  float top_v = 0;  // where the columns start below the text area's top (the head on page 1)
  int first_column = 0;  // columns before it hold a head set across them (Flow::head_bands)
  std::vector<float> reserve;  // page 1 with figures: where each column's text starts below top_v
  std::vector<ColumnLayout> columns;
};
// Pages one at a time, composing as far ahead as a page needs (a page's columns, the keeps and
// the last page's balancing look no further than one page).
class Paginator {
 public:
  Paginator(Flow& flow, Composer& composer, const Geometry& geo, float body_size);
  ~Paginator();
  // The next page, or false after the last (an article has at least one page). Afterwards
  // next_piece() is the first piece not yet placed.
  bool next(PageLayout& page);
  int next_piece() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// emit: the paginated flow → pages with glyph runs and rules, bookmarks, debug lines.
// An article's /Info and what its running heads print: headline, byline, subtitle, and its date
// as papers print it (the style's <paper date> when the article has none).
struct ArticleInfo {
  std::string title, author, subject, date;
};
ArticleInfo article_info(const Document& doc, const Style& style);
struct EmitContext {
  const Style& style;
  const FontLibrary& fonts;
  const FontChains& chains;
  const Geometry& geo;
  BreakFinder& breaks;
  std::string* debug;  // null: no dump
  // Articles of a scanned page set one after another: this article's first page number and the
  // whole document's page count, for {page}/{pages} and bookmarks.
  int first_page = 1;
  int total_pages = 1;
  std::string lang = "zh-Hans";  // the article's, for its running heads
};
// Draws page `index` (0-based, within the article) of the paginated flow; its section headings'
// bookmarks are appended to `bookmarks`.
LaidOutPage emit_page(const Flow& flow, const PageLayout& page, int index, const ArticleInfo& article,
                      EmitContext& ctx, std::vector<Bookmark>& bookmarks);

// debug_dump: one text line per laid-out line.
struct DumpLine {
  int page = 0, column = 0;  // 1-based; column 0 = across the text area (head, header, footer)
  float x = 0, y = 0, w = 0, h = 0;  // the line box: top-left corner, measure, font size
  float ratio = 0;
  int glyphs = 0;
  int line = 1, lines = 1;  // line k of n in its paragraph
  const char* kind = "p";
  std::string text;
};
void dump_line(std::string& out, const DumpLine& d);

// template: a running header/footer template with its {fields} filled by `value`; an empty field
// is dropped with its own text and one separator; "" when every field is empty.
std::string fill_template(const std::string& t, const std::function<std::string(const std::string&)>& value);

}  // namespace paiban::layout
