// makeup: several articles on one page — modules tile whole columns inside the type area without
// overlapping, the search is deterministic, the lead is widest and on top, and an article too
// long for the page is named in the error.
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

// An article of `paras` paragraphs of `chars` Han characters each under `title`.
Document article(const std::string& name, const std::string& title, int paras, int chars) {
  Document d;
  d.source = name;
  Block h;
  h.kind = Kind::headline;
  h.text = title;
  d.blocks.push_back(h);
  const std::string han[] = {"政", "协", "履", "职", "凝", "心", "聚", "力", "发", "展"};
  for (int p = 0; p < paras; ++p) {
    Block b;
    for (int i = 0; i < chars; ++i) b.text += (i % 37 == 36) ? "，" : han[(p * 7 + i) % 10];
    b.text += "。";
    d.blocks.push_back(b);
  }
  return d;
}

std::vector<Document> four() {
  return {article("lead.xml", "为建设美丽幸福吕梁广泛凝心聚力", 12, 160),
          article("second.xml", "深化党的创新理论", 8, 150), article("third.xml", "聚焦服务中心大局", 6, 140),
          article("fourth.xml", "倾情画好同心圆", 5, 120)};
}

TEST(Makeup, ModulesTileTheTypeAreaWithoutOverlap) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  MakeUpReport rep;
  LaidOutDocument page = make_up(four(), s, fonts(), &rep);
  ASSERT_EQ(page.pages.size(), 1u);
  ASSERT_EQ(rep.modules.size(), 4u);
  EXPECT_GT(rep.candidates, 20);  // a search, not first-fit
  float area_h = s.page_height - s.margin_top - s.margin_bottom;
  for (size_t i = 0; i < rep.modules.size(); ++i) {
    const Module& a = rep.modules[i];
    EXPECT_EQ(a.article, static_cast<int>(i));
    EXPECT_GE(a.x, 0);
    EXPECT_LE(a.x + a.w, s.columns) << a.name;
    EXPECT_GE(a.y, 0);
    EXPECT_LE(a.y + a.h, area_h + 0.5f) << a.name;
    EXPECT_GT(a.lines, 5) << a.name;
    for (size_t j = i + 1; j < rep.modules.size(); ++j) {
      const Module& b = rep.modules[j];
      bool apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      EXPECT_TRUE(apart) << a.name << " overlaps " << b.name;
    }
  }
  const Module& lead = rep.modules[0];
  EXPECT_EQ(lead.y, 0);
  for (const Module& m : rep.modules) {
    EXPECT_LE(m.w, lead.w) << m.name;
    EXPECT_LE(m.headline, lead.headline) << m.name;
  }
  EXPECT_EQ(page.bookmarks.size(), 4u);
}

TEST(Makeup, SameArticlesSamePage) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  MakeUpReport a, b;
  make_up(four(), s, fonts(), &a);
  make_up(four(), s, fonts(), &b);
  EXPECT_EQ(a.debug_dump, b.debug_dump);
}

TEST(Makeup, AnArticleThatCannotFitIsNamed) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  std::vector<Document> docs = four();
  docs.push_back(article("huge.xml", "太长的稿件", 60, 400));
  try {
    make_up(docs, s, fonts(), nullptr);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(".xml: does not fit on the page"), std::string::npos) << e.what();
    EXPECT_NE(e.hint().find("jumps"), std::string::npos);
  }
}

}  // namespace
}  // namespace paiban
