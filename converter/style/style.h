// style: a page design (styles/NAME.xml, documented in styles/README.md) → Style.
// Lengths are PostScript points after loading; sizes of text in pt; leading as a fraction.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "font/fonts.h"

namespace paiban {

enum class Align { start, center, end, justify };

// CSS Writing Modes 3 `writing-mode`: lines run across the page top to bottom (horizontal-tb) or
// down the page, columns and pages following right to left (vertical-rl, clreq §2.1).
enum class WritingMode { horizontal_tb, vertical_rl };

// How one kind of text is set.
struct TextStyle {
  std::string font = "body";  // role name (a key of Style::fonts)
  std::string latin;          // role for Latin letters and digits, tried before `font`; "" = none
  float size = 9;             // pt
  float leading = 0.6f;       // line gap as a fraction of the size (DESIGN §4: 50–100 % for body)
  Align align = Align::justify;
  float indent = 0;           // first-line indent in em (clreq §first_line_indents: 2 em)
  float gray = 0;             // 0 = black; text is gray only (pure K in print)
  float tracking = 0;         // extra space between characters in em (display type)
  float pitch() const { return size * (1 + leading); }  // baseline-to-baseline distance
};

// A running header or footer: three slots filled from templates with {paper}, {date}, {page},
// {pages} and {title}; a slot whose template names an empty field is left out.
struct Running {
  bool enabled = false;
  std::string left, center, right;
  TextStyle text;
  float rule = 0;      // rule between it and the text area (width in pt); 0 = none
  float distance = 0;  // from the text area's edge to the nearest baseline side of the text
};

// Which Chinese faces an article is set in (styles/README.md, "Traditional Chinese"): the style's
// own, swapped for their Traditional variant in a zh-Hant article (`by_language`), or the style's
// faces whatever the language (`pinned`: the user named NAME-tc or NAME-sc).
enum class Faces { by_language, pinned };

struct Style {
  std::string name;  // "broadsheet"
  std::string file;  // where it was loaded from (messages)
  Faces faces = Faces::by_language;

  // Page: the trimmed size; the bleed surrounds it (MediaBox = trim + 2 × bleed).
  float page_width = 595.276f, page_height = 841.89f;
  float bleed = 0;
  WritingMode writing_mode = WritingMode::horizontal_tb;
  bool vertical() const { return writing_mode == WritingMode::vertical_rl; }
  float margin_top = 56.7f, margin_bottom = 56.7f, margin_left = 56.7f, margin_right = 56.7f;

  // Columns of the text area (vertical-rl: bands stacked down the page, each holding vertical
  // lines that advance right to left; the measure is then a band's height). With `grid`, the measure is a whole number of body ems (every
  // justified line of pure Han text needs no adjustment) and the spare width widens the gaps.
  int columns = 1;
  float column_gap = 14.17f;
  bool grid = true;
  float column_rule = 0;  // width of the rule in the gaps; 0 = none
  float rule_gray = 0;

  // Fallback chains per role. Required roles: body (Song), heading (Hei), box (Kai), latin
  // (for Latin letters and digits, before the role's own faces). Styles may add more roles.
  std::map<std::string, std::vector<FontRef>> fonts;  // FontRef: font/fonts.h

  TextStyle body;      // paragraphs
  TextStyle headline, subtitle, byline;
  TextStyle subhead;   // section headings
  TextStyle box;       // the text inside a box

  float headline_rule = 0;   // rule under the headline block across the text area; 0 = none
  float headline_space = 0;  // space between the headline block and the columns
  // vertical-rl: headline and subtitle set horizontally across the top of the text area in whole
  // bands, the vertical columns below (<headline orientation="horizontal">, as Taiwanese papers do).
  bool head_across = false;

  float subhead_rule = 0;    // rules above and below a section heading; 0 = none
  float subhead_space = 0;   // extra space around a heading (split above/below); the whole is
                             // rounded up to whole body lines so columns keep one baseline grid

  float box_frame = 0.8f;    // frame line width
  float box_padding = 0.5f;  // inner space in em of the box text size

  std::string paper, date;   // for the running header/footer templates
  Running header, footer;
};

// The style with Traditional Chinese faces and nothing else changed (NAME-tc): Noto CJK's
// regional subfamilies "… CJK SC" become "… CJK TC"; faces named by file stay.
Style traditional_variant(Style s);
// Whether traditional_variant() changes any face (the style names a Noto CJK SC family).
bool has_traditional_variant(const Style& s);

// Loads a style by name (styles/NAME.xml in the data folder) or by file path (anything with a
// '/' or ending in .xml). Every bad value throws Error "file:line: field: what is wrong".
// NAME-tc is NAME with TC faces, NAME-sc with SC faces (Noto CJK "… TC" → "… SC"), both pinned (unless
// styles/NAME-tc.xml or styles/NAME-sc.xml exists: then that file is the style).
Style load_style(const std::string& name_or_file);

}  // namespace paiban
