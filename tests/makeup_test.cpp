// makeup: several articles on one page — modules tile whole columns inside the type area without
// overlapping and without holes (every column covered to the foot), the search is deterministic,
// the lead is widest and on top, the page has its running head, and an article too long for the
// page is named in the error. The search alone (tile) is checked on measures made up by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.h"
#include "font/fonts.h"
#include "makeup/makeup.h"
#include "style/style.h"
#include "test_fonts.h"

namespace paiban {
namespace {

using test::fonts;

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

// Every column of the type area is covered from its top to its foot by modules, one-line gaps
// between them (where the cut rules go) and less than a line left at the foot.
void expect_columns_covered(const std::vector<Module>& ms, const Grid& g) {
  for (int c = 0; c < g.n; ++c) {
    std::vector<std::pair<float, float>> spans;
    for (const Module& m : ms)
      if (m.x <= c && c < m.x + m.w) spans.push_back({m.y, m.y + m.h});
    std::sort(spans.begin(), spans.end());
    float reached = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
      EXPECT_NEAR(spans[i].first, i == 0 ? 0 : reached + g.pitch, 0.01f) << "column " << c + 1;
      reached = spans[i].second;
    }
    EXPECT_GT(reached, g.height - g.pitch) << "column " << c + 1 << " ends short";
    EXPECT_LE(reached, g.height + 0.01f) << "column " << c + 1;
  }
}

TEST(Makeup, ModulesCoverEveryColumnToTheFoot) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  MakeUpReport rep;
  make_up(four(), s, fonts(), &rep);
  expect_columns_covered(rep.modules, page_grid(s));
  EXPECT_EQ(rep.cuts.size(), rep.modules.size() - 1);  // a guillotine: one cut per split
}

TEST(Makeup, RunningHeadAboveTheTypeArea) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  LaidOutDocument page = make_up(four(), s, fonts(), nullptr, 3);
  Grid g = page_grid(s);
  std::string head;
  for (const GlyphRun& r : page.pages[0].runs)
    if (r.glyphs.front().y > g.top)
      for (const PlacedGlyph& gl : r.glyphs) head += gl.text;
  EXPECT_NE(head.find("第3版"), std::string::npos) << head;
  EXPECT_NE(head.find(s.paper), std::string::npos) << head;
}

// Measures made by hand: heads of 3 lines, bodies whose lengths tile a 6 × 40 grid exactly when
// the lead takes the top 16 lines across and the rest share the 23 lines below, 3 + 3 columns.
TEST(Tile, FindsTheExactTiling) {
  Grid g;
  g.n = 6, g.rows = 40, g.pitch = 10, g.height = 400, g.measure = 100, g.gap = 10;
  auto make = [&](int head, int body) {
    Measure m;
    m.head.assign(g.n + 1, head);
    HeadFit fit;
    fit.lines = head;
    m.fits.assign(g.n + 1, {fit});
    m.extra.assign(g.n + 1, 0);
    m.more_white.assign(g.n + 1, 0);
    m.short_by.assign(g.n + 1, 0);
    for (int w = 1; w <= g.n; ++w) m.short_by[w] = (body + w - 1) / w * w - body;
    m.has_head = head > 0;
    m.body = body;
    return m;
  };
  // lead 3 + 78/6 = 16 lines, a gap, then 23 lines: the second 3 + 60/3 = 23 in three columns
  // beside the third and fourth, 3 + 24/3 = 11 each with a gap between.
  std::vector<Measure> ms = {make(3, 78), make(3, 60), make(3, 24), make(3, 24)};
  Tiling t = tile(ms, g);
  ASSERT_TRUE(t.fits);
  ASSERT_EQ(t.modules.size(), 4u);
  expect_columns_covered(t.modules, g);
  EXPECT_EQ(t.modules[0].w, 6);
  EXPECT_FLOAT_EQ(t.modules[0].h, 160);
  int pad = 0;
  for (const Module& m : t.modules) pad += m.pad_above + m.pad_below;
  EXPECT_EQ(pad, 0) << "an exact tiling needs no white added";
  EXPECT_GT(t.candidates, 1000);  // every rectangle, not first-fit
  // The same measures, the same layout.
  Tiling again = tile(ms, g);
  for (size_t i = 0; i < t.modules.size(); ++i) {
    EXPECT_EQ(t.modules[i].x, again.modules[i].x);
    EXPECT_EQ(t.modules[i].h, again.modules[i].h);
  }
}

TEST(Tile, TooMuchTextDoesNotFit) {
  Grid g;
  g.n = 4, g.rows = 20, g.pitch = 10, g.height = 200, g.measure = 100, g.gap = 10;
  Measure m;
  m.head.assign(g.n + 1, 2);
  HeadFit fit;
  fit.lines = 2;
  m.fits.assign(g.n + 1, {fit});
  m.extra.assign(g.n + 1, 0);
  m.more_white.assign(g.n + 1, 0);
  m.short_by.assign(g.n + 1, 0);
  m.body = 4 * 19;  // one line more than the page holds under its head
  m.has_head = true;
  EXPECT_FALSE(tile({m}, g).fits);
  m.body = 4 * 18;
  EXPECT_TRUE(tile({m}, g).fits);
}

TEST(Makeup, TooLittleTextLeavesANoteNamingTheModule) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  MakeUpReport rep;
  make_up({article("short.xml", "短讯", 2, 60)}, s, fonts(), &rep);
  ASSERT_EQ(rep.modules.size(), 1u);
  EXPECT_GT(rep.modules[0].hole, 2);
  ASSERT_EQ(rep.notes.size(), 1u);
  EXPECT_NE(rep.notes[0].find("short.xml: "), std::string::npos) << rep.notes[0];
  MakeUpReport full;
  make_up(four(), s, fonts(), &full);
  size_t holes = 0;
  for (const Module& m : full.modules) holes += m.hole > 2;
  EXPECT_EQ(full.notes.size(), holes);  // one note per module with a hole, none for the rest
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
    EXPECT_NE(std::string(e.what()).find("huge.xml: does not fit on the page"), std::string::npos) << e.what();
    EXPECT_NE(e.hint().find("jumps"), std::string::npos);
  }
}

// Jumps: a story too long for its page is cut where its module is full and nothing is lost or
// doubled — the part on the page and the rest, less the jump lines and the short headline, give
// back its text exactly; the rest goes on under the short form with （上接第1版）; with jumps off
// the story is named; a fixed module too small for its headline is named with its plan line.
std::string body_text(const Document& d, size_t from) {
  std::string t;
  for (size_t i = from; i < d.blocks.size(); ++i) t += d.blocks[i].text;
  return t;
}

TEST(MakeupJump, TheCutLosesAndDoublesNothing) {
  Style s = load_style("broadsheet");
  prepare_fonts(s, fonts());
  Grid g = page_grid(s);
  Document d = article("long.xml", "政协工作报告全文 凝心聚力", 30, 400);
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
  in.articles = {article("long.xml", "政协工作报告全文 凝心聚力", 60, 500), article("b.xml", "深化党的创新理论", 6, 200)};
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
  in.articles = {article("a.xml", "为建设美丽幸福吕梁广泛凝心聚力", 2, 50), article("b.xml", "深化党的创新理论", 6, 200)};
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
