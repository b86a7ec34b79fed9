// xml: the article XML contract — faithful round trip, schema validity, and errors at file:line:column.
#include <gtest/gtest.h>

#include "core/error.h"
#include "test_util.h"
#include "xml/xml.h"

using namespace paiban;

namespace {

std::string error_of(const std::string& xml) {
  try {
    read_xml(xml, "a.xml");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::input);
    return e.what();
  }
  return "(no error)";
}

const char* kHead = "<?xml version=\"1.0\"?>\n<article>\n";

}  // namespace

TEST(Xml, RoundTripIsIdentical) {
  std::string xml = test::read_file(test::data("xml/full.xml"));
  Document d = read_xml(xml, "full.xml");
  EXPECT_EQ(write_xml(d), xml);
  EXPECT_EQ(read_xml(write_xml(d), "again.xml"), d);
}

TEST(Xml, ModelReadsAsExpected) {
  Document d = read_xml(test::read_file(test::data("xml/full.xml")), "full.xml");
  EXPECT_EQ(d.source, "lvliang-cppcc-2024.txt");
  ASSERT_EQ(d.blocks.size(), 7u);
  EXPECT_EQ(d.blocks[2].text, "本报记者 高茜");
  EXPECT_EQ(d.blocks[3].text, "导语：A & B <C> “引号” 99.4%");
  const Block& sec = d.blocks[4];
  ASSERT_EQ(sec.kind, Kind::section);
  EXPECT_EQ(sec.src, (LineRange{7, 20}));
  ASSERT_EQ(sec.children[0].kind, Kind::heading);
  EXPECT_EQ(sec.children[0].lines, (std::vector<std::string>{"坚持党的全面领导", "把准方向重落实"}));
  EXPECT_EQ(sec.children[2].kind, Kind::box);
  EXPECT_FALSE(d.blocks[5].children[0].src.known());
}

TEST(Xml, WrittenXmlValidatesWithXmllint) {
  std::string dir = test::temp_dir("xml");
  Document d = read_xml(test::read_file(test::data("xml/full.xml")), "full.xml");
  test::write_file(dir + "/out.xml", write_xml(d));
  auto r = test::validate_article_xml(dir + "/out.xml");
  EXPECT_EQ(r.code, 0) << r.out;
}

TEST(Xml, SchemaRejectsWhatTheReaderRejects) {
  std::string dir = test::temp_dir("xml-bad");
  test::write_file(dir + "/bad.xml", std::string(kHead) + "<p>x</p><headline>late</headline></article>\n");
  auto r = test::validate_article_xml(dir + "/bad.xml");
  EXPECT_NE(r.out.find("fails to validate"), std::string::npos) << r.out;
  EXPECT_NE(error_of(test::read_file(dir + "/bad.xml")), "(no error)");
}

// Each record: the XML body after <article>, and the start of the expected message.
TEST(Xml, ErrorsNameLineAndColumn) {
  struct Case { std::string body, want; } cases[] = {
      {"<p>unclosed</article>\n", "a.xml:3:"},
      {"<p>x</p>\n  <para>y</para></article>", "a.xml:4:3: <para>: not allowed here in <article>"},
      {"<p src=\"0\">x</p></article>", "a.xml:3:1: <p>: src=\"0\" is not a line range"},
      {"<p src=\"9-3\">x</p></article>", "a.xml:3:1: <p>: src=\"9-3\" ends before it starts"},
      {"<p colour=\"red\">x</p></article>", "a.xml:3:1: <p>: unknown attribute colour"},
      {"<box writing-mode=\"vertical-rl\"><p>x</p></box></article>",
       "a.xml:3:1: <box>: writing-mode=\"vertical-rl\": an element cannot choose its writing direction"},
      {"<section><heading/></section></article>", "a.xml:3:10: <heading>: has no <line>"},
      {"<box></box></article>", "a.xml:3:1: <box>: holds no <p>"},
      {"<p>x<b>bold</b></p></article>", "a.xml:3:5: <b>: not allowed inside <p>"},
      {"stray text</article>", "a.xml:3:1: <article>: stray text between elements"},
  };
  for (const auto& c : cases) {
    std::string e = error_of(std::string(kHead) + c.body);
    EXPECT_EQ(e.substr(0, c.want.size()), c.want) << c.body << "\n → " << e;
  }
}

TEST(Xml, WrongRootAndDtdAreRefused) {
  EXPECT_NE(error_of("<html/>").find("root element is <html>"), std::string::npos);
  std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n"
      "<article><p>&b;</p></article>";
  EXPECT_NE(error_of(bomb).find("a.xml:2:1: DTDs and entity declarations are not accepted"), std::string::npos)
      << error_of(bomb);
  EXPECT_NE(error_of("").find("empty file"), std::string::npos);
}
