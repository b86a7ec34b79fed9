// Vertical writing (vertical-rl, issue 13): which characters stand upright, lie sideways or go
// across (tests/data/vertical/orient.tests), the vertical forms and half forms of the marks, the
// laid-out lines (golden dump tests/data/vertical/short.dump, regenerate with
// PAIBAN_REGENERATE_GOLDEN=1), clreq along the column, the PDF's Identity-V fonts, and fonts
// without vertical metrics.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/clreq.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/unicode.h"
#include "font/fonts.h"
#include "layout/layout.h"
#include "layout/paragraph.h"
#include "layout_dump.h"
#include "pdf/pdf.h"
#include "records.h"
#include "style/style.h"
#include "test_util.h"
#include "xml/xml.h"
#include "test_fonts.h"

using namespace paiban;
using namespace paiban::layout;

namespace {

using test::fonts;

FontChain tc_song() { return FontChain{{fonts().load_face("Noto Serif CJK TC", "Regular")}}; }

Document load(const std::string& rel) { return read_xml(test::read_file(test::data(rel)), rel); }

// One letter per code point: U upright, S sideways, A across (H: horizontal, a bug here).
std::string orientations(const std::string& text, const std::vector<ShapedGlyph>& gs) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    uint32_t at = static_cast<uint32_t>(i);
    next_code_point(text, i);
    const ShapedGlyph* owner = nullptr;  // the glyph whose cluster holds this code point
    for (const ShapedGlyph& g : gs)
      if (g.cluster <= at && (!owner || g.cluster >= owner->cluster)) owner = &g;
    if (!owner) return out + "?";
    out += "HUSA"[static_cast<int>(owner->orient)];
  }
  return out;
}

}  // namespace

// clreq §handling_of_western_text_in_vertical_writing_mode as records: text → orientations.
TEST(Vertical, OrientationRecords) {
  FontChain chain = tc_song();
  int cases = 0;
  for (const test::Record& r : test::read_records("vertical/orient.tests")) {
    auto gs = shape_vertical(r.input, chain, &chain, fonts(), nullptr, "zh-Hant-TW");
    EXPECT_EQ(orientations(r.input, gs), r.expected) << r.where << ": " << r.input;
    ++cases;
  }
  EXPECT_GE(cases, 8);
}

TEST(Vertical, AcrossGroupIsOneEmCentred) {
  FontChain chain = tc_song();
  const std::string text = "第12次";
  auto gs = shape_vertical(text, chain, &chain, fonts(), nullptr, "zh-Hant");
  ASSERT_EQ(gs.size(), 4u);
  const ShapedGlyph& one = gs[1];
  const ShapedGlyph& two = gs[2];
  EXPECT_EQ(one.orient, Orient::across);
  EXPECT_EQ(one.cluster, two.cluster) << "one cluster: one atom, never broken";
  EXPECT_FLOAT_EQ(one.advance + two.advance, 1.0f);
  // Side by side across the column, centred on it: left edge and right edge mirror.
  EXPECT_LT(one.dy, 0.0f);
  EXPECT_NEAR(one.dy, -(two.dy + (two.dy - one.dy)), 0.02f);
  // The Han characters advance one em down the column.
  EXPECT_EQ(gs[0].orient, Orient::upright);
  EXPECT_FLOAT_EQ(gs[0].advance, 1.0f);
}

TEST(Vertical, MarksTakeVerticalFormsAndHalfForms) {
  FontChain chain = tc_song();
  const std::string text = "「中」，";
  auto h = shape(text, fonts(), chain, nullptr, "zh-Hant");
  auto v = shape(text, fonts(), chain, nullptr, "zh-Hant", Orient::upright);
  ASSERT_EQ(h.size(), 4u);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_NE(h[0].gid, v[0].gid) << "「 takes its vert form";
  EXPECT_NE(h[2].gid, v[2].gid) << "」 takes its vert form";
  EXPECT_EQ(h[1].gid, v[1].gid) << "中 has one form";
  // vhal: the bracket's blank half can go (line edges, adjacent marks), along the column.
  EXPECT_LT(v[0].half_advance, v[0].advance);
  EXPECT_LT(v[2].half_advance, v[2].advance);
  // The opening bracket's ink sits at the end of its box: its half form moves up half an em.
  EXPECT_NEAR(v[0].half_dx - v[0].dx, -0.5f, 0.01f);
}

TEST(Vertical, GoldenDumpOfAShortArticle) {
  Style style = load_style("vertical-book");
  ASSERT_TRUE(style.vertical());
  auto laid = testutil::lay(load("vertical/short.xml"), style, fonts());
  prepare_fonts(style, fonts());
  TypesetOptions opts;
  opts.debug = true;
  TypesetReport report;
  layout_document(load("vertical/short.xml"), style, fonts(), opts, &report);
  const std::string path = test::data("vertical/short.dump");
  if (std::getenv("PAIBAN_REGENERATE_GOLDEN")) test::write_file(path, report.debug_dump);
  EXPECT_EQ(report.debug_dump, test::read_file(path)) << path << " (regenerate with PAIBAN_REGENERATE_GOLDEN=1)";
  testutil::check_dump_rules(laid.lines, "short.xml");
}

// The Traditional sample in both vertical styles: clreq along the column, the text whole and in
// order, lines right to left, every glyph on the page.
TEST(Vertical, TraditionalSampleInBothStyles) {
  Document doc = load("vertical/lvliang-tw.xml");
  for (const char* name : {"vertical-broadsheet", "vertical-book"}) {
    SCOPED_TRACE(name);
    Style style = load_style(name);
    auto laid = testutil::lay(doc, style, fonts());
    ASSERT_FALSE(laid.lines.empty());
    testutil::check_dump_rules(laid.lines, name);
    EXPECT_EQ(testutil::without_spaces(testutil::flow_text(laid.lines)),
              testutil::without_spaces(testutil::blocks_text(doc.blocks)));
    // Within a column band, each next line of a page stands left of the one before.
    for (size_t i = 1; i < laid.lines.size(); ++i) {
      const auto& a = laid.lines[i - 1];
      const auto& b = laid.lines[i];
      if (a.page == b.page && a.column == b.column && a.column > 0) EXPECT_LT(b.x, a.x) << b.text;
      EXPECT_NEAR(b.w, laid.lines[i].w, 1e-3);
    }
    for (const LaidOutPage& p : laid.doc.pages)
      for (const GlyphRun& r : p.runs)
        for (const PlacedGlyph& g : r.glyphs) {
          EXPECT_TRUE(g.x >= 0 && g.x <= p.width && g.y >= 0 && g.y <= p.height) << g.text;
        }
  }
}

TEST(Vertical, PdfHasIdentityVWithW2) {
  Style style = load_style("vertical-book");
  auto laid = testutil::lay(load("vertical/short.xml"), style, fonts());
  PdfOptions po;
  po.creation_epoch = 0;
  std::string pdf = write_pdf(laid.doc, fonts(), po);
  EXPECT_NE(pdf.find("/Encoding /Identity-V"), std::string::npos);
  EXPECT_NE(pdf.find("/Encoding /Identity-H"), std::string::npos) << "rotated Latin and across numbers";
  EXPECT_NE(pdf.find("/W2 ["), std::string::npos);
  // Horizontal pages name no vertical font.
  auto flat = testutil::lay(load("vertical/short.xml"), load_style("tabloid"), fonts());
  std::string h = write_pdf(flat.doc, fonts(), po);
  EXPECT_EQ(h.find("Identity-V"), std::string::npos);
  EXPECT_EQ(h.find("/W2"), std::string::npos);
}

// A face without vhea/vmtx is still set upright (HarfBuzz's em-box fallback), with a warning
// naming it; never silently.
TEST(Vertical, FaceWithoutVerticalMetricsWarns) {
  std::string base = test::read_file(data_path("styles/vertical-book.xml"));
  ASSERT_FALSE(base.empty());
  std::string from = "<face family=\"Noto Serif CJK TC\" style=\"Regular\"/>\n    </role>\n    <role name=\"heading\">";
  size_t at = base.find(from);
  ASSERT_NE(at, std::string::npos);
  base.replace(at, from.size(),
               "<face family=\"DejaVu Serif\" style=\"Book\"/>\n      <face family=\"Noto Serif CJK TC\" "
               "style=\"Regular\"/>\n    </role>\n    <role name=\"heading\">");
  auto file = std::filesystem::temp_directory_path() / "paiban-vertical-dejavu.xml";
  std::ofstream(file) << base;
  Style style = load_style(file.string());
  prepare_fonts(style, fonts());
  TypesetReport report;
  layout_document(load("vertical/short.xml"), style, fonts(), TypesetOptions{}, &report);
  bool warned = std::any_of(report.warnings.begin(), report.warnings.end(), [](const std::string& w) {
    return w.find("DejaVu Serif") != std::string::npos && w.find("no vertical metrics") != std::string::npos;
  });
  EXPECT_TRUE(warned);
  std::filesystem::remove(file);
}
