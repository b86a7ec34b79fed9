// Inside layout: the article as a flow of pieces (compose), the pieces put into columns and
// pages (paginate), and the pages drawn (emit). Positions along the block axis (v, downwards
// from a frame's start) and the inline axis (u, from a frame's line start), in pt.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/limits.h"
#include "layout/page.h"
#include "layout/paragraph.h"
#include "style/style.h"

namespace paiban::layout {

// A paragraph that has been broken into lines.
struct SetParagraph {
  Paragraph p;
  std::vector<Line> lines;
  Setting setting;
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

struct Flow {
  std::vector<SetParagraph> paras;
  std::vector<Piece> head;    // headline, subtitle, byline: across all columns of page 1
  float head_height = 0;      // including its rule and the space before the columns
  float head_rule_v = -1;     // where the rule under the head goes (v in the text area); <0: none
  std::vector<Piece> body;    // everything else, in reading order

  const SetParagraph& para(int id) const { return paras[static_cast<size_t>(id)]; }
  const Piece& piece(int k) const { return body[static_cast<size_t>(k)]; }
};

// The page geometry a style gives (page coordinates, pt).
struct Geometry {
  float media_w = 0, media_h = 0, bleed = 0;
  float left = 0, top = 0, bottom = 0;  // text area: left edge, top and bottom y
  float width = 0;                      // text area width
  int columns = 1;
  float measure = 0, gap = 0;           // column width and the gap between columns
  float pitch = 0;                      // body baseline-to-baseline: the column grid
  float body_size = 0;
  float box_pad = 0;                    // frame + padding above and below a box's text
  float box_inset = 0;                 // from the column's edge to a box's text (each side)
  float box_inner = 0;                  // the measure inside a box: whole box ems with `grid`
};

Geometry page_geometry(const Style& style);

// compose: Document → flow (every block shaped, broken into lines and cut into pieces).
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
};
Flow compose(const Document& doc, ComposeContext& ctx);

// Sets one text (shaped, itemised, broken) at a measure.
SetParagraph set_text(const std::string& text, const TextStyle& ts, float measure, const char* kind,
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
  std::vector<ColumnLayout> columns;
};
// Throws the page-limit Error (core/limits.h), naming `where`, past limits.max_pages.
std::vector<PageLayout> paginate(const Flow& flow, const Geometry& geo, const Limits& limits = {},
                                 const std::string& where = "typeset");

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
