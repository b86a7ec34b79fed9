// hostile plan: broken page plans (tests/data/hostile/plan.tests) are refused with one clear line
// naming file:line:column and the element; good ones read as written.
#include <gtest/gtest.h>

#include "core/error.h"
#include "keyed_records.h"
#include "xml/plan.h"

using namespace paiban;

TEST(HostilePlan, EveryRecordFailsCleanlyOrReads) {
  auto records = test::read_keyed_records(test::data("hostile/plan.tests"));
  ASSERT_GE(records.size(), 19u);
  for (const auto& r : records) {
    SCOPED_TRACE("record '" + r["name"] + "' at plan.tests:" + std::to_string(r.line));
    std::string input = test::unescape(r["input"]);
    if (r.has("error")) {
      test::expect_record_error(r, [&] { read_plan(input, "p.xml"); });
      continue;
    }
    Plan p = read_plan(input, "p.xml");
    EXPECT_EQ(p.pages.size(), std::stoull(r["pages"]));
  }
}

TEST(HostilePlan, ModulesRanksAndInlineArticlesAreRead) {
  Plan p = read_plan(
      "<plan jumps=\"off\">\n<page>\n<article ref=\"a.xml\" rank=\"second\" columns=\"2-4\" rows=\"10-40\" short=\"短\"/>\n"
      "<article source=\"b\" columns=\"3\"><headline>题</headline><p>文</p></article>\n</page>\n</plan>",
      "p.xml");
  ASSERT_EQ(p.pages.size(), 1u);
  EXPECT_FALSE(p.jumps);
  const PlanArticle& a = p.pages[0].articles[0];
  EXPECT_EQ(a.ref, "a.xml");
  EXPECT_EQ(a.rank, 1);
  EXPECT_EQ(a.col0, 2);
  EXPECT_EQ(a.col1, 4);
  EXPECT_EQ(a.row0, 10);
  EXPECT_EQ(a.row1, 40);
  EXPECT_EQ(a.short_head, "短");
  EXPECT_EQ(a.line, 3);
  const PlanArticle& b = p.pages[0].articles[1];
  EXPECT_TRUE(b.ref.empty());
  EXPECT_EQ(b.width, 3);
  EXPECT_EQ(b.doc.source, "b");
  ASSERT_EQ(b.doc.blocks.size(), 2u);
  EXPECT_EQ(b.doc.blocks[1].text, "文");
  EXPECT_TRUE(looks_like_plan("<?xml version=\"1.0\"?>\n<!-- x --><plan>"));
  EXPECT_FALSE(looks_like_plan("<planet/>"));
  EXPECT_FALSE(looks_like_plan("<article/>"));
}
