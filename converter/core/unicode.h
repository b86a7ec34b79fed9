// Small Unicode helpers shared by reflow, text and layout. Properties come from ICU.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paiban {

// Decode one code point at s[i] (valid UTF-8 expected; invalid bytes yield U+FFFD) and advance i.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

// East Asian Width display units: W and F count 2, everything else 1 (UAX #11).
int display_width(char32_t cp);
int display_width(std::string_view utf8);

bool is_han(char32_t cp);            // Script=Han (ideographs, 〇, 々)
bool is_cjk_punct(char32_t cp);      // full-width CJK punctuation: ，。、；：？！“”‘’《》（）【】…— etc.
bool is_ascii_digit(char32_t cp);
bool is_latin_letter(char32_t cp);   // Script=Latin letters (A-Z, a-z, accented)
bool is_space(char32_t cp);          // White_Space, including U+3000 and NBSP

// "U+4E2D" for messages.
std::string code_point_label(char32_t cp);

}  // namespace paiban
