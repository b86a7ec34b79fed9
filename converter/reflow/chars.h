// Character classes and display widths for the hot loops of reflow and text: fast paths for the
// ranges Chinese news text lives in (ASCII, URO Han, CJK punctuation), ICU only for the rest.
#pragma once

#include "core/unicode.h"

namespace paiban::chars {

enum class Cls : unsigned char {
  space,  // White_Space, including U+3000 IDEOGRAPHIC SPACE
  han,    // Script=Han
  punct,  // full-width CJK punctuation (core/unicode.h is_cjk_punct)
  digit,  // ASCII 0-9
  latin,  // Latin letters
  other,  // ASCII punctuation, symbols, other scripts
};

inline Cls classify(char32_t c) {
  if (c < 0x80) {
    if (c == U' ' || c == U'\t') return Cls::space;
    if (c >= U'0' && c <= U'9') return Cls::digit;
    char32_t l = c | 0x20;
    if (l >= U'a' && l <= U'z') return Cls::latin;
    return Cls::other;
  }
  if (c >= 0x4E00 && c <= 0x9FFF) return Cls::han;
  if (is_cjk_punct(c)) return Cls::punct;
  if (c == 0x3000 || c == 0xA0) return Cls::space;
  if (c < 0x3000 && is_space(c)) return Cls::space;  // no White_Space character lies above U+3000
  if (c >= 0x2E80 && is_han(c)) return Cls::han;
  if (is_latin_letter(c)) return Cls::latin;
  return Cls::other;
}

// East Asian Width display units (UAX #11: W and F are 2, everything else 1), as core's
// display_width, with fast paths for URO Han, CJK symbols and full-width forms.
inline int width(char32_t c) {
  if (c < 0x1100) return 1;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303E) || (c >= 0xFF01 && c <= 0xFF60))
    return 2;
  if (c >= 0x2000 && c <= 0x206F) return 1;  // General Punctuation: “”‘’—… are Ambiguous, not W
  return display_width(c);
}

inline bool is_cjk(Cls k) { return k == Cls::han || k == Cls::punct; }
inline bool is_alnum(Cls k) { return k == Cls::digit || k == Cls::latin; }

}  // namespace paiban::chars
