// A head set across a vertical page (<headline orientation="horizontal">, issue 13): the headline
// and subtitle shaped horizontally across the top in whole bands, the byline and body set
// vertically in the bands below, golden dump tests/data/vertical/short-across.dump (regenerate
// with PAIBAN_REGENERATE_GOLDEN=1), both font modes in the PDF, and a head too big for the page.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/paths.h"
#include "layout/layout.h"
#include "layout_dump.h"
#include "pdf/pdf.h"
#include "style/style.h"
#include "test_fonts.h"
#include "test_util.h"
#include "xml/xml.h"

using namespace paiban;

namespace {

using test::fonts;

Document load(const std::string& rel) { return read_xml(test::read_file(test::data(rel)), rel); }

// The text of every run drawn in writing mode `w` on a page, in content order.
std::string text_in(const LaidOutPage& p, RunWriting w) {
  std::string out;
  for (const GlyphRun& r : p.runs)
    if (r.writing == w)
      for (const PlacedGlyph& g : r.glyphs) out += g.text;
  return out;
}

// A copy of a bundled style with one replacement, written to a temporary file.
std::string mutated_style(const std::string& name, const std::string& from, const std::string& to) {
  std::string text = test::read_file(data_path("styles/" + name + ".xml"));
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  auto file = std::filesystem::temp_directory_path() / ("paiban-" + name + "-mutated.xml");
  std::ofstream(file) << text;
  return file.string();
}

}  // namespace

TEST(VerticalHead, StyleReadsOrientation) {
  EXPECT_TRUE(load_style("vertical-broadsheet-across").head_across);
  EXPECT_FALSE(load_style("vertical-broadsheet").head_across);
  EXPECT_FALSE(load_style("vertical-book").head_across);
  // On a horizontal page "horizontal" is what it already is.
  std::string flat = mutated_style("broadsheet", "size=\"40pt\"", "size=\"40pt\" orientation=\"horizontal\"");
  EXPECT_FALSE(load_style(flat).head_across);
  std::filesystem::remove(flat);
}

TEST(VerticalHead, GoldenDumpOfAShortArticleAcross) {
  Style style = load_style("vertical-broadsheet-across");
  prepare_fonts(style, fonts());
  TypesetOptions opts;
  opts.debug = true;
  TypesetReport report;
  LaidOutDocument doc = layout_document(load("vertical/short.xml"), style, fonts(), opts, &report);
  const std::string path = test::data("vertical/short-across.dump");
  if (std::getenv("PAIBAN_REGENERATE_GOLDEN")) test::write_file(path, report.debug_dump);
  EXPECT_EQ(report.debug_dump, test::read_file(path)) << path << " (regenerate with PAIBAN_REGENERATE_GOLDEN=1)";

  auto lines = testutil::parse_dump(report.debug_dump);
  testutil::check_dump_rules(lines, "short.xml across");
  ASSERT_FALSE(doc.pages.empty());
  const LaidOutPage& page = doc.pages[0];
  // The headline is horizontal text; the byline and the body stand upright down the columns.
  EXPECT_NE(text_in(page, RunWriting::horizontal).find("直排試印：「縱中橫」與西文"), std::string::npos);
  EXPECT_EQ(text_in(page, RunWriting::vertical).find("直排試印"), std::string::npos);
  EXPECT_NE(text_in(page, RunWriting::vertical).find("記者"), std::string::npos);
  // Content order is reading order: the head's runs come before every vertical run.
  size_t first_vertical = page.runs.size(), last_head = 0;
  for (size_t i = 0; i < page.runs.size(); ++i) {
    if (page.runs[i].writing == RunWriting::vertical) first_vertical = std::min(first_vertical, i);
    if (page.runs[i].line == 0 && !page.runs[i].glyphs.empty() && page.runs[i].glyphs[0].text.rfind("直", 0) == 0)
      last_head = i;
  }
  EXPECT_LT(last_head, first_vertical);

  const testutil::DumpLine* head = nullptr;
  const testutil::DumpLine* byline = nullptr;
  for (const auto& d : lines) {
    if (d.kind == "headline") head = &d;
    if (d.kind == "byline") byline = &d;
  }
  ASSERT_TRUE(head && byline);
  // Across the text area (column 0), at its width; the byline opens the first band below it.
  EXPECT_EQ(head->column, 0);
  EXPECT_EQ(byline->column, 2) << "band 1 holds the head";
  EXPECT_LT(byline->y, head->y - head->h) << "the columns start below the head";
  float right = 0;
  for (const auto& d : lines)
    if (d.page == 1 && d.column >= 2) right = std::max(right, d.x);
  EXPECT_NEAR(byline->x, right, 1e-3) << "the byline is the page's first (rightmost) vertical line";
  for (const auto& d : lines) {
    if (!testutil::is_flow(d) || d.kind == "headline") continue;
    EXPECT_GE(d.column, 1) << d.text;
    if (d.page == 1) {
      EXPECT_GE(d.column, 2) << "no text in the head's band: " << d.text;
    }
  }
}

TEST(VerticalHead, PdfHasIdentityHHeadAndIdentityVBody) {
  Style style = load_style("vertical-broadsheet-across");
  prepare_fonts(style, fonts());
  TypesetReport report;
  LaidOutDocument doc = layout_document(load("vertical/short.xml"), style, fonts(), TypesetOptions{}, &report);
  PdfOptions po;
  po.creation_epoch = 0;
  std::string pdf = write_pdf(doc, fonts(), po);
  EXPECT_NE(pdf.find("/Encoding /Identity-V"), std::string::npos);
  EXPECT_NE(pdf.find("/Encoding /Identity-H"), std::string::npos);
}

// The Traditional sample: clreq along the columns, every character set, all on the page.
TEST(VerticalHead, TraditionalSampleAcross) {
  Document doc = load("vertical/lvliang-tw.xml");
  auto laid = testutil::lay(doc, load_style("vertical-broadsheet-across"), fonts());
  testutil::check_dump_rules(laid.lines, "lvliang-tw across");
  EXPECT_EQ(testutil::without_spaces(testutil::flow_text(laid.lines)),
            testutil::without_spaces(testutil::blocks_text(doc.blocks))) << "whole and in reading order";
  for (const LaidOutPage& p : laid.doc.pages)
    for (const GlyphRun& r : p.runs)
      for (const PlacedGlyph& g : r.glyphs) EXPECT_TRUE(g.x >= 0 && g.x <= p.width && g.y >= 0 && g.y <= p.height);
}

// A single-band page has no band to spare for an across head: a clear input error, no pages.
TEST(VerticalHead, HeadFillingEveryBandIsAnError) {
  std::string file = mutated_style("vertical-book", "<headline font=\"heading\"",
                                   "<headline orientation=\"horizontal\" font=\"heading\"");
  Style style = load_style(file);
  ASSERT_TRUE(style.head_across);
  prepare_fonts(style, fonts());
  TypesetReport report;
  try {
    layout_document(load("vertical/short.xml"), style, fonts(), TypesetOptions{}, &report);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::input);
    EXPECT_NE(std::string(e.what()).find("needs 1 of the page's 1 column bands"), std::string::npos) << e.what();
  }
  std::filesystem::remove(file);
}
