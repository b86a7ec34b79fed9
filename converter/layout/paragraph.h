// Inside layout: a paragraph as items for line breaking (prepare), the lines chosen (break) and
// their glyphs along the inline axis (place). Lengths in pt; "inline" is the direction of
// reading within a line, "block" the direction lines advance in (DESIGN §7: vertical writing
// later swaps the mapping to page axes, not this code).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clreq.h"
#include "layout/shape.h"
#include "style/style.h"

namespace paiban::layout {

// One shaping cluster: the unit lines are made of.
struct Atom {
  uint32_t begin = 0, end = 0;              // byte range in Paragraph::text
  uint32_t glyph_begin = 0, glyph_end = 0;  // range in Paragraph::glyphs
  char32_t first = 0, last = 0;             // first and last code point
  float full = 0;       // advance of the full form
  float half = 0;       // advance of the half form (OpenType `halt`); == full when none
  float base_t = 0;     // 1 when squeezed to the half form by an adjacent mark (clreq)
  float width = 0;      // natural width in the middle of a line
  float shrink = 0;     // squeezable blank in the middle of a line ...
  clreq::Shrink shrink_cls = clreq::Shrink::count;  // ... and its class
  float end_trim = 0;   // removed when the atom ends a line (line-end mark → ½ em)
  float start_trim = 0; // removed when the atom starts a line (opening bracket loses ½ em)
  bool counts = false;  // a character that is not punctuation (one-character last lines)
};

// The space between atom i and atom i+1. It vanishes when the line breaks there (no spacing at
// line start or end, clreq §mixed_text_composition_in_horizontal_writing_mode).
struct Gap {
  float width = 0;
  float shrink = 0;
  clreq::Shrink shrink_cls = clreq::Shrink::count;
  float stretch = 0;  // bounded stretch of word spaces and Han–Latin spacing
  clreq::Stretch stretch_cls = clreq::Stretch::count;
  bool inter_char = false;  // takes even inter-character expansion (the last resort)
  bool can_break = false;   // a line may end here
  float penalty = 0;        // cost of breaking here
  int32_t space_glyph = -1; // a space character here (index in glyphs), drawn inside a line only
};

struct Paragraph {
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  std::vector<Atom> atoms;
  std::vector<Gap> gaps;  // gaps[i] follows atoms[i]; the last one ends the paragraph
  float size = 9;         // font size, pt
  float indent = 0;       // first-line indent, pt
  float gray = 0;
};

// What the paragraph is set for.
struct Setting {
  float measure = 100;        // line length, pt
  Align align = Align::justify;
  bool ragged_last = true;    // justified text: the last line is set start-aligned, at no cost
                              // (other alignments balance all lines, the last included)
};

// One line: atoms [first, last] and how it was adjusted.
struct Line {
  int first = 0, last = 0;
  float natural = 0;  // width before adjustment (after line-edge trims and the indent)
  float width = 0;    // width after adjustment (== measure for justified lines that fit)
  float ratio = 0;    // adjustment ratio: <0 shrunk (−1 = all shrink used), >0 stretched
  // How the adjustment is shared out: fraction of each shrink class used, and the stretch added
  // to each unit of a bounded stretch class / to each inter-character gap.
  std::array<float, clreq::kShrinkClasses> shrink_used{};
  std::array<float, clreq::kStretchClasses> stretch_used{};
  float inter_char = 0;  // pt added to each inter-character gap
  bool overfull = false;
};

// Break opportunities of UAX #14 (ICU's line break iterator), refined for Chinese: between two
// East Asian wide characters the clreq prohibitions decide (as UAX #14 LB19a does for quotation
// marks in Unicode 15.1). One per document and thread: ICU iterators are not thread-safe.
class BreakFinder {
 public:
  BreakFinder();
  ~BreakFinder();
  BreakFinder(const BreakFinder&) = delete;
  BreakFinder& operator=(const BreakFinder&) = delete;
  // breaks[i] is true when a line may break before byte i of text (i on a code point boundary).
  void find(std::string_view text, std::vector<bool>& breaks);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// prepare: text + its shaped glyphs → atoms and gaps (clreq punctuation and spacing rules).
Paragraph prepare_paragraph(std::string text, std::vector<ShapedGlyph> glyphs, BreakFinder& breaks, float size,
                            float indent_em, float tracking_em, float gray,
                            clreq::Variant variant = clreq::Variant::simplified);

// The face chains of a style's roles, resolved against the loaded fonts.
struct FontChains {
  std::vector<std::pair<std::string, FontChain>> roles;
  const FontChain* find(const std::string& role) const;
};

// shape (layout side): text → glyphs with a role's chain; runs of Latin letters and digits use
// the `latin` chain first when given. Missing characters are appended to `missing`.
// `lang` (BCP 47) selects the face's localised forms (OpenType locl: zh-Hant's centred marks).
std::vector<ShapedGlyph> shape_text(std::string_view text, const FontChain& chain, const FontChain* latin,
                                    const FontLibrary& fonts, std::vector<MissingGlyph>* missing,
                                    std::string_view lang = "zh-Hans", bool vertical = false);
// The same for a column read top to bottom (vertical-rl): upright, sideways and across glyphs
// (shape.h Orient) by UAX #50 and clreq's tate-chu-yoko rule.
std::vector<ShapedGlyph> shape_vertical(std::string_view text, const FontChain& chain, const FontChain* latin,
                                        const FontLibrary& fonts, std::vector<MissingGlyph>* missing,
                                        std::string_view lang);

// break: the best set of lines for the whole paragraph (total fit, not greedy).
std::vector<Line> break_lines(const Paragraph& p, const Setting& s);

// A glyph placed along the inline axis of its line.
struct InlineGlyph {
  int face = 0;
  uint32_t gid = 0;
  float u = 0;       // inline position of the glyph origin, pt from the line start
  float dv = 0;      // offset across the line, pt: horizontal up, vertical to the right
  std::string text;  // source text this glyph stands for
  Orient orient = Orient::horizontal;
  float scale = 1;   // horizontal scale as drawn (ShapedGlyph::scale)
};

// place: a line's glyphs along the inline axis (alignment included, measure from Setting).
std::vector<InlineGlyph> place_line(const Paragraph& p, const Line& line, const Setting& s, bool last);

// The source text of a line (for the debug dump and bookmarks).
std::string line_text(const Paragraph& p, const Line& line);

}  // namespace paiban::layout
