// Boxes (framed sidebars in their own font) and measures: every body and box measure is a whole
// number of ems of its text (clreq §2.3.5), so lines of Han text set solid; a box that fits in a
// column is never split; a box taller than a column continues with its frame open at the split.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "core/unicode.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"
#include "layout_dump.h"
#include "test_util.h"
#include "xml/xml.h"
#include "test_fonts.h"

using namespace paiban;
using testutil::DumpLine;

namespace {

std::string data(const std::string& rel) { return test::data("layout/" + rel); }

Document sample() { return read_xml(test::read_file(data("lvliang-hand.xml")), "lvliang-hand.xml"); }

using test::fonts;

using testutil::Laid;

Laid lay(const Document& doc, const Style& style) { return testutil::lay(doc, style, fonts()); }

Block para(const std::string& text) {
  Block b;
  b.kind = Kind::paragraph;
  b.text = text;
  return b;
}

bool all_han(const std::string& s) {
  for (char32_t c : to_u32(s))
    if (!is_han(c)) return false;
  return true;
}

// The frame rules of a laid-out document: rules as wide as the style's box frame.
struct FrameRules {
  int across = 0, down = 0;
};
FrameRules frame_rules(const LaidOutDocument& doc, const Style& style) {
  FrameRules f;
  for (const LaidOutPage& p : doc.pages)
    for (const RuleLine& r : p.rules) {
      if (std::fabs(r.width - style.box_frame) > 1e-4f) continue;
      if (std::fabs(r.y1 - r.y2) < 1e-3f) ++f.across;
      else if (std::fabs(r.x1 - r.x2) < 1e-3f) ++f.down;
    }
  return f;
}

std::set<std::pair<int, int>> box_columns(const Laid& l) {
  std::set<std::pair<int, int>> out;
  for (const DumpLine& d : l.lines)
    if (d.kind == "box") out.insert({d.page, d.column});
  return out;
}

}  // namespace

TEST(LayoutBox, MeasuresAreWholeEmsAndHanLinesSetSolid) {
  Document doc = sample();
  int solid = 0;  // full all-Han box lines checked
  for (const std::string& name : std::vector<std::string>{"broadsheet", "tabloid", "report", data("small.xml")}) {
    SCOPED_TRACE(name);
    Style style = load_style(name);
    Laid l = lay(doc, style);
    std::map<int, float> column_x;  // column → its left edge, from the body lines
    float column_w = 0;
    for (const DumpLine& d : l.lines)
      if (d.kind == "p") {
        column_x[d.column] = d.x;
        column_w = d.w;
      }
    for (const DumpLine& d : l.lines) {
      if (d.kind != "p" && d.kind != "box") continue;
      float ems = d.w / d.h;
      EXPECT_NEAR(ems, std::round(ems), 1e-3) << d.kind << " measure " << d.w << " pt is not whole ems of " << d.h;
      // A justified line of as many Han characters as the measure has ems (no mark to compress,
      // no Latin to space; the first line's indent counted) fills it exactly: no letter-spacing.
      const TextStyle& ts = d.kind == "box" ? style.box : style.body;
      float indent = d.line == 1 ? ts.indent : 0;
      if (d.line < d.lines && all_han(d.text) && std::fabs(to_u32(d.text).size() + indent - ems) < 1e-3f) {
        EXPECT_NEAR(d.ratio, 0, 0.01) << d.kind << " line letter-spaced: " << d.text;
        if (d.kind == "box") ++solid;
      }
      // The box's text is centred inside its column, at least frame + padding from the edges.
      if (d.kind == "box" && column_x.count(d.column)) {
        float inset = d.x - column_x[d.column];
        EXPECT_NEAR(2 * inset + d.w, column_w, 0.01) << "box not centred: " << d.text;
        EXPECT_GE(inset + 1e-3f, style.box_frame + style.box_padding * style.box.size);
      }
    }
  }
  EXPECT_GE(solid, 3) << "too few full all-Han box lines to check";
}

TEST(LayoutBox, BoxThatFitsAColumnIsKeptWhole) {
  // The sample's box fits in a tabloid column: it must not be split across columns.
  Document doc = sample();
  Style tabloid = load_style("tabloid");
  Laid l = lay(doc, tabloid);
  EXPECT_EQ(box_columns(l).size(), 1u) << "the box is split across columns";
  FrameRules f = frame_rules(l.doc, tabloid);
  EXPECT_EQ(f.across, 2);
  EXPECT_EQ(f.down, 2);

  // A short box after 1–8 paragraphs meets the column end at many places; it always moves whole
  // to the next column, and the text before it still fills the column up to a legal break.
  Style small = load_style(data("small.xml"));
  std::vector<Block> paras;
  for (const Block& b : doc.blocks)
    if (b.kind == Kind::section)
      for (const Block& c : b.children)
        if (c.kind == Kind::paragraph) paras.push_back(c);
  Block box;
  box.kind = Kind::box;
  box.children = {para("这一年，市政协深化创新理论武装，传达学习贯彻习近平总书记最新重要讲话重要指示批示精神。"),
                  para("这一年，市政协聚焦中心大局履职，组织重要协商活动，助力解决群众身边的急难愁盼。")};
  int moved = 0;
  for (size_t n = 1; n <= 8; ++n) {
    SCOPED_TRACE("paragraphs before the box: " + std::to_string(n));
    Document d;
    for (size_t k = 0; k < n; ++k) d.blocks.push_back(paras[k % paras.size()]);
    d.blocks.push_back(box);
    d.blocks.push_back(paras[8]);
    Laid s = lay(d, small);
    auto cols = box_columns(s);
    ASSERT_EQ(cols.size(), 1u) << "the box is split across columns";
    testutil::check_dump_rules(s.lines, "small");
    FrameRules f = frame_rules(s.doc, small);
    EXPECT_EQ(f.across, 2);
    EXPECT_EQ(f.down, 2);
    // Did it move? Then it starts at its column's top, like the other columns.
    const DumpLine* first_box = nullptr;
    float top = -1e9f;
    for (const DumpLine& x : s.lines) {
      if (x.kind == "box" && !first_box) first_box = &x;
      if (x.page == cols.begin()->first && x.column == cols.begin()->second) top = std::max(top, x.y);
    }
    ASSERT_TRUE(first_box);
    if (first_box->y >= top - 1e-3f) ++moved;
  }
  EXPECT_GE(moved, 2) << "no case put the box at a column's top";
}

TEST(LayoutBox, BoxTallerThanAColumnContinuesWithAnOpenFrame) {
  Style small = load_style(data("small.xml"));
  Document d;
  d.blocks.push_back(para("政协事业要发展，党的领导是根本。市政协坚持把党的全面领导贯穿到政协履职的全过程各方面。"));
  Block box;
  box.kind = Kind::box;
  for (int i = 0; i < 14; ++i)
    box.children.push_back(para("这一年，市政协深化创新理论武装，传达学习贯彻重要讲话精神26次、67篇；"));
  d.blocks.push_back(box);
  d.blocks.push_back(para("市政协坚持以习近平新时代中国特色社会主义思想为指导，谋良策、聚共识、强合力。"));
  Laid l = lay(d, small);
  testutil::check_dump_rules(l.lines, "small");
  auto cols = box_columns(l);
  ASSERT_GE(cols.size(), 3u) << "a box of 14 paragraphs should need three columns or more";
  // Closed at the very top and bottom only; each part has both sides.
  FrameRules f = frame_rules(l.doc, small);
  EXPECT_EQ(f.across, 2) << "a split box is framed open where it continues";
  EXPECT_EQ(f.down, 2 * static_cast<int>(cols.size()));
  // Column rules reach as deep as the deepest ink of their page, a box's frame included.
  for (const LaidOutPage& p : l.doc.pages) {
    float frame_low = 1e9f, rule_low = 1e9f;
    for (const RuleLine& r : p.rules) {
      float low = std::min(r.y1, r.y2);
      bool across = std::fabs(r.y1 - r.y2) < 1e-3f;  // ink reaches half the width below it
      if (std::fabs(r.width - small.box_frame) < 1e-4f) frame_low = std::min(frame_low, across ? low - r.width / 2 : low);
      if (std::fabs(r.width - small.column_rule) < 1e-4f) rule_low = std::min(rule_low, low);
    }
    if (frame_low < 1e9f && rule_low < 1e9f) {
      EXPECT_LE(rule_low, frame_low + 0.01f) << "column rule ends above a box frame's bottom";
    }
  }
  // A continued part starts at its column's top: on the grid of the neighbouring columns.
  std::map<std::pair<int, int>, float> first_y;
  for (const DumpLine& x : l.lines)
    if (!first_y.count({x.page, x.column}) && x.column > 0) first_y[{x.page, x.column}] = x.y;
  for (auto it = std::next(cols.begin()); it != cols.end(); ++it) {
    float y = first_y[*it];
    for (const DumpLine& x : l.lines) {
      if (x.page == it->first && x.column > 0 && x.kind == "p") {
        EXPECT_LE(x.y, y + 1e-3f);
      }
    }
  }
}
