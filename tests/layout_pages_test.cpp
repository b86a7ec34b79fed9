// Typesetting a scanned page's articles (no page make-up yet): one after another, each starting
// a page with its own head, page numbers and {pages} counted over the whole document, an outline
// entry per article; furniture is not set. Input: tests/data/xml/page.xml.
#include <gtest/gtest.h>

#include "core/error.h"
#include "core/unicode.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"
#include "layout_dump.h"
#include "test_util.h"
#include "xml/xml.h"
#include "test_fonts.h"

using namespace paiban;

namespace {

using test::fonts;

using testutil::Laid;

Laid lay_out(const Document& doc, const std::string& style_name) {
  return testutil::lay(doc, load_style(style_name), fonts());
}

}  // namespace

TEST(LayoutPages, ArticlesFollowEachOtherEachWithItsHead) {
  Document page = read_xml(test::read_file(test::data("xml/page.xml")), "page.xml");
  Laid r = lay_out(page, "report");
  ASSERT_GE(r.doc.pages.size(), 2u);
  // Each headline is set as a head (across the text area) at the top of its own page.
  std::vector<int> head_pages;
  for (const auto& d : r.lines)
    if (d.kind == "headline") head_pages.push_back(d.page);
  ASSERT_EQ(head_pages.size(), 2u);
  EXPECT_EQ(head_pages[0], 1);
  EXPECT_GT(head_pages[1], head_pages[0]);
  for (const auto& d : r.lines) {
    if (d.kind == "headline") {
      EXPECT_EQ(d.column, 0) << d.text;
    }
    // Nothing of the second article is set before its headline's page.
    if (d.text.find("菜篮子") != std::string::npos || d.text.find("超市") != std::string::npos) {
      EXPECT_GE(d.page, head_pages[1]) << d.text;
    }
  }
  // Every character of both articles is set, in order; the furniture (running head, folio) is not.
  // (The report style's footer adds "N / M" to each page: compare the article lines only.)
  std::string want, set, all;
  for (const auto& a : page.pages[0].articles)
    for (const auto& b : a.blocks) want += plain_text(b);
  for (const auto& d : r.lines) {
    all += d.text;
    if (d.kind != "footer" && d.kind != "header") set += d.text;
  }
  EXPECT_EQ(to_utf8(test::non_space(set)), to_utf8(test::non_space(want)));
  EXPECT_EQ(all.find("吕梁日报"), std::string::npos);
}

TEST(LayoutPages, PageNumbersRunOnAndEachArticleHasAnOutlineEntry) {
  Document page = read_xml(test::read_file(test::data("xml/page.xml")), "page.xml");
  Laid r = lay_out(page, "report");  // footer: "{page} / {pages}"
  const int total = static_cast<int>(r.doc.pages.size());
  std::vector<std::string> footers;
  for (const auto& d : r.lines)
    if (d.kind == "footer") footers.push_back(d.text);
  ASSERT_EQ(footers.size(), r.doc.pages.size());
  for (int i = 0; i < total; ++i) EXPECT_EQ(footers[i], std::to_string(i + 1) + " / " + std::to_string(total));
  std::vector<std::pair<std::string, int>> marks;
  for (const auto& b : r.doc.bookmarks) marks.emplace_back(b.title, b.page);
  ASSERT_GE(marks.size(), 2u);
  EXPECT_EQ(marks.front(), (std::pair<std::string, int>{"为建设美丽幸福吕梁广泛凝心聚力", 0}));
  bool second = false;
  for (const auto& [title, p] : marks) second |= title == "冬日菜篮子供应充足" && p > 0;
  EXPECT_TRUE(second);
  EXPECT_EQ(r.doc.title, "为建设美丽幸福吕梁广泛凝心聚力");
}

// The page's date serves the running header of articles that name none (broadsheet: {date}).
TEST(LayoutPages, ArticlesTakeThePageDate) {
  Document page = read_xml(test::read_file(test::data("xml/page.xml")), "page.xml");
  Laid r = lay_out(page, "broadsheet");
  int dated = 0;
  for (const auto& d : r.lines)
    if (d.kind == "header" && d.text == "2025年1月10日 星期五") ++dated;
  EXPECT_EQ(dated, static_cast<int>(r.doc.pages.size()));
}

TEST(LayoutPages, APageWithoutArticlesIsAClearError) {
  Document page = read_xml("<page version=\"2\" source=\"blank.hocr\"><furniture role=\"folio\">3</furniture>"
                               "<article/></page>",
                               "blank.xml");
  Error e = test::catch_error([&] { lay_out(page, "report"); });
  EXPECT_EQ(e.code(), ExitCode::input);
  EXPECT_NE(std::string(e.what()).find("blank.hocr: no article to typeset"), std::string::npos) << e.what();
}
