// Internal to reflow: the records and stages that turn OCR layout pages (ocr/page.h) into
// articles. Geometry replaces counting: each line keeps the text features column text has
// (stages.h Line) and gains what the scan measured (box, type size, confidence). One verb a
// file; the order they run in is reflow_ocr.cpp's alone.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "ocr/page.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

// A headline's type is at least this many times the body's; anything smaller (a bold running
// head, a heading, a subtitle) is no headline.
constexpr double kHeadline = 1.6;

// One OCR line: its text features and its geometry on the page.
struct PageLine {
  Line line;            // text features as column text has them (width in display units, ending…)
  BBox box;             // page units
  double size = 0;      // type size: the character pitch (page units per em) or the box height
  int mid = 0;          // the middle of its type: the median of its words' middles (the engine's
                        // line box may reach into the rows above and below)
  float conf = -1;      // mean word confidence 0–100, -1 unknown
  float best = -1;      // the confidence of its best-read word, -1 unknown
  int doubted_pauses = 0;  // pause and stop marks in words of marks alone read at under 50
  std::string id;       // the source's line id
  ocr::Hint hint = ocr::Hint::none;
  std::string face;     // the typeface the source names (empty unknown)
  size_t region = 0;    // index of the source region (block box) holding it
  bool furniture = false;  // a running head or folio (find_furniture)
};

// A column of an article within one band: its edges and its lines top to bottom.
struct PageColumn {
  int x0 = 0, x1 = 0;          // left and right edges full lines reach
  std::vector<size_t> lines;   // PageLayout::lines indices
};

// An article: the lines it owns in reading order, each with the column it sits in.
struct PageArticle {
  std::vector<size_t> head;          // headline lines (may be empty: text continued from elsewhere)
  std::vector<size_t> order;         // every line of the article in reading order
  std::vector<PageColumn> columns;   // order[k] sits in columns[column_of[k]]
  std::vector<size_t> column_of;
  std::vector<bool> boxed;           // order[k] is set in a frame (find_boxes)
  BBox box;
};

struct PageLayout {
  std::vector<PageLine> lines;      // every text line of the page, in the source's order
  double em = 0;                    // the body type size (page units per em)
  int width = 0, height = 0;        // page size (0 unknown: the lines' extent is used)
  std::vector<BBox> rules;          // thin rules the source found (a frame's sides among them)
  bool exact = false;               // sizes are the type's own (a text layer), not the engine's estimates
  bool turned = false;              // a vertical page turned a quarter (turn_page): its top is on the left
  std::vector<PageArticle> articles;
};

// A block-to-be of an article: a run of its reading order [begin, end) and what it is.
struct PageUnit {
  Kind kind = Kind::paragraph;
  size_t begin = 0, end = 0;  // PageArticle::order positions
  bool boxed = false;
};

// Union of two boxes (an unknown box takes the other).
BBox unite(const BBox& a, const BBox& b);
// What two boxes share (unknown where they do not overlap), and a box's area (0 when unknown).
BBox intersect(const BBox& a, const BBox& b);
long long area(const BBox& b);
// Whether two boxes share some width (stand over one another).
inline bool overlaps_x(const BBox& a, const BBox& b) { return std::min(a.x1, b.x1) > std::max(a.x0, b.x0); }

// turn_page.cpp: a page set vertically (its lines tall columns, read right to left) turned a
// quarter so its columns are rows in reading order; unturn_page puts the Document's boxes back
// in the scan's coordinates.
bool is_vertical(const ocr::Page& page);
ocr::Page turn_page(const ocr::Page& page);
void unturn_page(Page& out, const ocr::Page& page);

// level_page.cpp: how a scan's rows rise (y per x, from its words; 0 for a text layer or a page
// level enough) and the centre it turns about; the page turned level in place (each box moved,
// its size kept); the layout's line boxes moved back to the scan's coordinates once the stages
// are done.
struct Level {
  double slope = 0, cx = 0, cy = 0;
};
Level level_of(const ocr::Page& page);
void level_page(ocr::Page& page, const Level& level);
void unlevel_layout(PageLayout& L, const Level& level);

// seat_specks.cpp: a Han character the engine boxed as a speck at a line's end, boxed beside its
// neighbour an em wide per character (where it is printed).
void seat_specks(ocr::Page& page);

// A line of the source, or a piece of one, and the region (block box) holding it.
struct LinePiece {
  ocr::Line line;
  size_t region = 0;
  bool cut_left = false, cut_right = false;  // cut from the rest of its row at a gutter there
  bool gap_left = false, gap_right = false;  // cut there at a wide gap alone (no rule, no white
                                             // strip on the page): joined back where the rows
                                             // around run across it (characters the engine missed)
  std::vector<size_t> solid;  // words after which such a gap was joined: white inside running text
                              // (a box the engine set late), no printed space
};

// The page's text as ink (page_ink.cpp): the boxes of the words that hold a Han character, a
// letter or a digit, by height, each with the piece it belongs to; asked whether a strip of the
// page is a gutter or lies within a column's text.
class PageInk {
 public:
  explicit PageInk(const std::vector<LinePiece>& pieces);
  // x is a gutter beside rows y0..y1 of piece `self`: within five ems above and below, no other
  // row's text reaches within a quarter em of it (characters set solid leave white slivers that
  // line up from row to row; a gutter is wider), three words at least end left of it and three
  // start right of it within two ems (column edges, not a ragged stretch; a gutter with a rule
  // down its middle is two or three ems wide), and the strip runs past the row: edges above
  // and below it, or in three rows. `near` is how close other text may come (a quarter of the
  // em of the rows around: a headline's row is judged over body text by the body's em).
  bool gutter(int x, int y0, int y1, int em, int near, size_t self) const;
  // x lies within a column's text beside rows y0..y1: a row within three ems above and one
  // below (other than pieces a and b) have text across it, or within a quarter em of it (the
  // white between two characters). Where the text ends or starts at the row (`open` below or
  // above), the other side alone.
  enum class Open : unsigned char { none, above, below };
  bool within_text(int x, int y0, int y1, int em, size_t a, size_t b, Open open = Open::none) const;
  // x is white down rows y0..y1 (no other piece's text within `near` of it), with three words
  // at least ending left of it and three starting right of it within `reach`: a gutter under
  // a row, judged there alone (not five ems above and below it, as `gutter`).
  bool white_strip(int x, int y0, int y1, int reach, int near, size_t self) const;
  // No text of other pieces than a and b within three ems below row y1 (or above row y0, `up`)
  // comes within two ems of x0..x1: a block of text ends (starts) there.
  bool white_beyond(int x0, int x1, int y0, int y1, int em, size_t a, size_t b, bool up) const;
  // The middle of box r lies in a word's box: a stroke of a character, not a rule.
  bool in_word(const BBox& r) const;

 private:
  struct Ink {
    BBox box;
    size_t piece;
  };
  static int mid(const BBox& b) { return (b.y0 + b.y1) / 2; }
  template <typename F>
  bool around(int lo, int hi, int x0, int x1, size_t self, size_t other, F&& f) const;
  std::vector<std::vector<Ink>> bands_;  // by the middle of their height, each by left edge
  std::vector<int> widest_;              // the widest word of each band
  int top_ = 0, band_ = 1;
  mutable size_t budget_ = 50'000'000;  // words looked at, for the whole page
};

// tidy_rows.cpp: an engine's row with its boxes brought to the words they hold (a first or last
// word read at confidence 0 boxed over others, a row box running on past its words).
void tidy_row_box(ocr::Line& l);
// Marks a column rule thresholded into dots was read as, at the ends of the rows beside it,
// dropped (counted as column-rule repairs).
void drop_rule_marks(std::vector<LinePiece>& pieces, ReflowReport& report);

// cut_gutters.cpp: the page's lines, cut where the engine read a row across a gutter (a wide
// gap, a column rule, a strip the rows around leave white, an upright rule a mark stands on);
// the marks read in a rule's word kept. `body`: the page's body type (words::body_height).
std::vector<LinePiece> cut_gutters(const ocr::Page& page, int body, ReflowReport& report);
// A piece split before each word marked in `cut_before`, each cut at a gutter (cut_left/right);
// `exact`: a text layer's line, whose size is its type's and stays with each piece.
std::vector<LinePiece> split_piece(const LinePiece& p, const std::vector<char>& cut_before, bool exact);

// cut_headline_rows.cpp: the first rows of two headlines side by side that the engine read as
// one line, cut where a gutter runs under the white between them and the headlines' next rows
// stand on one side of it. Called again with the whites it cut (returned), it cuts only the
// rows right above one of them, over it: rows woven two deep, the upper one's next rows part
// once the lower one is cut. `exact`: a text layer's lines (which it joins under an em apart).
std::vector<BBox> cut_headline_rows(std::vector<LinePiece>& pieces, int body, bool exact, ReflowReport& report,
                                    const std::vector<BBox>* below = nullptr);

// measure_page.cpp: the page's lines with text features and geometry, the body type size; a
// line's character pitch (its words' extent over their width in ems; 0 for fewer than one).
PageLayout measure_page(const ocr::Page& page, ReflowReport& report);
int pitch(const ocr::Line& l);
// The type's height from a box's height and its characters' pitch: Han characters are square
// and set an em apart or more (four fifths of one condensed), their ink nine tenths of an em
// high, so a box a fifth again taller than the pitch is the engine's row box, and the pitch is
// the measure.
int type_height(int height, int pitch);

// find_furniture.cpp: running heads and folios at the page's top and bottom edges (a turned
// page's: its left and right).
void find_furniture(PageLayout& layout);

// regroup_headlines.cpp: headline groups mended. Two headlines side by side taken for one,
// each heading lines under it alone or the right one's rows past the left one's first row's
// end, split; groups whose level first rows have a later row centred under them all, joined
// (a centred headline's row read in pieces).
void split_beside(const PageLayout& L, std::vector<std::vector<size_t>>& groups);
void split_stack_beside(const PageLayout& L, std::vector<std::vector<size_t>>& groups);
void join_centred_row(const PageLayout& L, std::vector<std::vector<size_t>>& groups);

// find_headlines.cpp: the page's headlines, each the group of its lines (indices into lines) in
// reading order: lines in large type without a sentence, one under another or along a row.
// `garbled` (if given) gains the groups in headline type left out because the engine read few of
// their characters with confidence (a picture's texture, or a headline read badly).
std::vector<std::vector<size_t>> find_headlines(const PageLayout& layout,
                                                std::vector<std::vector<size_t>>* garbled = nullptr);

// find_articles.cpp: an article per headline, the lines each article owns, its columns, the
// reading order (bands between spanning lines, columns left to right in each band).
void find_articles(PageLayout& layout);
// join_continued.cpp: articles side by side whose headlines are pieces of one engine line, the
// text running on from the left one's last line into the right one's first, made one; so are a
// headline with no text and the headline right under it. `bodies` holds each article's lines
// under its headline.
void join_continued(PageLayout& layout, std::vector<std::vector<size_t>>& bodies);
// Whether two lines are pieces of one engine line on one row: a source line id in common, the
// middles of their type less than half the larger size apart (join_continued.cpp).
bool one_engine_row(const PageLine& x, const PageLine& y);

// A line's margins in its column, in ems from its left edge and to its right (split_page.cpp).
struct Geo {
  double indent = 0, short_by = 0;
};
Geo geometry(const PageLine& l, const PageColumn& c, double em);
// A line centred in its column (a heading): margins alike on both sides, each over an em.
bool centred(const Geo& g);

// The edges a column's full lines reach (order_article.cpp): not the extremes, which an
// indent, a short last line or a stray box decide.
void set_edges(const PageLayout& L, PageColumn& c);
// Lines top to bottom by the middles of their type; pieces of one printed row (the engine's line
// boxes may be two rows tall) left to right (order_article.cpp). Pieces are on one row when their
// middles are less than half a size apart: the larger piece's, or `size` where that is larger.
void sort_rows(const PageLayout& L, std::vector<size_t>& v, double size = 0);
// The box round a group of lines (a headline's), and the largest type among them.
BBox group_box(const PageLayout& L, const std::vector<size_t>& g);
double group_size(const PageLayout& L, const std::vector<size_t>& g);
// A page's lines by top edge, furniture and those `skip` names left out (order_article.cpp):
// what stands under a box. `across`: whether a line whose top lies in [from, to] reaches left of
// x0 and right of x1, text running across the white between them. At most 256 lines are looked
// at a time (hostile input may stack a million under one box).
struct LinesByTop {
  LinesByTop(const PageLayout& L, const std::vector<bool>& skip = {});
  bool across(int from, int to, int x0, int x1) const;
  const PageLayout& layout;
  std::vector<std::pair<int, size_t>> tops;
};
// An article's lines in reading order (order_article.cpp): its headline `a.head` first, then
// `body` cut into bands by spanning lines, each band column by column; fills a.columns,
// a.order, a.column_of and a.box.
void order(const PageLayout& L, PageArticle& a, std::vector<size_t> body);

// A line's Han characters the engine stands by: none when its mean word confidence is under half
// its scale, unless it is 40 or more and one word was read at 80 or more (unknown confidence
// counts as trusted). Junk read from a picture or a rule has few (find_headlines.cpp).
size_t trusted_han(const PageLine& l);

// find_boxes.cpp: runs of lines set in a frame inside a column; each becomes a column of its own.
void find_boxes(const PageLayout& L, PageArticle& a);

// split_page.cpp: where blocks start in one article (indent, short last line, gap, size).
std::vector<PageUnit> split_page(const PageLayout& layout, const PageArticle& a);

// classify_page.cpp: headline, subtitle, byline, headings, captions, paragraphs by size and text.
void classify_page(const PageLayout& layout, const PageArticle& a, std::vector<PageUnit>& units);

// place_captions.cpp: captions with the article's front matter, before its text; a paragraph a
// caption stood in the middle of (in the scan's reading order) joined again.
void place_captions(const PageLayout& layout, PageArticle& a, std::vector<PageUnit>& units);

// assemble_page.cpp: the page's articles and furniture as a Document page, every block with
// its source line ids and bbox.
Page assemble_page(const PageLayout& layout, const ocr::Page& page,
                   const std::vector<std::vector<PageUnit>>& units, const std::string& source,
                   ReflowReport& report);

}  // namespace paiban::reflow_stages
