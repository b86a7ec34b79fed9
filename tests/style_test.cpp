// Styles: the bundled ones load with the values they document; every bad value is an error that
// names file:line and the field. Error cases: tests/data/style/errors.tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "core/paths.h"
#include "font/fonts.h"
#include "layout/layout.h"
#include "style/style.h"
#include "records.h"
#include "test_util.h"

using namespace paiban;

namespace {

int line_at(const std::string& text, size_t pos) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(pos, text.size()), '\n'));
}

}  // namespace

TEST(LayoutStyle, BundledStylesLoad) {
  Style b = load_style("broadsheet");
  EXPECT_EQ(b.columns, 6);
  EXPECT_NEAR(b.page_width, 297 * 72 / 25.4, 0.01);
  EXPECT_NEAR(b.page_height, 420 * 72 / 25.4, 0.01);
  EXPECT_NEAR(b.bleed, 3 * 72 / 25.4, 0.01);
  EXPECT_FLOAT_EQ(b.body.size, 9);
  EXPECT_FLOAT_EQ(b.body.leading, 0.6f);
  EXPECT_FLOAT_EQ(b.body.indent, 2);
  EXPECT_EQ(b.body.align, Align::justify);
  EXPECT_EQ(b.headline.align, Align::center);
  EXPECT_TRUE(b.header.enabled);
  for (const char* role : {"body", "heading", "box", "latin"}) EXPECT_TRUE(b.fonts.count(role)) << role;
  EXPECT_EQ(b.fonts.at("body").front().family, "Noto Serif CJK SC");

  Style t = load_style("tabloid");
  EXPECT_EQ(t.columns, 4);
  EXPECT_NEAR(t.page_width, 210 * 72 / 25.4, 0.01);
  Style r = load_style("report");
  EXPECT_EQ(r.columns, 1);
  EXPECT_FALSE(r.header.enabled);
  EXPECT_TRUE(r.footer.enabled);
  // DESIGN §4: newspaper body 8–10.5 pt, line gap 50–100 %.
  for (const Style* s : {&b, &t, &r}) {
    EXPECT_GE(s->body.size, 8);
    EXPECT_LE(s->body.size, 10.5f);
    EXPECT_GE(s->body.leading, 0.5f);
    EXPECT_LE(s->body.leading, 1.0f);
  }
}

// Each role's faces as "family style" (FontRef has no ==).
static std::map<std::string, std::vector<std::string>> faces_of(const Style& s) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [role, chain] : s.fonts)
    for (const FontRef& f : chain) out[role].push_back(f.family + " " + f.style + " " + f.file);
  return out;
}

// NAME-tc is NAME with Traditional Chinese fonts and nothing else changed (issue 13: "the existing
// styles gain TC variants by a font change only").
TEST(LayoutStyle, TraditionalVariantsChangeTheFontsOnly) {
  for (const char* name : {"broadsheet", "tabloid", "report"}) {
    Style sc = load_style(name), tc = load_style(std::string(name) + "-tc");
    EXPECT_EQ(tc.name, std::string(name) + "-tc");
    EXPECT_EQ(tc.columns, sc.columns);
    EXPECT_FLOAT_EQ(tc.page_width, sc.page_width);
    EXPECT_FLOAT_EQ(tc.body.size, sc.body.size);
    ASSERT_EQ(tc.fonts.size(), sc.fonts.size());
    int swapped = 0;
    for (const auto& [role, chain] : sc.fonts)
      for (size_t i = 0; i < chain.size(); ++i) {
        const std::string& was = chain[i].family;
        const std::string& now = tc.fonts.at(role)[i].family;
        if (was.size() > 7 && was.compare(was.size() - 7, 7, " CJK SC") == 0) {
          EXPECT_EQ(now, was.substr(0, was.size() - 2) + "TC") << name << " " << role;
          ++swapped;
        } else {
          EXPECT_EQ(now, was) << name << " " << role;
        }
      }
    EXPECT_GT(swapped, 2) << name;
    EXPECT_EQ(tc.faces, Faces::pinned) << name;
    EXPECT_EQ(sc.faces, Faces::by_language) << name;
    EXPECT_TRUE(has_traditional_variant(sc)) << name;
    EXPECT_FALSE(has_traditional_variant(tc)) << name;
    // The variant a zh-Hant article gets under `by_language` is NAME-tc's faces.
    EXPECT_EQ(faces_of(traditional_variant(sc)), faces_of(tc)) << name;
  }
  EXPECT_THROW(load_style("no-such-tc"), Error);
}

// NAME-sc pins Simplified faces: a Traditional style's Noto CJK TC faces become SC; a Simplified
// style keeps its own faces but no longer follows the article's language.
TEST(LayoutStyle, SimplifiedVariantsPinSimplifiedFaces) {
  Style book = load_style("vertical-book"), book_sc = load_style("vertical-book-sc");
  EXPECT_FALSE(has_traditional_variant(book));
  EXPECT_EQ(book_sc.name, "vertical-book-sc");
  EXPECT_EQ(book_sc.faces, Faces::pinned);
  EXPECT_EQ(book_sc.fonts.at("body").front().family, "Noto Serif CJK SC");
  EXPECT_EQ(faces_of(traditional_variant(book_sc)), faces_of(book));
  Style report = load_style("report"), report_sc = load_style("report-sc");
  EXPECT_EQ(faces_of(report_sc), faces_of(report));
  EXPECT_EQ(report_sc.faces, Faces::pinned);
  EXPECT_THROW(load_style("no-such-sc"), Error);
}

TEST(LayoutStyle, ByPathAndUnknownName) {
  Style s = load_style(data_path("styles/tabloid.xml"));
  EXPECT_EQ(s.name, "tabloid");
  try {
    load_style("no-such-style");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::input);
    EXPECT_NE(std::string(e.what()).find("no-such-style.xml"), std::string::npos) << e.what();
    EXPECT_NE(e.hint().find("broadsheet"), std::string::npos) << "the hint lists the styles: " << e.hint();
  }
  EXPECT_THROW(load_style("../etc/passwd"), Error);
}

TEST(LayoutStyle, StyleFontFilesAreRelativeToTheStyle) {
  auto dir = std::filesystem::temp_directory_path() / "paiban-style-test";
  std::filesystem::create_directories(dir);
  std::string text = test::read_file(data_path("styles/report.xml"));
  std::string from = "<face family=\"LXGW WenKai\" style=\"Regular\"/>";
  text.replace(text.find(from), from.size(), "<face file=\"fonts/Mine.ttf\" index=\"1\"/>");
  std::ofstream(dir / "mine.xml") << text;
  Style s = load_style((dir / "mine.xml").string());
  ASSERT_FALSE(s.fonts.at("box").empty());
  EXPECT_EQ(s.fonts.at("box").front().file, (dir / "fonts/Mine.ttf").string());
  EXPECT_EQ(s.fonts.at("box").front().index, 1);
  std::filesystem::remove_all(dir);
}

// The error names the style's <face> by file:line and keeps the font's own error whole as its
// cause (it is not pasted into a new message, which would lose its location and hint).
TEST(LayoutStyle, AFaceThatWillNotLoadIsNamedWithItsCause) {
  auto dir = std::filesystem::temp_directory_path() / "paiban-style-cause-test";
  std::filesystem::create_directories(dir);
  std::string text = test::read_file(data_path("styles/report.xml"));
  std::string from = "<face family=\"Noto Serif CJK SC\" style=\"Regular\"/>";
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "<face file=\"gone.otf\"/>");
  std::ofstream(dir / "gone.xml") << text;
  Style s = load_style((dir / "gone.xml").string());
  FontLibrary fonts;
  try {
    prepare_fonts(s, fonts);
    FAIL() << "a missing first face must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, (dir / "gone.xml").string());
    EXPECT_EQ(e.where().line, line_at(text, at));
    EXPECT_NE(std::string(e.what()).find("font role 'body'"), std::string::npos) << e.what();
    ASSERT_NE(e.cause(), nullptr);
    EXPECT_NE(std::string(e.cause()->what()).find("gone.otf"), std::string::npos) << e.cause()->what();
    EXPECT_EQ(std::string(e.what()).find("gone.otf"), std::string::npos) << "the cause stays out of the message";
    EXPECT_FALSE(hint_with_causes(e).empty());
    EXPECT_NE(what_with_causes(e, " / ").find(" / "), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST(LayoutStyle, BadValuesNameFileLineAndField) {
  std::string base = test::read_file(data_path("styles/broadsheet.xml"));
  ASSERT_FALSE(base.empty());
  auto dir = std::filesystem::temp_directory_path() / "paiban-style-errors";
  std::filesystem::create_directories(dir);
  int cases = 0;
  // find;replace[;anchor] → the expected field and message (tests/records.h).
  for (const test::Record& r : test::read_records("style/errors.tests")) {
    auto f = test::split(r.input, ";");
    ASSERT_GE(f.size(), 2u) << r.where;
    size_t at = base.find(f[0]);
    ASSERT_NE(at, std::string::npos) << r.where << ": '" << f[0] << "' is not in broadsheet.xml";
    std::string text = base;
    text.replace(at, f[0].size(), f[1]);
    int line = f.size() > 2 ? line_at(text, text.rfind(f[2])) : line_at(text, at);
    std::string file = (dir / ("case" + std::to_string(++cases) + ".xml")).string();
    std::ofstream(file) << text;
    try {
      load_style(file);
      ADD_FAILURE() << r.where << ": no error for " << f[1];
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::input) << r.where;
      // "FILE:LINE:COLUMN: field: what"; the Where says file and line apart.
      EXPECT_EQ(e.where().file, file) << r.where;
      EXPECT_EQ(e.where().line, line) << r.where << "\n  got:  " << e.what();
      std::string got = e.what();
      EXPECT_EQ(got.rfind(file + ":" + std::to_string(line) + ":", 0), 0u) << r.where << "\n  got:  " << got;
      EXPECT_NE(got.find(": " + r.expected), std::string::npos)
          << r.where << "\n  got:  " << got << "\n  want: " << r.expected;
      EXPECT_FALSE(e.hint().empty()) << r.where;
    }
  }
  EXPECT_GT(cases, 10);
  std::filesystem::remove_all(dir);
}
