// Line breaking and justification of a paragraph (prepare → break → place) with textbook
// metrics. Cases: tests/data/layout/break.tests, one per line:
//   measure-in-em;options;text;expected lines joined by |
// options (comma-separated): indent=EM, align=justify|center|start. The expected field is
// rewritten with PAIBAN_REGENERATE_GOLDEN=1 (check the diff!). Every case is also checked
// against the rules that hold for every paragraph (prohibitions, ——/…… kept, full measure, no
// one-character last line).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/clreq.h"
#include "core/unicode.h"
#include "layout/paragraph.h"
#include "layout_fake_shape.h"
#include "test_util.h"

using namespace paiban;
using namespace paiban::layout;

namespace {

constexpr float kSize = 10;  // pt; measures in the data are in em

struct Case {
  int line_no = 0;
  std::string raw_prefix;  // measure;options;text
  float measure_em = 0;
  float indent_em = 0;
  Align align = Align::justify;
  std::string text, expected;
};

std::string path() { return std::string(PAIBAN_TEST_DATA) + "/layout/break.tests"; }

std::vector<Case> load(std::vector<std::string>* all_lines) {
  std::ifstream in(path());
  std::vector<Case> cases;
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (all_lines) all_lines->push_back(line);
    if (line.empty() || line[0] == '#') continue;
    // INPUT → EXPECTED (tests/records.h), INPUT being measure;options;text.
    size_t arrow = line.find(" → ");
    auto f = test::split(line.substr(0, arrow), ";");
    if (f.size() != 3 || arrow == std::string::npos)
      ADD_FAILURE() << path() << ":" << no << ": expected measure;options;text → lines";
    if (f.size() < 3) continue;
    Case c;
    c.line_no = no;
    c.raw_prefix = f[0] + ";" + f[1] + ";" + f[2];
    c.measure_em = std::stof(f[0]);
    for (auto& opt : test::split(f[1], ",")) {
      if (opt.rfind("indent=", 0) == 0) { c.indent_em = std::stof(opt.substr(7)); }
      else if (opt == "align=center") c.align = Align::center;
      else if (opt == "align=start") c.align = Align::start;
      else if (opt == "align=justify" || opt.empty()) c.align = Align::justify;
      else ADD_FAILURE() << path() << ":" << no << ": unknown option " << opt;
    }
    c.text = f[2];
    c.expected = arrow == std::string::npos ? "" : line.substr(arrow + std::string(" → ").size());
    cases.push_back(c);
  }
  return cases;
}

struct Result {
  Paragraph p;
  std::vector<Line> lines;
  std::vector<std::string> texts;
};

Result run(const Case& c, BreakFinder& finder) {
  Result r;
  r.p = prepare_paragraph(c.text, testutil::fake_shape(c.text), finder, kSize, c.indent_em, 0, 0);
  Setting s;
  s.measure = c.measure_em * kSize;
  s.align = c.align;
  r.lines = break_lines(r.p, s);
  for (auto& l : r.lines) r.texts.push_back(line_text(r.p, l));
  return r;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "|" : "") + v[i];
  return s;
}

// The rules every laid-out paragraph obeys, whatever the case.
void check_invariants(const Case& c, const Result& r) {
  SCOPED_TRACE(path() + ":" + std::to_string(c.line_no) + ": " + c.text);
  std::string all;
  for (auto& t : r.texts) all += t;
  std::string squeezed;  // the text without the spaces that may vanish at line edges
  for (char ch : c.text)
    if (ch != ' ') squeezed += ch;
  std::string all_squeezed;
  for (char ch : all)
    if (ch != ' ') all_squeezed += ch;
  EXPECT_EQ(all_squeezed, squeezed) << "lines must hold the text, in order";
  Setting s;
  s.measure = c.measure_em * kSize;
  s.align = c.align;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const Line& L = r.lines[i];
    auto cps = to_u32(r.texts[i]);
    ASSERT_FALSE(cps.empty());
    if (i > 0) {
      EXPECT_FALSE(clreq::not_at_line_start(cps.front())) << "line " << i << " starts with a prohibited mark";
      const auto prev = to_u32(r.texts[i - 1]);
      EXPECT_FALSE(clreq::inseparable(prev.back(), cps.front())) << "——/…… split before line " << i;
    }
    if (i + 1 < r.lines.size()) {
      EXPECT_FALSE(clreq::not_at_line_end(cps.back())) << "line " << i << " ends with an opening mark";
    }
    bool last = i + 1 == r.lines.size();
    auto glyphs = place_line(r.p, L, s, last);
    // The line's extent: up to the end of the last glyph's advance.
    const Atom& la = r.p.atoms[L.last];
    const ShapedGlyph& lg = r.p.glyphs[la.glyph_end - 1];
    float t = la.end_trim > 0 ? 1 : la.base_t;
    float last_adv = (lg.advance + (lg.half_advance - lg.advance) * t) * kSize;
    float last_dx = (lg.dx + (lg.half_dx - lg.dx) * t) * kSize;
    float extent = glyphs.back().u - last_dx + last_adv;
    if (c.align == Align::justify && !last && !L.overfull) {
      EXPECT_NEAR(extent, s.measure, 0.5f) << "justified line " << i << " must fill the measure";
    }
    if (!L.overfull) {
      EXPECT_LE(extent, s.measure + 0.5f) << "line " << i << " is overfull";
    }
  }
  if (r.lines.size() > 1) {
    const Line& L = r.lines.back();
    int count = 0;
    for (int k = L.first; k <= L.last; ++k) count += r.p.atoms[k].counts;
    EXPECT_GE(count, 2) << "a last line of one character (clreq §adjustments_of_orphans_and_widows)";
  }
}

}  // namespace

TEST(LayoutBreak, Cases) {
  std::vector<std::string> file_lines;
  auto cases = load(&file_lines);
  ASSERT_FALSE(cases.empty()) << "no cases in " << path();
  BreakFinder finder;
  bool regen = std::getenv("PAIBAN_REGENERATE_GOLDEN") != nullptr;
  for (auto& c : cases) {
    Result r = run(c, finder);
    check_invariants(c, r);
    std::string got = join(r.texts);
    if (regen) {
      file_lines[c.line_no - 1] = c.raw_prefix + " → " + got;
    } else {
      EXPECT_EQ(got, c.expected) << path() << ":" << c.line_no;
    }
  }
  if (regen) {
    std::ofstream out(path());
    for (auto& l : file_lines) out << l << "\n";
  }
}

TEST(LayoutBreak, AdjacentMarksTakeOneAndAHalfEm) {
  BreakFinder finder;
  std::string text = "他说：“好。”我们走";
  Paragraph p = prepare_paragraph(text, testutil::fake_shape(text), finder, kSize, 0, 0, 0);
  // ：“ → ： half; 。” → 。 half; the others full.
  std::vector<float> widths;
  for (auto& a : p.atoms) widths.push_back(a.width / kSize);
  std::vector<float> want = {1, 1, 0.5f, 1, 1, 0.5f, 1, 1, 1, 1};
  EXPECT_EQ(widths, want);
}

TEST(LayoutBreak, HanLatinSpacingIsQuarterEmAndVanishesAtLineEdges) {
  BreakFinder finder;
  std::string text = "重大事项7次";
  Paragraph p = prepare_paragraph(text, testutil::fake_shape(text), finder, kSize, 0, 0, 0);
  ASSERT_EQ(p.atoms.size(), 6u);
  EXPECT_FLOAT_EQ(p.gaps[3].width, 0.25f * kSize);  // 项|7
  EXPECT_FLOAT_EQ(p.gaps[4].width, 0.25f * kSize);  // 7|次
  EXPECT_FLOAT_EQ(p.gaps[2].width, 0);
  // Set on one ragged line: 5 Han + ½ em digit + 2 × ¼ em.
  Setting s;
  s.measure = 20 * kSize;
  auto lines = break_lines(p, s);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_FLOAT_EQ(lines[0].natural, 6.0f * kSize);
  // The extraction space in "重大事项 7次" is absorbed into the ¼ em, not added to it.
  std::string spaced = "重大事项 7次";
  Paragraph q = prepare_paragraph(spaced, testutil::fake_shape(spaced), finder, kSize, 0, 0, 0);
  EXPECT_FLOAT_EQ(break_lines(q, s)[0].natural, 6.0f * kSize);
}

TEST(LayoutBreak, LineEndMarkIsHalfAndLineStartBracketLosesHalf) {
  BreakFinder finder;
  // 4-em measure: "一二三，" fits as 3.5 em then justified; "（四五）" starts the next line.
  std::string text = "一二三，（四五）六七八九";
  Paragraph p = prepare_paragraph(text, testutil::fake_shape(text), finder, kSize, 0, 0, 0);
  Setting s;
  s.measure = 4 * kSize;
  auto lines = break_lines(p, s);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(line_text(p, lines[0]), "一二三，");
  EXPECT_FLOAT_EQ(lines[0].natural, 3.5f * kSize);
  // "（四五）六" is 4.5 em with the bracket trimmed at line start: squeezing ）'s blank half fits
  // it, which clreq prefers to spreading the short "（四五）" over the measure.
  EXPECT_EQ(line_text(p, lines[1]), "（四五）六");
  EXPECT_FLOAT_EQ(lines[1].natural, 4.5f * kSize);
  EXPECT_FLOAT_EQ(lines[1].ratio, -1);
  auto g = place_line(p, lines[1], s, false);
  EXPECT_FLOAT_EQ(g[0].u, -0.5f * kSize) << "the bracket's blank half is cut off before the line start";
}
