// Display width and character classes that reflow and layout measure with.
#include <gtest/gtest.h>

#include "core/unicode.h"

using namespace paiban;

TEST(Unicode, DisplayWidthCountsWideAsTwo) {
  EXPECT_EQ(display_width("重大事项7次"), 11);   // 5 Han (10) + 1 digit
  EXPECT_EQ(display_width("2024年"), 6);
  EXPECT_EQ(display_width("，。"), 4);            // full-width punctuation is W
  EXPECT_EQ(display_width("abc"), 3);
}

TEST(Unicode, Utf8RoundTrip) {
  std::string s = "排版 a\xF0\x9F\x98\x80";
  EXPECT_EQ(to_utf8(to_u32(s)), s);
}

TEST(Unicode, Classes) {
  EXPECT_TRUE(is_han(U'吕'));
  EXPECT_TRUE(is_han(0x20000));  // CJK Extension B
  EXPECT_FALSE(is_han(U'，'));
  EXPECT_TRUE(is_cjk_punct(U'，'));
  EXPECT_TRUE(is_space(0x3000));
  EXPECT_TRUE(is_latin_letter(U'é'));
  EXPECT_FALSE(is_latin_letter(U'7'));
}
