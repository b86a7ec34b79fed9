// xml, version 2: a scanned page (<page>, <pages>) holding articles and furniture, captions, and
// the provenance of OCR input (ids, bbox) — faithful round trip, schema validity both ways, and
// errors at file:line:column.
#include <gtest/gtest.h>

#include "core/error.h"
#include "test_util.h"
#include "xml/xml.h"

using namespace paiban;

namespace {

std::string error_of(const std::string& xml) {
  Error e = test::catch_error([&] { read_xml(xml, "p.xml"); });
  EXPECT_EQ(e.code(), ExitCode::input) << xml;
  return e.what();
}

// The XML is valid for xmllint exactly when paiban reads it.
void expect_schema_agrees(const std::string& xml, bool valid) {
  static int n = 0;
  std::string path = test::temp_dir("xml-page-" + std::to_string(n++)) + "/x.xml";
  test::write_file(path, xml);
  auto r = test::validate_article_xml(path);
  if (valid) EXPECT_EQ(r.code, 0) << xml << "\n" << r.out;
  else EXPECT_NE(r.out.find("fails to validate"), std::string::npos) << xml << "\n" << r.out;
}

Document two_articles() {
  Document d;
  d.source = "scan.hocr";
  Page p;
  p.number = 1;
  p.width = 1000;
  p.height = 1400;
  p.dpi = 200;
  Document a;
  a.bbox = {10, 20, 500, 900};
  Block h;
  h.kind = Kind::headline;
  h.text = "标题";
  h.ids = "line_1_1 line_1_2";
  h.bbox = {10, 20, 500, 80};
  Block c;
  c.kind = Kind::caption;
  c.text = "图注";
  c.ids = "line_1_9";
  c.bbox = {10, 800, 400, 830};
  a.blocks = {h, c};
  Document b = a;
  b.blocks[0].text = "第二篇";
  b.lang = "zh-Hant";
  p.articles = {a, b};
  Furniture f;
  f.role = Furniture::Role::folio;
  f.text = "5";
  f.bbox = {480, 1350, 520, 1380};
  p.furniture = {f};
  d.pages = {p};
  return d;
}

}  // namespace

TEST(XmlPage, HandWrittenPagesRoundTripIdentically) {
  for (const char* f : {"xml/page.xml", "xml/pages.xml"}) {
    SCOPED_TRACE(f);
    std::string xml = test::read_file(test::data(f));
    Document d = read_xml(xml, f);
    EXPECT_EQ(write_xml(d), xml);
    EXPECT_EQ(read_xml(write_xml(d), "again.xml"), d);
    expect_schema_agrees(xml, true);
  }
}

TEST(XmlPage, PageModelReadsAsExpected) {
  Document d = read_xml(test::read_file(test::data("xml/page.xml")), "page.xml");
  ASSERT_EQ(d.pages.size(), 1u);
  EXPECT_TRUE(d.blocks.empty());
  EXPECT_EQ(d.source, "page-3.hocr");
  EXPECT_EQ(d.date, "2025-01-10");
  const Page& p = d.pages[0];
  EXPECT_EQ(p.number, 3);
  EXPECT_EQ(p.width, 2480);
  EXPECT_EQ(p.height, 3508);
  EXPECT_EQ(p.dpi, 300);
  ASSERT_EQ(p.furniture.size(), 2u);
  EXPECT_EQ(p.furniture[0].role, Furniture::Role::running_head);
  EXPECT_EQ(p.furniture[1].role, Furniture::Role::folio);
  EXPECT_EQ(p.furniture[1].text, "3");
  EXPECT_EQ(p.furniture[1].bbox, (BBox{1200, 3380, 1280, 3420}));
  ASSERT_EQ(p.articles.size(), 2u);
  const Document& a = p.articles[0];
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.bbox, (BBox{180, 220, 1640, 2100}));
  EXPECT_EQ(a.blocks[0].kind, Kind::headline);
  EXPECT_EQ(a.blocks[0].ids, "line_1_3 line_1_4");
  EXPECT_EQ(a.blocks.back().kind, Kind::caption);
  EXPECT_EQ(a.blocks[3].children[0].lines, (std::vector<std::string>{"坚持党的全面领导", "把准方向重落实"}));
  EXPECT_EQ(p.articles[1].source, "page-3.hocr");
  EXPECT_EQ(p.articles[1].blocks[2].kind, Kind::box);

  Document many = read_xml(test::read_file(test::data("xml/pages.xml")), "pages.xml");
  ASSERT_EQ(many.pages.size(), 3u);
  EXPECT_EQ(many.pages[1].number, 2);
  EXPECT_EQ(many.pages[1].width, 0);
  EXPECT_EQ(many.pages[1].articles[0].lang, "zh-Hant");
  EXPECT_EQ(many.pages[1].articles[1].date, "2025-01-11");
  EXPECT_TRUE(many.pages[2].articles.empty());
}

TEST(XmlPage, OnePageIsPageSeveralArePages) {
  Document d = two_articles();
  std::string one = write_xml(d);
  EXPECT_NE(one.find("<page version=\"2\" lang=\"zh-Hans\" source=\"scan.hocr\" number=\"1\" width=\"1000\" "
                     "height=\"1400\" dpi=\"200\">"),
            std::string::npos)
      << one;
  EXPECT_NE(one.find("<caption ids=\"line_1_9\" bbox=\"10 800 400 830\">图注</caption>"), std::string::npos) << one;
  EXPECT_NE(one.find("<furniture role=\"folio\" bbox=\"480 1350 520 1380\">5</furniture>"), std::string::npos);
  EXPECT_EQ(read_xml(one, "one.xml"), d);
  expect_schema_agrees(one, true);

  d.pages.push_back(d.pages[0]);
  d.pages[1].number = 2;
  std::string two = write_xml(d);
  EXPECT_EQ(two.find("<page version"), std::string::npos);
  EXPECT_NE(two.find("<pages version=\"2\""), std::string::npos);
  EXPECT_EQ(read_xml(two, "two.xml"), d);
  expect_schema_agrees(two, true);
}

// An article stays <article>; version 2 only when it uses what version 1 lacks.
TEST(XmlPage, ArticleVersionFollowsWhatItUses) {
  Document d;
  Block p;
  p.text = "正文";
  d.blocks = {p};
  EXPECT_NE(write_xml(d).find("<article version=\"1\""), std::string::npos);
  d.blocks[0].bbox = {1, 2, 3, 4};
  std::string v2 = write_xml(d);
  EXPECT_NE(v2.find("<article version=\"2\""), std::string::npos);
  EXPECT_EQ(read_xml(v2, "v2.xml"), d);
  expect_schema_agrees(v2, true);
  d.blocks[0].bbox = {};
  d.blocks[0].kind = Kind::caption;
  EXPECT_NE(write_xml(d).find("<article version=\"2\""), std::string::npos);
}

// Each record: the XML, and the start of the expected message; and xmllint refuses it too, but
// for what a pattern cannot say (the order of a bbox's corners).
TEST(XmlPage, ErrorsNameLineAndColumnAndTheSchemaAgrees) {
  struct Case {
    std::string xml, want;
    bool schema_can_tell = true;
  } cases[] = {
      {"<page version=\"1\"/>", "p.xml:1:1: <page>: unsupported version '1'"},
      {"<page/>", "p.xml:1:1: <page>: has no version"},
      {"<pages><page/></pages>", "p.xml:1:1: <pages>: has no version"},
      {"<page version=\"2\" dpi=\"0\"/>", "p.xml:1:1: <page>: dpi=\"0\" is not a positive whole number"},
      {"<page version=\"2\" width=\"-5\"/>", "p.xml:1:1: <page>: width=\"-5\" is not a positive whole number"},
      {"<page version=\"2\">\n <article><p bbox=\"5 5 5 9\">x</p></article></page>",
       "p.xml:2:11: <p>: bbox=\"5 5 5 9\" is not a box", false},
      {"<page version=\"2\">\n <article><p bbox=\"1 2 3\">x</p></article></page>", "p.xml:2:11: <p>: bbox=\"1 2 3\" is not a box"},
      {"<page version=\"2\">\n <article><p bbox=\"01 2 3 4\">x</p></article></page>",
       "p.xml:2:11: <p>: bbox=\"01 2 3 4\" is not a box"},
      {"<page version=\"2\">\n <article><p ids=\"a  b\">x</p></article></page>",
       "p.xml:2:11: <p>: ids=\"a  b\" is not a list of line ids"},
      {"<page version=\"2\">\n <article><p ids=\" a\">x</p></article></page>", "p.xml:2:11: <p>: ids=\" a\" is not a list"},
      {"<page version=\"2\"><furniture>x</furniture></page>", "p.xml:1:19: <furniture>: has no role"},
      {"<page version=\"2\"><furniture role=\"advert\">x</furniture></page>",
       "p.xml:1:19: <furniture>: role=\"advert\" is not a kind of furniture"},
      {"<page version=\"2\"><p>x</p></page>", "p.xml:1:19: <p>: not allowed here in <page>"},
      {"<page version=\"2\">loose</page>", "p.xml:1:19: <page>: stray text between elements"},
      {"<page version=\"2\"><article><article/></article></page>", "p.xml:1:28: <article>: not allowed here in <article>"},
      {"<page version=\"2\"><page version=\"2\"/></page>", "p.xml:1:19: <page>: not allowed here in <page>"},
      {"<pages version=\"2\"/>", "p.xml:1:1: <pages>: has no <page>"},
      {"<pages version=\"2\"><article/></pages>", "p.xml:1:20: <article>: not allowed here in <pages>"},
      {"<pages version=\"2\"><page version=\"2\"/></pages>", "p.xml:1:20: <page>: unknown attribute version"},
      {"<pages version=\"2\" number=\"1\"><page/></pages>", "p.xml:1:1: <pages>: unknown attribute number"},
      {"<article version=\"3\"/>", "p.xml:1:1: <article>: unsupported version '3'"},
  };
  for (const auto& c : cases) {
    std::string e = error_of(c.xml);
    EXPECT_EQ(e.substr(0, c.want.size()), c.want) << c.xml << "\n → " << e;
    if (c.schema_can_tell) expect_schema_agrees(c.xml, false);
  }
}
