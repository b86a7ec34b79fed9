// shape(): runs split by script and font coverage, each glyph tied to its source cluster, missing
// characters reported (never dropped), half-width punctuation metrics from `halt`.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/unicode.h"
#include "font/fonts.h"
#include "layout/shape.h"
#include "test_fonts.h"

using namespace paiban;

namespace {

const std::string kData = PAIBAN_TEST_DATA "/shape/";

using test::fonts;
FontChain chain(const std::string& role) { return fonts().load_chain(role); }

// "\uXXXX" escapes in the case file stand for characters that are hard to see (combining marks).
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\\u") == 0 && i + 6 <= s.size()) {
      append_utf8(out, static_cast<char32_t>(std::strtoul(s.substr(i + 2, 4).c_str(), nullptr, 16)));
      i += 5;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string dump(const std::string& role, const std::string& text) {
  std::vector<MissingGlyph> missing;
  auto glyphs = shape(text, fonts(), chain(role), &missing);
  std::string out;
  char line[200];
  for (const ShapedGlyph& g : glyphs) {
    std::snprintf(line, sizeof line, "  %s %u %.3f %.3f %.3f %.3f\n", fonts().face(g.face).family.c_str(),
                  g.cluster, g.advance, g.half_advance, g.dx, g.half_dx);
    out += line;
  }
  for (const MissingGlyph& m : missing) out += "  missing " + code_point_label(m.cp) + " at " + std::to_string(m.offset) + "\n";
  return out;
}

}  // namespace

TEST(Shape, GoldenCases) {
  std::ifstream in(kData + "cases.txt");
  ASSERT_TRUE(in) << kData << "cases.txt";
  std::string line, actual;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    actual += "> " + line + "\n" + dump(line.substr(0, tab), unescape(line.substr(tab + 1)));
  }
  std::string golden_path = kData + "cases.golden";
  if (std::getenv("PAIBAN_REGENERATE_GOLDEN")) {
    std::ofstream(golden_path) << actual;
    return;
  }
  std::ifstream g(golden_path);
  ASSERT_TRUE(g) << golden_path << " (regenerate with PAIBAN_REGENERATE_GOLDEN=1)";
  std::stringstream expected;
  expected << g.rdbuf();
  EXPECT_EQ(actual, expected.str());
}

TEST(Shape, HanIsOneEmAndLatinIsProportional) {
  auto g = shape("中a", fonts(), chain("song"), nullptr);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_FLOAT_EQ(g[0].advance, 1.0f);
  EXPECT_GT(g[1].advance, 0.3f);
  EXPECT_LT(g[1].advance, 0.7f);
  EXPECT_EQ(g[1].cluster, 3u);  // byte offset of "a"
}

TEST(Shape, PunctuationHalfWidthFromHalt) {
  // “ sits on the right half of its em box, so its half form moves left; ， keeps its ink.
  auto g = shape("“中，", fonts(), chain("song"), nullptr);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_FLOAT_EQ(g[0].half_advance, 0.5f);
  EXPECT_FLOAT_EQ(g[0].half_dx, -0.5f);
  EXPECT_FLOAT_EQ(g[1].half_advance, 1.0f);
  EXPECT_FLOAT_EQ(g[2].half_advance, 0.5f);
  EXPECT_FLOAT_EQ(g[2].half_dx, 0.0f);
}

TEST(Shape, FallsBackAlongTheChainByCoverage) {
  // Noto Serif CJK lacks Thai ฿ (U+0E3F); DejaVu Serif has it.
  FontChain song = chain("song");
  auto g = shape("价฿5", fonts(), song, nullptr);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].face, song.faces[0]);
  EXPECT_EQ(g[1].face, song.faces[1]);
  EXPECT_NE(g[1].gid, 0u);
  EXPECT_EQ(g[2].face, song.faces[0]);
}

TEST(Shape, MissingCharacterIsReportedAndKept) {
  std::vector<MissingGlyph> missing;
  FontChain song = chain("song");
  auto g = shape("中😀文", fonts(), song, &missing);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[1].gid, 0u);
  EXPECT_EQ(g[1].face, song.faces[0]);
  EXPECT_EQ(g[1].cluster, 3u);
  EXPECT_GT(g[1].advance, 0.0f);  // .notdef takes room: the gap is visible, not silent
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].cp, 0x1F600u);
  EXPECT_EQ(missing[0].offset, 3u);
}

TEST(Shape, IgnorablesAreNotMissing) {
  std::vector<MissingGlyph> missing;
  shape("中\u200B文\u2060", fonts(), chain("song"), &missing);
  EXPECT_TRUE(missing.empty());
}

TEST(Shape, CombiningMarkStaysWithItsBase) {
  // U+0E3F is only in DejaVu; the combining acute after it must not split the cluster's font.
  FontChain song = chain("song");
  auto g = shape("฿\u0301", fonts(), song, nullptr);
  ASSERT_FALSE(g.empty());
  for (const ShapedGlyph& x : g) EXPECT_EQ(x.face, song.faces[1]);
}

TEST(Shape, EveryCharacterIsCoveredByAClusterInOrder) {
  const std::string text = "吕梁市政协2024年履职工作综述：COVID-19、GDP增长5.2%，“好”……——完";
  auto g = shape(text, fonts(), chain("song"), nullptr);
  uint32_t prev = 0;
  std::vector<bool> starts(text.size(), false);
  for (const ShapedGlyph& x : g) {
    EXPECT_GE(x.cluster, prev);  // logical order
    prev = x.cluster;
    starts[x.cluster] = true;
  }
  // Every character starts a cluster except the second dash: Noto ligates —— into one 2-em glyph.
  size_t chars = 0, clusters = 0;
  for (size_t i = 0; i < text.size(); next_code_point(text, i)) ++chars;
  for (bool s : starts) clusters += s;
  EXPECT_EQ(clusters, chars - 1);
}

TEST(Shape, EmptyTextAndEmptyChain) {
  EXPECT_TRUE(shape("", fonts(), chain("song"), nullptr).empty());
  EXPECT_THROW(shape("中", fonts(), FontChain{}, nullptr), Error);
}
