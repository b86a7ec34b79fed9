// cut_gutters on lines built by hand: where a row is cut, and what each piece holds.
#include <gtest/gtest.h>

#include "reflow/page_stages.h"
#include "reflow/words.h"

using namespace paiban;
using namespace paiban::reflow_stages;

namespace {

ocr::Line row(std::initializer_list<ocr::Word> words) {
  ocr::Line l;
  l.id = "l1";
  for (const auto& w : words) {
    l.words.push_back(w);
    l.box = l.box.known() ? unite(l.box, w.box) : w.box;
  }
  return l;
}

std::vector<std::string> texts(const std::vector<LinePiece>& pieces) {
  std::vector<std::string> out;
  for (const auto& p : pieces) {
    std::string t;
    for (const auto& w : p.line.words) t += w.text;
    out.push_back(t);
  }
  return out;
}

}  // namespace

// A headline's row (type 60 high, the body's 25) holds a "：" 23 high, 35 points after its last
// word (fresh6 p007: the next article's mark read into the row): it is cut off, not left to widen
// the headline into the next column. Less than half an em apart, or as tall as the type, it
// stays; so does a body line's own mark set apart (justified narrow lines).
TEST(CutGutters, AStrayMarkAfterALineInLargerTypeIsCutOff) {
  ocr::Page page;
  page.regions.resize(2);
  page.regions[0].lines.push_back(row({{"党全", {100, 180, 220, 240}, 95}, {"军全", {220, 180, 340, 240}, 95},
                                      {"国各", {340, 180, 460, 240}, 95}, {"：", {495, 215, 512, 238}, 86}}));
  for (int y = 300; y < 500; y += 40)
    page.regions[1].lines.push_back(row({{"今年以来", {100, y, 200, y + 25}, 93}, {"当地持续", {200, y, 300, y + 25}, 93}}));
  ReflowReport report;
  auto first = [&]() {
    std::vector<std::string> t = texts(cut_gutters(page, words::body_height(page), report));
    t.resize(t.size() - 5);  // the body lines after it, uncut
    return t;
  };
  EXPECT_EQ(first(), (std::vector<std::string>{"党全军全国各", "："}));

  page.regions[0].lines[0].words[3].box = BBox{475, 215, 492, 238};  // 15 apart: a mark of the line
  EXPECT_EQ(first(), (std::vector<std::string>{"党全军全国各："}));
  page.regions[0].lines[0].words[3].box = BBox{495, 180, 540, 240};  // as tall as the type
  EXPECT_EQ(first(), (std::vector<std::string>{"党全军全国各："}));

  // A body line (type 25) with its comma 15 points after its last word, over half its em.
  page.regions[0].lines[0] = row({{"今年以来", {100, 180, 200, 205}, 93}, {"当地持续", {200, 180, 300, 205}, 93},
                                  {"，", {315, 195, 322, 205}, 90}});
  EXPECT_EQ(first(), (std::vector<std::string>{"今年以来当地持续，"}));
}

// A block's last line under two lines set solid on one grid (fresh p006 of the OCR development
// set): between two narrow characters ("巴" half an em) the line leaves a sliver of white that
// the two lines above leave too. A gutter runs past the row; white in two rows above only is
// no gutter, and the line stays whole. The same white with the rows running on below it is.
TEST(CutGutters, ASliverOverTheLastLineOfABlockIsNoGutter) {
  auto grid_row = [](int y) {
    return row({{"在", {1320, y, 1356, y + 32}, 93}, {"阿", {1360, y, 1390, y + 32}, 93},
                {"巴", {1394, y, 1426, y + 32}, 93}, {"斯", {1442, y, 1478, y + 32}, 93},
                {"是", {1482, y, 1515, y + 32}, 93}, {"应", {1519, y, 1550, y + 32}, 93}});
  };
  ocr::Page page;
  page.regions.resize(1);
  page.regions[0].lines.push_back(grid_row(2566));
  page.regions[0].lines.push_back(grid_row(2623));
  page.regions[0].lines.push_back(row({{"阿", {1360, 2680, 1390, 2712}, 93}, {"巴", {1409, 2682, 1426, 2711}, 93},
                                       {"斯", {1445, 2680, 1482, 2712}, 93}, {"是", {1481, 2676, 1515, 2712}, 93},
                                       {"应", {1515, 2680, 1532, 2712}, 96}}));
  ReflowReport report;
  EXPECT_EQ(texts(cut_gutters(page, words::body_height(page), report)).back(), "阿巴斯是应");
  EXPECT_EQ(report.repairs.count("gutter-cut"), 0u);

  // White an em wide in every row, the rows running on below: a strip down the page, a gutter.
  auto wide_row = [](int y) {
    return row({{"在", {1320, y, 1356, y + 32}, 93}, {"阿", {1360, y, 1390, y + 32}, 93},
                {"巴", {1394, y, 1426, y + 32}, 93}, {"斯", {1466, y, 1502, y + 32}, 93},
                {"是", {1506, y, 1539, y + 32}, 93}, {"应", {1543, y, 1574, y + 32}, 93}});
  };
  page.regions[0].lines.clear();
  for (int y = 2566; y < 2850; y += 57) page.regions[0].lines.push_back(wide_row(y));
  std::vector<std::string> t = texts(cut_gutters(page, words::body_height(page), report));
  EXPECT_EQ(t[4], "在阿巴");
  EXPECT_EQ(t[5], "斯是应");
}

// Tesseract may box characters tight around their ink: three quarters of an em tall, half an em
// wide (fresh7 p000 of the OCR development set). Set solid on one grid, the rows of a paragraph
// then leave white slivers half as wide as their characters' boxes tall, lined up down the
// column. The row's em is its pitch there, and white under half of it is never a gutter.
TEST(CutGutters, SliversBetweenTightBoxesOnOneGridAreNoGutter) {
  auto tight_row = [](int y) {
    ocr::Line l;
    for (int k = 0; k < 12; ++k) l.words.push_back(ocr::Word{"中", BBox{200 + 30 * k, y, 216 + 30 * k, y + 26}, 93});
    for (const auto& w : l.words) l.box = unite(l.box, w.box);
    return l;
  };
  ocr::Page page;
  page.regions.resize(1);
  for (int y = 400; y < 800; y += 47) page.regions[0].lines.push_back(tight_row(y));
  ReflowReport report;
  const auto pieces = cut_gutters(page, words::body_height(page), report);
  EXPECT_EQ(pieces.size(), page.regions[0].lines.size());
  EXPECT_EQ(report.repairs.count("gutter-cut"), 0u);
}

// A column rule read with the comma ending the left column's line ("，|", dev p020 of the OCR
// development set): the word is 54 pixels wide in a row whose boxes, tight round the ink, are
// 34 high at a pitch of 43. Against the boxes' height it is too wide for a rule; against the
// pitch it is one, and the row is cut there, the comma kept on the left.
TEST(CutGutters, ARuleReadWithACommaIsJudgedByThePitch) {
  ocr::Page page;
  page.regions.resize(1);
  ocr::Line l;
  l.id = "l1";
  const char* left[] = {"提", "升", "耕", "地", "质", "量"};
  const char* right[] = {"研", "院", "所", "开", "展", "协"};
  for (int k = 0; k < 6; ++k) l.words.push_back(ocr::Word{left[k], BBox{2043 + 43 * k, 1290, 2077 + 43 * k, 1324}, 93});
  l.words.push_back(ocr::Word{"，|", BBox{2301, 1290, 2355, 1324}, 80});
  for (int k = 0; k < 6; ++k) l.words.push_back(ocr::Word{right[k], BBox{2364 + 43 * k, 1290, 2398 + 43 * k, 1324}, 93});
  for (const auto& w : l.words) l.box = unite(l.box, w.box);
  page.regions[0].lines.push_back(l);
  ReflowReport report;
  EXPECT_EQ(texts(cut_gutters(page, words::body_height(page), report)), (std::vector<std::string>{"提升耕地质量，", "研院所开展协"}));
}
