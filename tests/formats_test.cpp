// NITF and HTML out (xml/formats.h): golden text for the sample article and a <page> of two
// articles (tests/data/formats/, regenerate with PAIBAN_REGENERATE_GOLDEN=1), the NITF checked
// against the part of the NITF 3.6 DTD paiban writes, the HTML parsed as XML and checked as HTML5.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"
#include "xml/formats.h"
#include "xml/xml.h"

namespace paiban {
namespace {

Document load(const std::string& rel) { return read_xml(test::read_file(test::data(rel)), rel); }

void expect_golden(const std::string& got, const std::string& rel) {
  const std::string path = test::data("formats/" + rel);
  if (std::getenv("PAIBAN_REGENERATE_GOLDEN")) test::write_file(path, got);
  EXPECT_EQ(got, test::read_file(path)) << path << " (regenerate with PAIBAN_REGENERATE_GOLDEN=1 and read the diff)";
}

// Children as a string of names, "#" for text: "hl1 hl2 " or "# br # ".
std::string child_sequence(pugi::xml_node n) {
  std::string seq;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) seq += std::string(c.name()) + " ";
    else if (c.type() == pugi::node_pcdata) seq += "# ";
  }
  return seq;
}

// The content models of nitf-3-6.dtd for the elements paiban writes, narrowed to what it writes
// (docs/formats.md "NITF"), as regular expressions over child_sequence.
const std::map<std::string, std::string>& nitf_models() {
  static const std::map<std::string, std::string> m = {
      {"nitf", "head body "},
      {"head", "(title )?docdata "},
      {"docdata", "(doc-id )?(date.issue )?"},
      {"body", "(body.head )?body.content "},
      {"body.head", "(hedline )?(byline )*"},
      {"hedline", "hl1 (hl2 )*"},
      {"body.content", "((p|hl2|block) )*"},
      {"block", "((p|hl2) )*"},
      {"title", "# "}, {"hl1", "# "}, {"byline", "# "}, {"p", "# "},
      {"hl2", "# (br # )*"}, {"br", ""}, {"doc-id", ""}, {"date.issue", ""},
  };
  return m;
}

void check_nitf_node(pugi::xml_node n, std::vector<std::string>& problems) {
  auto it = nitf_models().find(n.name());
  if (it == nitf_models().end()) {
    problems.push_back(std::string("<") + n.name() + "> is not an element paiban writes");
    return;
  }
  const std::string seq = child_sequence(n);
  if (!std::regex_match(seq, std::regex(it->second)))
    problems.push_back(std::string("<") + n.name() + "> holds \"" + seq + "\", not " + it->second);
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_element) check_nitf_node(c, problems);
}

// Parses one NITF file and checks it: the root's fixed version, and every element's content.
void check_nitf(const std::string& nitf) {
  pugi::xml_document x;
  auto r = x.load_string(nitf.c_str());
  ASSERT_TRUE(r) << r.description();
  pugi::xml_node root = x.document_element();
  EXPECT_STREQ(root.name(), "nitf");
  EXPECT_STREQ(root.attribute("version").value(), "-//IPTC//DTD NITF 3.6//EN");
  EXPECT_FALSE(std::string(root.attribute("baselang").value()).empty());
  std::vector<std::string> problems;
  check_nitf_node(root, problems);
  for (const auto& p : problems) ADD_FAILURE() << p;
}

// HTML elements that have no end tag (HTML §13.1.2 void elements) among those paiban writes;
// every other element must not be written self-closed, or an HTML parser leaves it open.
const std::set<std::string> kVoid = {"meta", "br"};
const std::set<std::string> kHtmlElements = {"html", "head", "meta", "title", "style", "body", "main", "article",
                                             "header", "h1", "h2", "h3", "h4", "p", "time", "section", "aside",
                                             "figure", "figcaption", "br"};

void check_html_node(pugi::xml_node n, std::vector<std::string>& problems) {
  if (!kHtmlElements.count(n.name())) problems.push_back(std::string("<") + n.name() + "> is not expected");
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_element) check_html_node(c, problems);
}

// Parses the page as XML (it is written well-formed) and checks it as HTML5: the doctype, lang,
// a title, the articles.
void check_html(const std::string& html, size_t articles) {
  ASSERT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  pugi::xml_document x;
  auto r = x.load_string(html.c_str());
  ASSERT_TRUE(r) << r.description() << " at byte " << r.offset;
  pugi::xml_node root = x.document_element();
  EXPECT_STREQ(root.name(), "html");
  EXPECT_FALSE(std::string(root.attribute("lang").value()).empty());
  EXPECT_FALSE(std::string(root.child("head").child_value("title")).empty());
  EXPECT_STREQ(root.child("head").child("meta").attribute("charset").value(), "utf-8");
  EXPECT_EQ(x.select_nodes("//article").size(), articles);
  std::vector<std::string> problems;
  check_html_node(root, problems);
  const std::regex self_closed("<([a-z0-9]+)[^<>]*/>");
  for (std::sregex_iterator m(html.begin(), html.end(), self_closed), end; m != end; ++m)
    if (!kVoid.count((*m)[1].str())) problems.push_back("<" + (*m)[1].str() + "> is self-closed");
  for (const auto& p : problems) ADD_FAILURE() << p;
}

TEST(Formats, SampleNitfGolden) {
  Document d = load("golden/lvliang-cppcc-2024.xml");
  auto nitf = write_nitf(d);
  ASSERT_EQ(nitf.size(), 1u);
  check_nitf(nitf[0]);
  expect_golden(nitf[0], "lvliang-cppcc-2024.nitf.xml");
}

TEST(Formats, SampleHtmlGolden) {
  Document d = load("golden/lvliang-cppcc-2024.xml");
  std::string html = write_html(d);
  check_html(html, 1);
  expect_golden(html, "lvliang-cppcc-2024.html");
}

// A page of two articles: a NITF file each, one HTML page with two <article>s.
TEST(Formats, PageGolden) {
  Document d = load("xml/page.xml");
  auto nitf = write_nitf(d);
  ASSERT_EQ(nitf.size(), 2u);
  for (size_t k = 0; k < nitf.size(); ++k) {
    check_nitf(nitf[k]);
    expect_golden(nitf[k], "page-" + std::to_string(k + 1) + ".nitf.xml");
  }
  std::string html = write_html(d);
  check_html(html, 2);
  expect_golden(html, "page.html");
}

// Every kind of block, markup characters in the text: both formats stay well-formed and keep it.
TEST(Formats, EveryKindEscaped) {
  Document d = load("xml/full.xml");
  auto nitf = write_nitf(d);
  ASSERT_EQ(nitf.size(), 1u);
  check_nitf(nitf[0]);
  EXPECT_NE(nitf[0].find("A &amp; B &lt;C&gt; “引号” 99.4%"), std::string::npos);
  EXPECT_NE(nitf[0].find("<block>"), std::string::npos);
  std::string html = write_html(d);
  check_html(html, 1);
  EXPECT_NE(html.find("<p>导语：A &amp; B &lt;C&gt; “引号” 99.4%</p>"), std::string::npos);
  EXPECT_NE(html.find("<h2>坚持党的全面领导<br />把准方向重落实</h2>"), std::string::npos);
  EXPECT_NE(html.find("<aside>"), std::string::npos);
}

// An article with no headline: NITF has no <title> or <hedline>; HTML's title falls back to the source.
TEST(Formats, NoHeadline) {
  Document d;
  d.source = "a<b>.txt";
  Block p;
  p.text = "只有一段。";
  d.blocks.push_back(p);
  auto nitf = write_nitf(d);
  ASSERT_EQ(nitf.size(), 1u);
  check_nitf(nitf[0]);
  EXPECT_EQ(nitf[0].find("<hedline>"), std::string::npos);
  std::string html = write_html(d);
  check_html(html, 1);
  EXPECT_NE(html.find("<title>a&lt;b&gt;.txt</title>"), std::string::npos);
}

// A page without articles: no NITF at all; the HTML page is still a valid page, without articles.
TEST(Formats, PageWithoutArticles) {
  Document d;
  d.pages.emplace_back();
  EXPECT_TRUE(write_nitf(d).empty());
  check_html(write_html(d), 0);
}

}  // namespace
}  // namespace paiban
