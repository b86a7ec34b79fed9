// measure_page on lines built by hand: a line's type size from its words' boxes and pitch.
#include <gtest/gtest.h>

#include "reflow/page_stages.h"

using namespace paiban;
using namespace paiban::reflow_stages;

namespace {

// One line of `n` one-character words, each `wide` wide and `tall` tall, `pitch` apart.
ocr::Page one_line(int n, int wide, int tall, int pitch) {
  ocr::Page p;
  p.width = 2480, p.height = 3500;
  p.regions.resize(1);
  ocr::Line l;
  for (int k = 0; k < n; ++k) {
    l.words.push_back(ocr::Word{"中", BBox{200 + pitch * k, 1000, 200 + pitch * k + wide, 1000 + tall}, 93});
    l.box = unite(l.box, l.words.back().box);
  }
  p.regions[0].lines.push_back(l);
  return p;
}

double size_of(const ocr::Page& p) {
  ReflowReport report;
  const PageLayout L = measure_page(p, report);
  return L.lines.empty() ? 0 : L.lines[0].size;
}

}  // namespace

// A piece of a row the engine read across a gutter, its other side a headline (fresh12 p001):
// its characters boxed 52 tall at a pitch of 40. Han type is square and set an em apart: the
// type is 40. A condensed headline face (four fifths wide) keeps its height.
TEST(MeasurePage, RowTallBoxesMeasureByThePitch) {
  EXPECT_NEAR(size_of(one_line(12, 36, 52, 40)), 40, 1);
  EXPECT_EQ(size_of(one_line(12, 36, 38, 40)), 38);
  EXPECT_EQ(size_of(one_line(12, 60, 80, 68)), 80);  // 长体: 80 tall at a pitch of 68
}
