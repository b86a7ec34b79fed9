// The Chinese layout rules of core/clreq.h that layout adds to the line-break prohibitions:
// punctuation compression, Han–Western spacing and the justification classes (W3C clreq).
#include <gtest/gtest.h>

#include "core/clreq.h"

using namespace paiban::clreq;

TEST(Clreq, AdjacentMarksGiveUpOneHalf) {
  // clreq §h-adjustment_of_adjacent_punctuation_marks: two marks take 1.5 em.
  EXPECT_EQ(adjacent_squeeze(U'。', U'”'), Squeeze::first);   // closing/stop first: its trailing blank
  EXPECT_EQ(adjacent_squeeze(U'”', U'，'), Squeeze::first);
  EXPECT_EQ(adjacent_squeeze(U'）', U'（'), Squeeze::first);
  EXPECT_EQ(adjacent_squeeze(U'，', U'“'), Squeeze::first);
  EXPECT_EQ(adjacent_squeeze(U'（', U'“'), Squeeze::second);  // opening pair: the second's leading blank
  EXPECT_EQ(adjacent_squeeze(U'《', U'「'), Squeeze::second);
  EXPECT_EQ(adjacent_squeeze(U'中', U'，'), Squeeze::none);   // a character and a mark
  EXPECT_EQ(adjacent_squeeze(U'“', U'中'), Squeeze::none);
  EXPECT_EQ(adjacent_squeeze(U')', U'('), Squeeze::none);     // ASCII brackets have no blank half
  EXPECT_EQ(adjacent_squeeze(U'·', U'“'), Squeeze::none);     // interpuncts stay centred
}

TEST(Clreq, LineEdgeMarks) {
  // GB/T 15834 §5.1.10 via clreq: a full-width mark at line end is set in ½ em.
  for (char32_t c : {U'，', U'。', U'、', U'；', U'：', U'？', U'！', U'”', U'）', U'》', U'」'})
    EXPECT_TRUE(halves_at_line_end(c)) << static_cast<unsigned>(c);
  EXPECT_FALSE(halves_at_line_end(U'中'));
  EXPECT_FALSE(halves_at_line_end(U'（'));
  EXPECT_FALSE(halves_at_line_end(U','));
  // An opening bracket at line start loses the ½ em before it.
  for (char32_t c : {U'（', U'《', U'“', U'「', U'『'}) EXPECT_TRUE(halves_at_line_start(c));
  EXPECT_FALSE(halves_at_line_start(U'）'));
  EXPECT_FALSE(halves_at_line_start(U'('));
}

TEST(Clreq, HanWesternSpacing) {
  EXPECT_TRUE(wants_han_latin_space(U'项', U'7'));
  EXPECT_TRUE(wants_han_latin_space(U'4', U'年'));
  EXPECT_TRUE(wants_han_latin_space(U'用', U'A'));
  EXPECT_TRUE(wants_han_latin_space(U'é', U'字'));
  EXPECT_FALSE(wants_han_latin_space(U'，', U'7'));  // a mark has its own blank
  EXPECT_FALSE(wants_han_latin_space(U'7', U'%'));
  EXPECT_FALSE(wants_han_latin_space(U'中', U'国'));
}

// clreq §3.2.4 (a quarter em between Han and Latin), checked when the constants compile.
static_assert(kHanLatinSpace == 0.25f);
static_assert(kHanLatinMin < kHanLatinSpace && kHanLatinMax > kHanLatinSpace);

TEST(Clreq, JustificationClassesInClreqOrder) {
  // clreq §procedures_for_inter-character_spacing_reduction: word spaces, interpuncts, brackets,
  // commas, Han–Western spacing, then 。？！ last.
  EXPECT_LT(Shrink::word_space, Shrink::interpunct);
  EXPECT_LT(Shrink::interpunct, Shrink::bracket);
  EXPECT_LT(Shrink::bracket, Shrink::pause);
  EXPECT_LT(Shrink::pause, Shrink::han_latin);
  EXPECT_LT(Shrink::han_latin, Shrink::stop);
  Shrink c;
  ASSERT_TRUE(shrink_class(U'，', &c));
  EXPECT_EQ(c, Shrink::pause);
  ASSERT_TRUE(shrink_class(U'。', &c));
  EXPECT_EQ(c, Shrink::stop);
  ASSERT_TRUE(shrink_class(U'《', &c));
  EXPECT_EQ(c, Shrink::bracket);
  ASSERT_TRUE(shrink_class(U'·', &c));
  EXPECT_EQ(c, Shrink::interpunct);
  EXPECT_FALSE(shrink_class(U'中', &c));
  EXPECT_FALSE(shrink_class(U'—', &c));
  // clreq §procedures_for_inter-character_space_expansion: word spaces, Han–Western, then all.
  EXPECT_LT(Stretch::word_space, Stretch::han_latin);
  EXPECT_LT(Stretch::han_latin, Stretch::inter_char);
  EXPECT_TRUE(stretchable_gap(U'中', U'国'));
  EXPECT_TRUE(stretchable_gap(U'中', U'，'));
  EXPECT_FALSE(stretchable_gap(U'—', U'—'));  // inside ——
  EXPECT_FALSE(stretchable_gap(U'…', U'…'));  // inside ……
  EXPECT_FALSE(stretchable_gap(U'a', U'b'));  // Western words are set solid
  EXPECT_FALSE(stretchable_gap(U'2', U'0'));
  EXPECT_FALSE(stretchable_gap(U'中', U'～'));  // next to a connector mark
}

TEST(Clreq, FullWidthIncludesAmbiguousChineseMarks) {
  for (char32_t c : {U'中', U'，', U'“', U'”', U'‘', U'’', U'…', U'—', U'·'}) EXPECT_TRUE(is_fullwidth(c));
  for (char32_t c : {U'a', U'7', U',', U' ', U'é'}) EXPECT_FALSE(is_fullwidth(c));
}
