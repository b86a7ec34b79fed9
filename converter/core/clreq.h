// Chinese line-breaking rules (W3C clreq, "Requirements for Chinese Text Layout",
// https://www.w3.org/TR/clreq/, and GB/T 15834). Shared by the text rewrapper and layout;
// layout adds its compression and spacing rules next to these.
#pragma once

#include <cstdint>
#include <string_view>

namespace paiban::clreq {

// clreq §3.1.7 "Prohibition rules for line start": 、，；：。！？ closing quotes/brackets,
// the second half of ——/……, interpuncts and small kana-like marks must not start a line.
bool not_at_line_start(char32_t cp);

// clreq §3.1.7 "Prohibition rules for line end": opening quotes/brackets must not end a line.
bool not_at_line_end(char32_t cp);

// clreq §3.1.7 / GB/T 15834 §4.13, §4.14: ——, …… (and runs of the same dash/ellipsis) are
// never split across lines: no break between a and b.
bool inseparable(char32_t a, char32_t b);

// True when a break between a and b is forbidden by the three rules above.
bool forbids_break(char32_t a, char32_t b);

// clreq §3.1.2 punctuation classes (used for compression and justification).
bool is_opening(char32_t cp);   // （《「『“‘【〔〖〈
bool is_closing(char32_t cp);   // ）》」』”’】〕〗〉
char32_t opening_of(char32_t closing);  // the opening mark a closing one pairs with, 0 for none
bool is_pause_or_stop(char32_t cp);  // 、，；：。！？
bool is_stop(char32_t cp);      // 。！？ (sentence-final)
// Whether a text opens a bracket, quote or title mark it does not close: it runs on (a text
// ends inside marks it opened only where a line or a page cut it).
bool leaves_open(std::u32string_view text);

// Set on the em grid in Chinese text: East Asian Wide/Fullwidth (UAX #11), plus the
// Ambiguous-width marks that Chinese fonts set full-width (“”‘’…—·; UAX #11 §5 "in East Asian
// contexts, ambiguous characters are wide").
bool is_fullwidth(char32_t cp);

bool is_interpunct(char32_t cp);

// ---- Simplified and Traditional conventions (clreq §h-punctuation_marks_width_and_position) --
// Mainland (Simplified) text sets 、，。：；！？ at the bottom left (or left) of the character
// frame; Taiwan and Hong Kong (Traditional) text sets them centred in it.
enum class Variant : uint8_t { simplified, traditional };
// The variant a BCP 47 tag asks for: zh-Hant…, zh-TW, zh-HK, zh-MO are traditional.
Variant variant_of(std::string_view lang);
// A mark set centred in its em box: its blank is split on both sides, so it has no blank half
// to give up, and clreq's compressions (line end, adjacent marks, justification) leave it whole.
bool centred_in_frame(char32_t cp, Variant v);  // ·・ (clreq §h-unbreakable_marks / interpuncts)
// Marks whose em box has adjustable blank space (brackets, quotes, pause/stop marks).
bool is_adjustable_mark(char32_t cp);

// ---- Punctuation width adjustment (clreq §punctuation_width_adjustment) -------------------
// Widths below are in em of the text size. Which half of a mark's em box is blank comes from
// the font (OpenType `halt`), so these rules only say WHICH mark gives up its blank half.

// clreq §h-adjustment_of_adjacent_punctuation_marks: two adjacent marks (2 em) set in 1.5 em.
enum class Squeeze : uint8_t { none, first, second };
// The first of a pair gives up its trailing blank when it is a closing bracket or a pause/stop
// mark (。” → 。 half); otherwise an opening bracket after an opening bracket gives up its
// leading blank ((“ → “ half), keeping brackets close to the text they enclose.
Squeeze adjacent_squeeze(char32_t a, char32_t b);

// clreq §h-compression_of_punctuation_marks_at_line_start and GB/T 15834 §5.1.10: a full-width
// pause/stop mark or closing bracket at line end SHALL be set in ½ em.
bool halves_at_line_end(char32_t cp);
// clreq §h-compression_of_punctuation_marks_at_line_start: an opening bracket at line start
// (also after the first-line indent) loses the ½ em blank before it.
bool halves_at_line_start(char32_t cp);

// ---- Han–Western mixed text (clreq §mixed_text_composition_in_horizontal_writing_mode) ------
// Between a Han character and a Western letter or digit: up to ¼ em of spacing (not a space
// character), none at line start or end. Justification may reduce it to ⅛ em (clreq
// §procedures_for_inter-character_spacing_reduction) or widen it to ⅓ em (clreq
// §procedures_for_inter-character_space_expansion, "practically only up to 1/3 em").
bool wants_han_latin_space(char32_t a, char32_t b);
constexpr float kHanLatinSpace = 0.25f;
constexpr float kHanLatinMin = 0.125f;
constexpr float kHanLatinMax = 1.0f / 3;
// Western word spaces inside Chinese text: at least ¼ em (reduction), at most ½ em (expansion).
constexpr float kWordSpaceMin = 0.25f;
constexpr float kWordSpaceMax = 0.5f;

// ---- Western text in vertical writing (clreq §handling_of_western_text_in_vertical_writing_mode,
// https://www.w3.org/TR/clreq/#handling_of_western_text_in_vertical_writing_mode) -------------
// Western words are set rotated 90° clockwise, with the same ¼ em Han–Western spacing as in
// horizontal text; numbers of one to three digits and abbreviations of two or three capital
// letters are set across the column, upright (tate-chu-yoko), within one em.
bool across_char(char32_t cp);  // ASCII digits and capital letters: what tate-chu-yoko may hold
// Whether a maximal run of across_char characters, between `before` and `after` (0 at the text's
// edges), is set across: 1–3 digits or 2–3 capitals, not part of a longer Western word or number
// ("3.5", "COVID-19", "iPhone12" stay rotated).
bool sets_across(std::u32string_view run, char32_t before, char32_t after);
constexpr float kAcrossMaxEm = 1.0f;  // the group's width across the column

// ---- Line adjustment (clreq §line_adjustment) ----------------------------------------------
// clreq §procedures_for_inter-character_spacing_reduction, in order of precedence (the first
// step, line-end marks set in ½ em, is fixed: see halves_at_line_end):
enum class Shrink : uint8_t {
  word_space,  // spacing between Western words, down to ¼ em
  interpunct,  // interpuncts, equally on both sides, down to ½ em
  bracket,     // before opening / after closing brackets, down to ½ em
  pause,       // 、，；： down to ½ em
  han_latin,   // Han–Western spacing, down to ⅛ em
  stop,        // 。？！ down to ½ em
  count
};
// clreq §procedures_for_inter-character_space_expansion, in order of precedence:
enum class Stretch : uint8_t {
  word_space,  // Western word spaces, up to ½ em
  han_latin,   // Han–Western spacing, up to ⅓ em
  inter_char,  // then all other inter-character gaps evenly
  count
};
constexpr int kShrinkClasses = static_cast<int>(Shrink::count);
constexpr int kStretchClasses = static_cast<int>(Stretch::count);

// The class in which a mark's blank half may be squeezed when a line is too long; false when the
// mark has none (Han characters, letters, dashes).
bool shrink_class(char32_t cp, Shrink* cls);

// Whether the gap between a and b may take inter-character expansion: not inside the
// unbreakable ——/…… (clreq §h-unbreakable_marks_punctuation), not next to connector marks or
// solidi, and not inside runs of Western letters or digits (they are set solid).
bool stretchable_gap(char32_t a, char32_t b);

}  // namespace paiban::clreq
