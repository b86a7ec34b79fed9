#include "core/unicode.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstdio>

namespace paiban {

char32_t next_code_point(std::string_view s, size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || i + len > s.size()) { ++i; return 0xFFFD; }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size() / 2);
  for (size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

int display_width(char32_t cp) {
  if (cp < 0x1100) return 1;  // fast path: nothing below U+1100 is W or F
  int w = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

int display_width(std::string_view utf8) {
  int w = 0;
  for (size_t i = 0; i < utf8.size();) w += display_width(next_code_point(utf8, i));
  return w;
}

bool is_han(char32_t cp) {
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;  // fast path: URO
  if (cp < 0x2E80) return false;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &err) == USCRIPT_HAN;
}

bool is_cjk_punct(char32_t cp) {
  switch (cp) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！':
    case U'“': case U'”': case U'‘': case U'’': case U'《': case U'》': case U'〈': case U'〉':
    case U'（': case U'）': case U'【': case U'】': case U'「': case U'」': case U'『': case U'』':
    case U'〔': case U'〕': case U'…': case U'—': case U'·': case U'～': case U'〖': case U'〗':
      return true;
    default:
      return false;
  }
}

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

bool is_latin_letter(char32_t cp) {
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return true;
  if (cp < 0xC0) return false;
  UErrorCode err = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(cp)) &&
         uscript_getScript(static_cast<UChar32>(cp), &err) == USCRIPT_LATIN;
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == 0x3000 || cp == 0xA0 ||
         (cp > 0x7F && u_isUWhiteSpace(static_cast<UChar32>(cp)));
}

std::string code_point_label(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace paiban
