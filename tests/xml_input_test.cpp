// xml input (core/xml_input.h): the shared safe XML reader checks before it parses, applies the
// DOCTYPE policy without expanding or fetching anything, and locates nodes as file:line:column.
#include <gtest/gtest.h>

#include "core/xml_input.h"
#include "test_util.h"

using namespace paiban;

namespace {

const XmlPolicy kRefuse{"article XML", XmlPolicy::Doctype::refuse};
const XmlPolicy kSkip{"hOCR", XmlPolicy::Doctype::skip};

}  // namespace

TEST(XmlInput, LocatesElementsAndTextByLineAndColumn) {
  std::string x = "<?xml version=\"1.0\"?>\n<alto>\n  <TextLine ID=\"tl_3\">\n    前后<String/></TextLine>\n</alto>\n";
  XmlInput in(x, "p.xml", {}, kRefuse);
  pugi::xml_node tl = in.root().child("TextLine");
  Where w = in.where(tl);
  EXPECT_EQ(w.file, "p.xml");
  EXPECT_EQ(w.line, 3);
  EXPECT_EQ(w.column, 3);
  EXPECT_EQ(w.element, "<TextLine ID=\"tl_3\">");
  EXPECT_EQ(w.str(), "p.xml:3:3: <TextLine ID=\"tl_3\">");
  Where s = in.where(tl.child("String"));
  EXPECT_EQ(s.line, 4);
  EXPECT_EQ(s.column, 7) << "columns count code points, not bytes";
  Where t = in.where(tl.first_child());  // the text "前后": its first visible character, its element
  EXPECT_EQ(t.line, 4);
  EXPECT_EQ(t.column, 5);
  EXPECT_EQ(t.element, "<TextLine ID=\"tl_3\">");
  EXPECT_EQ(in.line(in.root()), 2);
  EXPECT_EQ(in.note(tl, "box outside the page"), "p.xml:3: <TextLine ID=\"tl_3\">: box outside the page");
}

TEST(XmlInput, FailCarriesWhereAndHint) {
  XmlInput in("<a>\n<b id='x'/></a>", "f.xml", {}, kRefuse);
  Error e = test::catch_error([&] { in.fail(in.root().child("b"), "bad width", "write a number"); });
  EXPECT_EQ(std::string(e.what()), "f.xml:2:1: <b id=\"x\">: bad width");
  EXPECT_EQ(e.hint(), "write a number");
  EXPECT_EQ(e.code(), ExitCode::input);
  EXPECT_EQ(e.where().line, 2);
}

TEST(XmlInput, DoctypePolicy) {
  std::string xhtml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
      "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html><body>x</body></html>\n";
  XmlInput hocr(xhtml, "a.hocr", {}, kSkip);
  EXPECT_STREQ(hocr.root().name(), "html");
  Error e = test::catch_error([&] { XmlInput in(xhtml, "a.xml", {}, kRefuse); });
  EXPECT_NE(std::string(e.what()).find("a.xml:2:1: DTDs and entity declarations are not accepted"), std::string::npos);
  // An internal subset is refused even where a DOCTYPE is skipped: no entity is ever expanded.
  std::string bomb = "<!DOCTYPE html [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<html>&b;</html>";
  e = test::catch_error([&] { XmlInput in(bomb, "b.hocr", {}, kSkip); });
  EXPECT_NE(std::string(e.what()).find("b.hocr:1:1: a DOCTYPE with an internal subset"), std::string::npos) << e.what();
  // A reference to an undeclared entity is an error, never literal text or an expansion.
  e = test::catch_error([&] { XmlInput in("<html>&nbsp;</html>", "c.hocr", {}, kSkip); });
  EXPECT_NE(std::string(e.what()).find("c.hocr:1:7: unknown or malformed entity reference"), std::string::npos);
}

TEST(XmlInput, RefusesBeforeParsing) {
  Limits small;
  small.max_depth = 3;
  Error e = test::catch_error([&] { XmlInput in("<a><b><c><d/></c></b></a>", "d.xml", small, kRefuse); });
  EXPECT_NE(std::string(e.what()).find("d.xml:1:10: nested too deeply"), std::string::npos) << e.what();
  e = test::catch_error([&] { XmlInput in("<a>\n\xE5</a>", "u.xml", {}, kSkip); });
  EXPECT_NE(std::string(e.what()).find("u.xml:2:1: invalid UTF-8"), std::string::npos) << e.what();
  EXPECT_NE(e.hint().find("hOCR must be UTF-8"), std::string::npos) << e.hint();
  e = test::catch_error([&] { XmlInput in("<a><b></a>", "m.xml", {}, kRefuse); });
  EXPECT_NE(std::string(e.what()).find("m.xml:1:"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("malformed XML"), std::string::npos);
  e = test::catch_error([&] { XmlInput in("", "e.xml", {}, kRefuse); });
  EXPECT_EQ(std::string(e.what()), "e.xml: empty file");
  e = test::catch_error([&] { XmlInput in("<!-- nothing -->", "n.xml", {}, kRefuse); });
  EXPECT_NE(std::string(e.what()).find("n.xml:1:"), std::string::npos) << e.what();
}

TEST(XmlInput, ByteOrderMarkIsSkipped) {
  XmlInput in("\xEF\xBB\xBF<a>\n<b/></a>", "bom.xml", {}, kRefuse);
  EXPECT_STREQ(in.root().name(), "a");
  EXPECT_EQ(in.where(in.root().child("b")).line, 2);
  EXPECT_EQ(in.where(in.root().child("b")).column, 1);
}
