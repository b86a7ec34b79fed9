// makeup jumps and plans' pages: a story too long for its page is cut where its module is full and
// nothing is lost or doubled — the part on the page and the rest, less the jump lines and the short
// headline, give back its text exactly; the rest goes on under the short form with （上接第1版）;
// with jumps off the story is named; a fixed module too small for its headline is named.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "font/fonts.h"
#include "makeup/makeup.h"
#include "style/style.h"

namespace paiban {
namespace {

FontLibrary& fonts() {
  static FontLibrary lib;
  return lib;
}

// `paras` paragraphs, each numbered in its text so a lost or doubled piece shows.
Document story(const std::string& name, const std::string& title, int paras, int chars) {
  Document d;
  d.source = name;
  Block h;
  h.kind = Kind::headline;
  h.text = title;
  d.blocks.push_back(h);
  for (int p = 0; p < paras; ++p) {
    Block b;
    b.text = "第" + std::to_string(p + 1) + "段";
    for (int i = 0; i < chars; ++i) b.text += (i % 29 == 28) ? "，" : std::string(i % 2 ? "协" : "政");
    b.text += "。";
    d.blocks.push_back(b);
  }
  return d;
}

std::string body_text(const Document& d, size_t from) {
  std::string t;
  for (size_t i = from; i < d.blocks.size(); ++i) t += d.blocks[i].text;
  return t;
}

TEST(MakeupJump, TheCutLosesAndDoublesNothing) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  Grid g = page_grid(s);
  Document d = story("long.xml", "政协工作报告全文 凝心聚力", 30, 400);
  Module m;
  m.w = 3, m.h = 30 * g.pitch, m.headline = headline_size(s, g, 0, 3);
  Jumped j;
  ASSERT_TRUE(cut_for_jump(d, "", 1, 2, s, g, m, fonts(), nullptr, &j, nullptr));
  ASSERT_GE(j.here.blocks.size(), 3u);
  const std::string down = "（下转第2版）";
  const std::string& last = j.here.blocks.back().text;
  ASSERT_GE(last.size(), down.size());
  EXPECT_EQ(last.substr(last.size() - down.size()), down);
  ASSERT_GE(j.rest.blocks.size(), 3u);
  EXPECT_EQ(j.rest.blocks[0].kind, Kind::headline);
  EXPECT_EQ(j.rest.blocks[0].text, "政协工作报告全文");  // the short form: up to the first space
  EXPECT_EQ(j.rest.blocks[1].text, "（上接第1版）");
  std::string here = body_text(j.here, 1);
  here.resize(here.size() - down.size());
  EXPECT_EQ(here + body_text(j.rest, 2), body_text(d, 1));
  // The part kept is set in the module, on one page.
  LaidOutPage page;
  EXPECT_TRUE(set_module(j.here, s, g, m, fonts(), nullptr, &page, nullptr, nullptr));
}

TEST(MakeupJump, APageTooSmallForAStoryContinuesIt) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  PageInput in;
  in.articles = {story("long.xml", "政协工作报告全文 凝心聚力", 60, 500), story("b.xml", "深化党的创新理论", 6, 200)};
  in.jumps = true;
  std::vector<Document> rest;
  MakeUpReport rep;
  make_up_page(in, s, fonts(), nullptr, &rep, &rest);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].source, "long.xml");
  EXPECT_EQ(rest[0].blocks[1].text, "（上接第1版）");
  in.jumps = false;
  try {
    make_up_page(in, s, fonts(), nullptr, nullptr, nullptr);
    FAIL() << "too long a story was made up with jumps off";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("long.xml: does not fit on the page"), std::string::npos) << e.what();
  }
}

TEST(MakeupJump, AFixedModuleTooSmallForItsHeadlineIsNamed) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  PageInput in;
  in.articles = {story("a.xml", "为建设美丽幸福吕梁广泛凝心聚力", 2, 50), story("b.xml", "深化党的创新理论", 6, 200)};
  Placement small, rest;
  small.x = 0, small.width = 1, small.y = 0, small.h = 2, small.where = "plan.xml:3";
  rest.x = 1, rest.width = 5, rest.y = 0, rest.h = 74, rest.where = "plan.xml:4";
  in.placements = {small, rest};
  try {
    make_up_page(in, s, fonts(), nullptr, nullptr, nullptr);
    FAIL() << "a module too small for its headline was made up";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("plan.xml:3: a.xml: its module (1 columns, 2 lines) is too small for its headline"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace paiban
