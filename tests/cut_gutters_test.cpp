// cut_gutters on lines built by hand: where a row is cut, and what each piece holds.
#include <gtest/gtest.h>

#include "reflow/page_stages.h"

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

// A headline's row (type 60 high) holds a "：" 23 high, 35 points after its last word (fresh6
// p007: the next article's mark read into the row): it is cut off, not left to widen the
// headline into the next column. Less than half an em apart, or as tall as the type, it stays.
TEST(CutGutters, AStrayMarkAfterALineInLargerTypeIsCutOff) {
  ocr::Page page;
  page.regions.resize(1);
  page.regions[0].lines.push_back(row({{"党全", {100, 180, 220, 240}, 95}, {"军全", {220, 180, 340, 240}, 95},
                                      {"国各", {340, 180, 460, 240}, 95}, {"：", {495, 215, 512, 238}, 86}}));
  ReflowReport report;
  EXPECT_EQ(texts(cut_gutters(page, report)), (std::vector<std::string>{"党全军全国各", "："}));

  page.regions[0].lines[0].words[3].box = BBox{475, 215, 492, 238};  // 15 apart: a mark of the line
  EXPECT_EQ(texts(cut_gutters(page, report)), (std::vector<std::string>{"党全军全国各："}));
  page.regions[0].lines[0].words[3].box = BBox{495, 180, 540, 240};  // as tall as the type
  EXPECT_EQ(texts(cut_gutters(page, report)), (std::vector<std::string>{"党全军全国各："}));
}
