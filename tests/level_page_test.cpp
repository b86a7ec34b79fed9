// level_page on pages built by hand: the slope read from the words, the page turned level, the
// boxes moved back to the scan's coordinates.
#include <gtest/gtest.h>

#include <cmath>

#include "reflow/page_stages.h"

using namespace paiban;
using namespace paiban::reflow_stages;

namespace {

// A column of `rows` lines of 20 two-character words (40 wide, 40 high, 4 apart), the rows
// 60 apart, set along rows that rise `slope` per unit of x as a skewed scan shows them.
ocr::Page skewed(double slope, int rows, int x0 = 200) {
  ocr::Page p;
  p.width = 2400, p.height = 3200;
  p.regions.resize(1);
  for (int r = 0; r < rows; ++r) {
    ocr::Line l;
    l.id = "l" + std::to_string(r);
    for (int k = 0; k < 20; ++k) {
      const int x = x0 + k * 44 + static_cast<int>(std::lround(-(200 + r * 60) * slope));
      const int y = 200 + r * 60 + static_cast<int>(std::lround((x - x0) * slope));
      ocr::Word w{"中文", BBox{x, y, x + 40, y + 40}, 90};
      l.words.push_back(w);
      l.box = unite(l.box, w.box);
    }
    l.words[7].text = "，";  // a comma's box sits low and small
    l.words[7].box.y0 += 30;
    p.regions[0].lines.push_back(l);
  }
  return p;
}

}  // namespace

// The slope comes from the words, a comma's low box aside; a page level enough, a text layer
// and a page of a few short lines are left as they are.
TEST(LevelPage, ReadsTheSlopeFromTheWords) {
  EXPECT_NEAR(level_of(skewed(0.015, 10)).slope, 0.015, 0.001);
  EXPECT_NEAR(level_of(skewed(-0.012, 10)).slope, -0.012, 0.001);
  EXPECT_EQ(level_of(skewed(0.0005, 10)).slope, 0);  // under a tenth of an em down an A3 column
  ocr::Page layer = skewed(0.015, 10);
  layer.exact = true;
  EXPECT_EQ(level_of(layer).slope, 0);
  EXPECT_EQ(level_of(skewed(0.015, 0)).slope, 0);
}

// Turned level, one row's words share a row (each box moved, its size kept) and the column's
// left edge stands at one x down the page; moved back, every line's box is where it was.
TEST(LevelPage, LevelsRowsAndColumnsAndMovesBoxesBack) {
  const ocr::Page page = skewed(0.017, 40);
  const Level v = level_of(page);
  ocr::Page level = page;
  level_page(level, v);
  for (const auto& l : level.regions[0].lines) {
    EXPECT_LE(std::abs(l.words.front().box.y0 - l.words.back().box.y0), 2) << l.id;
    EXPECT_EQ(l.words.front().box.height(), 40);
  }
  const auto& lines = level.regions[0].lines;
  EXPECT_LE(std::abs(lines.front().box.x0 - lines.back().box.x0), 2);
  EXPECT_GT(std::abs(page.regions[0].lines.front().box.x0 - page.regions[0].lines.back().box.x0), 30);

  PageLayout L;
  L.width = page.width, L.height = page.height;
  for (const auto& l : lines) {
    PageLine pl;
    pl.box = l.box;
    L.lines.push_back(pl);
  }
  L.articles.resize(1);
  for (size_t i = 0; i < L.lines.size(); ++i) L.articles[0].order.push_back(i);
  unlevel_layout(L, v);
  BBox all;
  for (size_t i = 0; i < L.lines.size(); ++i) {
    const BBox& was = page.regions[0].lines[i].box;
    const BBox& now = L.lines[i].box;
    EXPECT_LE(std::abs(now.x0 - was.x0) + std::abs(now.y0 - was.y0) + std::abs(now.x1 - was.x1) + std::abs(now.y1 - was.y1), 4) << i;
    all = unite(all, was);
  }
  EXPECT_LE(std::abs(L.articles[0].box.x0 - all.x0) + std::abs(L.articles[0].box.y1 - all.y1), 4);
}

// Rules: a rule across a skewed page is boxed as tall as its slant; level, it is thin again.
TEST(LevelPage, RulesAreThinAgain) {
  ocr::Page page = skewed(0.015, 10);
  page.rules.push_back(BBox{200, 100, 2200, 100 + 3 + 30});   // across: 2000 long, 3 thick
  page.rules.push_back(BBox{1100, 200, 1100 + 3 + 30, 2200});  // down: 2000 long, 3 thick
  ocr::Page level = page;
  level_page(level, level_of(page));
  EXPECT_LE(level.rules[0].height(), 5);
  EXPECT_GE(level.rules[0].width(), 1990);
  EXPECT_LE(level.rules[1].width(), 5);
  EXPECT_GE(level.rules[1].height(), 1990);
}
