// The running header/footer's {date}: the article's date (XML date attribute, or a dateline reflow
// finds in the source text), printed as papers do; an undated article leaves no dangling
// separator. Cases: tests/data/layout/running.tests.
#include <gtest/gtest.h>

#include "core/date.h"
#include "core/error.h"
#include "core/unicode.h"
#include "decode/decode.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"
#include "layout_dump.h"
#include "records.h"
#include "reflow/reflow.h"
#include "xml/xml.h"
#include "test_fonts.h"

using namespace paiban;

namespace {

using test::fonts;

// The header lines of page 1, left to right.
std::vector<std::string> header_lines(const Document& doc, const Style& style) {
  prepare_fonts(style, fonts());
  TypesetOptions opts;
  opts.debug = true;
  TypesetReport report;
  layout_document(doc, style, fonts(), opts, &report);
  std::vector<std::string> out;
  for (const auto& d : testutil::parse_dump(report.debug_dump))
    if (d.kind == "header" && d.page == 1) out.push_back(d.text);
  return out;
}

Document short_article(const std::string& date) {
  Document doc;
  doc.date = date;
  Block p;
  p.kind = Kind::paragraph;
  p.text = "政协事业要发展，党的领导是根本。";
  doc.blocks.push_back(p);
  return doc;
}

}  // namespace

TEST(LayoutRunning, Dates) {
  auto d = parse_iso_date("2025-01-10");
  ASSERT_TRUE(d);
  EXPECT_EQ(chinese_date(*d), "2025年1月10日 星期五");
  EXPECT_EQ(iso_date(*d), "2025-01-10");
  EXPECT_EQ(chinese_date(*parse_iso_date("2000-01-01")), "2000年1月1日 星期六");
  EXPECT_EQ(chinese_date(*parse_iso_date("2023-12-31")), "2023年12月31日 星期日");
  for (const char* bad : {"2025-02-29", "2025-13-01", "2025-1-10", "25-01-10", "2025-01-10Z", ""})
    EXPECT_FALSE(parse_iso_date(bad)) << bad;
  EXPECT_EQ(iso_date(*parse_dateline(U"2025年1月10日 星期五")), "2025-01-10");
  EXPECT_EQ(iso_date(*parse_dateline(U"２０２４年１２月３日")), "2024-12-03");
  EXPECT_EQ(iso_date(*parse_dateline(U"  2024.5.6 周一")), "2024-05-06");
  for (std::u32string_view bad : {U"2024年", U"2024年5月", U"2024年2月30日", U"2024年5月6日电",
                                  U"新华社北京1月9日电", U"刚刚过去的2024年", U"2024-05-06 记者"})
    EXPECT_FALSE(parse_dateline(bad)) << to_utf8(bad);
}

TEST(LayoutRunning, TemplateRecords) {
  Style base = load_style(test::data("layout/small.xml"));
  int cases = 0;
  for (const test::Record& r : test::read_records("layout/running.tests")) {
    SCOPED_TRACE(r.where);
    auto f = test::split(r.input, ";");
    ASSERT_EQ(f.size(), 3u) << "want TEMPLATE;ARTICLE DATE;STYLE DATE";
    Style s = base;
    s.header.left = f[0];
    s.header.center = s.header.right = "";
    s.date = f[2];
    auto lines = header_lines(short_article(f[1]), s);
    if (r.expected == "(none)") {
      EXPECT_TRUE(lines.empty()) << lines.front();
    } else {
      ASSERT_EQ(lines.size(), 1u);
      EXPECT_EQ(lines[0], r.expected);
    }
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST(LayoutRunning, BundledStylesShowTheArticleDate) {
  Style broadsheet = load_style("broadsheet");
  EXPECT_EQ(header_lines(short_article("2025-01-10"), broadsheet),
            (std::vector<std::string>{"排版日报", "2025年1月10日 星期五", "第1版"}));
  EXPECT_EQ(header_lines(short_article(""), broadsheet), (std::vector<std::string>{"排版日报", "第1版"}));
  Style tabloid = load_style("tabloid");
  auto dated = header_lines(short_article("2025-01-10"), tabloid);
  ASSERT_FALSE(dated.empty());
  EXPECT_EQ(dated[0], "排版周刊　2025年1月10日 星期五");
  auto undated = header_lines(short_article(""), tabloid);
  ASSERT_FALSE(undated.empty());
  EXPECT_EQ(undated[0], "排版周刊");
}

TEST(LayoutRunning, DateTravelsFromSourceTextThroughXml) {
  // The sample has no dateline: its article is undated.
  auto lines = decode_bytes(test::read_file(test::sample_path()), "lvliang-cppcc-2024.txt").lines;
  Document plain = reflow(lines, "lvliang-cppcc-2024.txt").doc;
  EXPECT_EQ(plain.date, "");
  // A paper's dateline above the headline becomes the article's date, not a block.
  std::vector<std::string> dated = {"2025年1月10日 星期五", ""};
  dated.insert(dated.end(), lines.begin(), lines.end());
  Document doc = reflow(dated, "lvliang-cppcc-2024.txt").doc;
  EXPECT_EQ(doc.date, "2025-01-10");
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks.front().kind, Kind::headline);
  EXPECT_EQ(doc.blocks.front().text, "为建设美丽幸福吕梁广泛凝心聚力");
  EXPECT_EQ(doc.blocks.size(), plain.blocks.size());
  // The XML keeps it (<article date="…">) and reads it back; a bad date is refused.
  std::string xml = write_xml(doc);
  EXPECT_NE(xml.find("date=\"2025-01-10\""), std::string::npos);
  EXPECT_EQ(read_xml(xml, "dated.xml"), doc);
  std::string dir = test::temp_dir("dated-xml");
  test::write_file(dir + "/dated.xml", xml);
  auto v = test::validate_article_xml(dir + "/dated.xml");
  EXPECT_EQ(v.code, 0) << v.out;
  std::string bad = xml;
  bad.replace(bad.find("2025-01-10"), 10, "2025-02-30");
  EXPECT_THROW(read_xml(bad, "bad.xml"), Error);
}
