// hostile xml: hostile and broken article XML (tests/data/hostile/xml.tests) is refused with one
// clear line naming file:line:column, never expands an entity, and never crashes or hangs.
#include <gtest/gtest.h>

#include "core/error.h"
#include "keyed_records.h"
#include "xml/xml.h"

using namespace paiban;

namespace {

void run_record(const test::KeyedRecord& r) {
  SCOPED_TRACE("record '" + r["name"] + "' at xml.tests:" + std::to_string(r.line));
  std::string input = test::unescape(r["input"]);
  Limits limits;
  if (r.has("max-depth")) limits.max_depth = std::stoi(r["max-depth"]);
  if (r.has("max-blocks")) limits.max_blocks = std::stoull(r["max-blocks"]);
  if (r.has("error")) {
    test::expect_record_error(r, [&] { read_xml(input, "a.xml", limits); });
    return;
  }
  Document d = read_xml(input, "a.xml", limits);
  EXPECT_EQ(d.blocks.size(), std::stoull(r["blocks"]));
  EXPECT_EQ(read_xml(write_xml(d), "again.xml"), d);
}

}  // namespace

TEST(HostileXml, EveryRecordFailsCleanlyOrReads) {
  auto records = test::read_keyed_records(test::data("hostile/xml.tests"));
  ASSERT_GE(records.size(), 30u);
  for (const auto& r : records) run_record(r);
}

// A CDATA section keeps markup-like text verbatim, and it survives the round trip as text.
TEST(HostileXml, CdataTextIsKeptLiterally) {
  Document d = read_xml("<article><p><![CDATA[<b>&#0;</b>]]></p></article>", "a.xml");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "<b>&#0;</b>");
}
