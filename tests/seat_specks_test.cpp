// seat_specks on lines built by hand: a Han character boxed as a speck at a line's end is seated
// beside its neighbour; one inside a line, a flat or narrow character's real ink, and a text
// layer's boxes stay as they are.
#include <gtest/gtest.h>

#include "ocr/page.h"
#include "reflow/page_stages.h"

using namespace paiban;
using namespace paiban::reflow_stages;

namespace {

// One line of 48-pixel characters at x = 982 + 50k, words as given (text, box).
ocr::Page one_line(std::vector<ocr::Word> words) {
  ocr::Page p;
  p.width = 2480, p.height = 3500;
  p.regions.resize(1);
  ocr::Line l;
  for (const auto& w : words) l.box = unite(l.box, w.box);
  l.words = std::move(words);
  p.regions[0].lines.push_back(l);
  return p;
}

ocr::Word han(const char* t, int k, int n = 1) { return ocr::Word{t, BBox{982 + 50 * k, 1964, 982 + 50 * (k + n) - 2, 2012}, 93}; }

}  // namespace

// dev p011: "积" opens its line boxed 1×8 pixels 43 pixels left of the column; the next word
// stands at the third em. Seated, the line starts an em before "现在" and its box follows.
TEST(SeatSpecks, ASpeckOpeningALineStandsBesideTheNextWord) {
  ocr::Page p = one_line({ocr::Word{"积", BBox{939, 2024, 940, 2032}, 0}, han("现在", 1, 2), han("达", 3), han("万", 4)});
  seat_specks(p);
  const ocr::Line& l = p.regions[0].lines[0];
  EXPECT_EQ(l.words[0].box.x1, l.words[1].box.x0);
  EXPECT_EQ(l.words[0].box.width(), 48);
  EXPECT_EQ(l.words[0].box.y0, 1964);
  EXPECT_EQ(l.box.x0, l.words[0].box.x0);
  EXPECT_EQ(l.box.x1, l.words.back().box.x1);
}

TEST(SeatSpecks, ASpeckClosingALineStandsAfterTheWordBefore) {
  ocr::Page p = one_line({han("现在", 0, 2), han("达", 2), ocr::Word{"世", BBox{1500, 1990, 1504, 1996}, 91}});
  seat_specks(p);
  const ocr::Line& l = p.regions[0].lines[0];
  EXPECT_EQ(l.words[2].box.x0, l.words[1].box.x1);
  EXPECT_EQ(l.words[2].box.width(), 48);
  EXPECT_EQ(l.box.x1, l.words[2].box.x1);
}

// Inside a line a speck stands between its neighbours already; "一" is flat and "，" small in
// print; a text layer's boxes are the print's.
TEST(SeatSpecks, LeavesInnerSpecksRealInkAndTextLayersAlone) {
  const ocr::Page inner = one_line({han("现", 0), ocr::Word{"在", BBox{1040, 1990, 1044, 1996}, 90}, han("达", 2)});
  ocr::Page p = inner;
  seat_specks(p);
  EXPECT_EQ(p.regions[0].lines[0].words[1].box, inner.regions[0].lines[0].words[1].box);

  const ocr::Page flat = one_line({ocr::Word{"一", BBox{982, 1986, 1026, 1990}, 96}, han("是", 1), han("的", 2),
                                   ocr::Word{"，", BBox{1090, 2000, 1098, 2010}, 92}});
  p = flat;
  seat_specks(p);
  EXPECT_EQ(p.regions[0].lines[0].words.front().box, flat.regions[0].lines[0].words.front().box);
  EXPECT_EQ(p.regions[0].lines[0].words.back().box, flat.regions[0].lines[0].words.back().box);

  ocr::Page layer = one_line({ocr::Word{"积", BBox{939, 2024, 940, 2032}, 0}, han("现在", 1, 2), han("达", 3)});
  layer.exact = true;
  const ocr::Page before = layer;
  seat_specks(layer);
  EXPECT_EQ(layer.regions[0].lines[0].words[0].box, before.regions[0].lines[0].words[0].box);
}

// fresh15 p003: "至" boxed 23×37 in 40-pixel type closes its line after "延续", boxed the row's
// height (93 pixels). Against that height it looks a speck, and seated an em of 93 pixels wide
// the line reached into the next column. The em beside a row-tall word is its pitch.
TEST(SeatSpecks, ARowTallNeighbourIsNoMeasure) {
  std::vector<ocr::Word> words;
  const char* t[] = {"优", "惠", "政", "策"};
  for (int k = 0; k < 4; ++k) words.push_back(ocr::Word{t[k], BBox{1400 + 44 * k, 1120, 1440 + 44 * k, 1160}, 93});
  words.push_back(ocr::Word{"延续", BBox{1576, 1104, 1638, 1197}, 92});
  words.push_back(ocr::Word{"至", BBox{1640, 1119, 1663, 1156}, 88});
  const ocr::Page before = one_line(words);
  ocr::Page p = before;
  seat_specks(p);
  EXPECT_EQ(p.regions[0].lines[0].words.back().box, before.regions[0].lines[0].words.back().box);
  EXPECT_EQ(p.regions[0].lines[0].box, before.regions[0].lines[0].box);
}
