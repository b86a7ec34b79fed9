// Internal to reflow: the records passed between its stages and the stage functions, one verb a
// file; the order they run in is reflow.cpp's alone.
// Per-line features (width, indent, ending) are kept apart from how they are measured, so
// line geometry from OCR layout (ALTO, hOCR) can replace character counting later.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "reflow/reflow.h"

namespace paiban::reflow_stages {

// How a line ends, after any closing quotes/brackets (clreq §3.1.2 punctuation classes).
enum class End : unsigned char {
  stop,       // 。！？… (also ASCII .!? after Han): a sentence ends here
  semicolon,  // ；
  colon,      // ：
  pause,      // ，、
  closing,    // a closing quote or bracket that does not follow a stop
  word,       // Han, digits, Latin, anything else
};

struct Line {
  int src = 0;              // 1-based source line number
  std::u32string text;      // trimmed; letter-spacing and extraction spaces removed
  int width = 0;            // display units of `text` (UAX #11), kept spaces counting 1
  int indent = 0;           // leading whitespace of the raw line, in display units
  int head = 0;             // display width of the first unbreakable chunk of `text` (clreq §3.1.7)
  int blanks_before = 0;    // empty source lines between the previous text line and this one
  int pauses = 0;           // ，、。；！？ inside the line (headings have none)
  int marks = 0;            // pauses and colons: a line of running text has some
  int hang = 0;             // width of a final mark that may hang past the measure
  End end = End::word;
  bool letter_spaced = false;
  bool gutter = false;      // a wide space inside: the line holds text of two columns (page text)
};

// What empty source lines mean in this text.
enum class Blanks {
  none,     // no empty lines between text lines
  spacing,  // line spacing: an empty line after (almost) every line, paragraph breaks unmarked
  breaks,   // empty lines mark block breaks
};

// A run of lines set at one measure (the body column, or a box at another measure).
struct Column {
  size_t begin = 0, end = 0;  // lines [begin, end)
  int measure = 0;            // display units of a full line
  int tight = 0;              // how much room a full line may leave that the next head would fill
  int first_width = 0;        // typical width of a paragraph's first line (0: unknown)
  bool indent_cue = false;    // first lines are shorter than full lines (the lost indent)
  bool semicolon_ends = false, colon_ends = false;  // ；/： end paragraphs in this column (lists)
  bool main = true;           // the article's body measure; false: a box
};

struct Layout {
  std::vector<Line> lines;  // text lines only, in source order
  Blanks blanks = Blanks::none;
  bool indents = false;     // leading whitespace marks paragraph starts
  size_t top = 0;           // leading lines that may be headline, subtitle, byline (no clause marks)
  size_t headline = 1;      // lines of the headline: more than one only where the OCR's empty lines
                            // set apart a block of up to three heading-like lines at the top
  std::vector<Column> columns;
  bool page = false;        // the OCR's text of a whole page (split_page_text): no boxes by measure
  bool exact = false;       // the characters are the document's own (a PDF's text layer): no OCR
                            // confusion is repaired, none is there
};

// A block-to-be: consecutive lines [begin, end) and what they are.
struct Unit {
  Kind kind = Kind::paragraph;
  size_t begin = 0, end = 0;
  size_t column = 0;
  bool boxed = false;  // part of a box (a column at a non-body measure)
  bool dateline = false;  // a line that is only a date, in the front matter: Document::date
};

// normalise.cpp: one raw source line → a Line with its text cleaned; repairs counted. `repair`
// false (a text layer's own characters): spaces only, no OCR confusion repaired.
Line clean_line(std::string_view raw, int src, ReflowReport& report, bool repair = true);
// normalise.cpp: the cleaned lines of one block → its text: no space between Han, digits and
// units; Latin words joined by a space, hyphenated words rejoined; OCR punctuation repaired.
std::string join_lines(const std::vector<Line>& lines, size_t begin, size_t end, ReflowReport& report,
                       bool repair = true);
// normalise.cpp: the byline marker □/口 dropped (the name's inner space kept); `repair` false (a
// text layer): 口 is the character, not the engine's reading of □.
std::string strip_byline_marker(std::string text, ReflowReport& report, bool repair = true);
// normalise.cpp: an engine's headline opening with closing marks or pauses, which no line opens
// with (clreq §3.1.7): one whose opening mark the headline leaves open was its last, read first
// (fresh45 p000: "”多举措…外贸“保稳提质"), and goes to its end; any other is a speck or a rule
// beside the row (fresh39 p004: "”国际联播快讯", the rule between two headlines), and goes.
std::string seat_headline_marks(std::string text, ReflowReport& report);

constexpr int kOver = 6;  // display units a line may exceed its measure by (hanging punctuation, noise)

// A line's room test: its width plus the next line's head. A line broken by the measure left
// too little room for the head (cap > measure - tight); a shorter one ended of its own accord.
inline int cap(const std::vector<Line>& lines, const Column& c, size_t i) {
  return lines[i].width + (i + 1 < c.end ? lines[i + 1].head : 2);
}
// The middle value (the upper one of an even count); 0 for none.
// A text with its spaces (ASCII and ideographic) closed up: OCR keeps gaps between word boxes.
inline std::u32string no_spaces(std::u32string_view t) {
  std::u32string s;
  for (char32_t c : t)
    if (c != U' ' && c != 0x3000) s += c;
  return s;
}

inline int median(std::vector<int> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

inline bool ends_clause(End e) { return e == End::stop || e == End::semicolon || e == End::colon; }
// A line that stops mid-sentence: no clause end, no closing bracket or quote after one.
inline bool mid_sentence(End e) { return !ends_clause(e) && e != End::closing; }

// unweave.cpp: page text whose rows the engine read across columns (a rule read as "|" or a run
// of spaces at each gutter, on most lines of a block) set back column by column; origin[i] is
// the source line index of output line i. Unchanged (origin empty) when no block is woven.
std::vector<std::string> unweave(const std::vector<std::string>& lines, std::vector<int>& origin, ReflowReport& report);

// segment.cpp: raw lines → text lines with features, the empty-line policy and the columns.
// `page`: the text of a whole page (one article's part of it): runs between empty lines are the
// engine's blocks, columns follow their measures, the headline may span several runs.
Layout segment(const std::vector<std::string>& raw, ReflowReport& report, bool page = false);

// split.cpp: where blocks start, per column: the units in order (all kind paragraph).
std::vector<Unit> split(const Layout& layout, ReflowReport& report);

// classify.cpp: a subtitle opens with a dash "——"; a byline with □ (OCR: 口) or 本报记者.
bool opens_subtitle(const Line& l);
bool opens_byline(const Line& l);
// classify.cpp: the length of the reporter credit (本报记者, 記者, 新华社, ...) at `at`, 0 if none.
size_t credit_at(std::u32string_view text, size_t at);
// normalise.cpp: a byline's credit word letter-spaced by OCR closed up ("本 報記者高茜").
std::string close_credit(std::string text, ReflowReport& report);
// classify.cpp: a line that is only a dispatch credit (本报讯, 本報台北訊): a byline of its own.
bool dispatch_line(std::u32string_view text);
// classify.cpp: a dispatch (电头) opening a story's text: 本报讯, 新华社北京…电, 央视网消息.
bool opens_dispatch(const Line& l);
// classify.cpp: a heading line: no sentence punctuation, not ending in a clause mark, no dispatch.
bool heading_like(const Line& l);
// classify.cpp: a paper's name as a line of its own: short, heading-like, ending as papers' names
// do (日报, 晚报, 时报, 周刊).
bool paper_name(const Line& l);
// classify.cpp: a picture's caption opens with 图为 / 图： / ▲ or closes with a photo credit
// (……摄）, （资料图片）, 供图）), in Simplified or Traditional.
bool opens_caption(std::u32string_view t);
bool closes_caption(std::u32string_view t);
// classify.cpp: lines [begin, end) one block of the engine's (no empty line inside), three at
// most, that open or close as a caption does.
bool caption_block(const Layout& L, size_t begin, size_t end);

// classify.cpp: headline, subtitle, byline, headings (merging multi-line ones), paragraphs, boxes.
void classify(const Layout& layout, std::vector<Unit>& units);

// split_articles.cpp: the text of a whole page: the lines (Layout::lines indices) where later
// articles start, by their headlines; empty for one article's column text.
std::vector<size_t> split_articles(const Layout& layout, const std::vector<Unit>& units);

// split_page_text.cpp: the OCR's text of a whole page (Tesseract's txt): its running heads and
// folios and the source lines (0-based) where its later articles start; `page` is false for one
// article's column text, which keeps column text's rules.
struct PageText {
  bool page = false;
  struct Furniture { size_t line = 0; paiban::Furniture::Role role = paiban::Furniture::Role::other; std::string text; };
  std::vector<Furniture> furniture;
  std::vector<size_t> starts;
};
PageText split_page_text(const std::vector<std::string>& raw);

// assemble.cpp: units → the Document tree with text and src ranges.
Document assemble(const Layout& layout, const std::vector<Unit>& units, const std::string& source,
                  ReflowReport& report);

}  // namespace paiban::reflow_stages
