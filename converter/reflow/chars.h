// Character classes and display widths for the hot loops of reflow and text: fast paths for the
// ranges Chinese news text lives in (ASCII, URO Han, CJK punctuation), ICU only for the rest.
#pragma once

#include <string>
#include <string_view>

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

// UTF-8 decoding and encoding inlined for the hot loops: ASCII and the three-byte sequences of
// BMP Han and punctuation directly; anything else (and invalid bytes) through core/unicode.h.
inline char32_t decode(std::string_view s, size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    char32_t c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      i += 3;
      return c;
    }
  }
  return next_code_point(s, i);
}

// A word's width in ems as printed: an ASCII letter, digit or mark half an em, anything else
// (Han, fullwidth marks) one. What an engine's pitch is measured against.
inline double ems(std::string_view s) {
  double n = 0;
  for (size_t i = 0; i < s.size();) n += decode(s, i) < 0x80 ? 0.5 : 1;
  return n;
}

inline void encode(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c >= 0x800 && c < 0x10000) {
    char b[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 3);
  } else {
    append_utf8(out, c);
  }
}

// Marks the engine reads from specks and rules on a head's row: quotes and bars.
inline bool speck_mark(char32_t c) {
  return c == U'“' || c == U'”' || c == U'"' || c == U'‘' || c == U'’' || c == U'\'' || c == U'|';
}

inline bool is_cjk(Cls k) { return k == Cls::han || k == Cls::punct; }

// How many Han characters a text holds: decoded, or UTF-8 as an engine's words come.
inline size_t han_count(std::u32string_view s) {
  size_t n = 0;
  for (char32_t c : s) n += classify(c) == Cls::han;
  return n;
}
inline size_t han_count(std::string_view utf8) {
  size_t n = 0;
  for (size_t i = 0; i < utf8.size();) n += classify(decode(utf8, i)) == Cls::han;
  return n;
}
inline bool is_alnum(Cls k) { return k == Cls::digit || k == Cls::latin; }

}  // namespace paiban::chars
