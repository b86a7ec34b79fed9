// Page layout with real fonts (no PDF): the sample article (hand-built XML, so these tests do
// not depend on reflow) in every bundled style and in a small two-column test style, checked
// against the rules every layout obeys; and golden debug dumps of small articles
// (tests/data/layout/golden/NAME.xml → NAME.dump, regenerate with PAIBAN_REGENERATE_GOLDEN=1).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "core/error.h"
#include "core/paths.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "layout_dump.h"
#include "test_util.h"
#include "xml/xml.h"
#include "test_fonts.h"

using namespace paiban;
using testutil::DumpLine;

namespace {

std::string data(const std::string& rel) { return test::data("layout/" + rel); }

using test::fonts;

struct Laid {
  LaidOutDocument doc;
  TypesetReport report;
  std::vector<DumpLine> lines;
};

Laid lay(const Document& doc, const Style& style) {
  prepare_fonts(style, fonts());
  Laid l;
  TypesetOptions opts;
  opts.debug = true;
  l.doc = layout_document(doc, style, fonts(), opts, &l.report);
  l.lines = testutil::parse_dump(l.report.debug_dump);
  return l;
}

Document load_xml(const std::string& path) { return read_xml(test::read_file(path), path); }

std::string all_text(const Document& doc) {
  std::string s;
  for (const Block& b : doc.blocks) s += plain_text(b);
  return testutil::without_spaces(s);
}

void check_layout(const Document& doc, const Style& style, const Laid& l) {
  std::string where = "style " + style.name;
  testutil::check_dump_rules(l.lines, where);
  // Reading order: the lines of the flow, in dump order, hold the article's text in order.
  std::string got;
  for (const DumpLine& d : l.lines)
    if (testutil::is_flow(d)) got += d.text;
  EXPECT_EQ(testutil::without_spaces(got), all_text(doc)) << where;
  // Glyphs: nothing dropped (a ligature such as the 2-em dash for —— may join two characters).
  for (const DumpLine& d : l.lines) {
    int chars = 0;
    for (char32_t c : to_u32(d.text)) chars += is_space(c) ? 0 : 1;
    EXPECT_GE(2 * d.glyphs, chars) << where << ": " << d.text;
  }
  ASSERT_FALSE(l.doc.pages.empty());
  // The last page's columns are balanced: their bottoms lie within a few lines of each other,
  // and no column is deeper than the first. A column that ends early because a box, kept whole,
  // starts the next one is left out.
  int last = static_cast<int>(l.doc.pages.size());
  std::map<int, float> bottom;
  std::map<int, std::string> first_kind, last_kind;
  for (const DumpLine& d : l.lines)
    if (d.page == last && d.column > 0 && testutil::is_flow(d)) {
      bottom[d.column] = bottom.count(d.column) ? std::min(bottom[d.column], d.y) : d.y;
      if (!first_kind.count(d.column)) first_kind[d.column] = d.kind;
      last_kind[d.column] = d.kind;
    }
  for (auto& [c, kind] : last_kind)
    if (kind != "box" && first_kind.count(c + 1) && first_kind[c + 1] == "box") bottom.erase(c);
  if (bottom.size() > 1) {
    float lo = 1e9, hi = -1e9;
    for (auto& [c, y] : bottom) {
      lo = std::min(lo, y);
      hi = std::max(hi, y);
    }
    float pitch = style.body.pitch();
    EXPECT_LE(hi - lo, 4 * pitch + 1) << where << ": last page columns not balanced";
    EXPECT_GE(bottom.begin()->second, lo - 0.01f) << where << ": a later column is deeper than the first";
  }
  // One bookmark per section heading, in order, on a real page.
  int sections = 0;
  for (const Block& b : doc.blocks)
    if (b.kind == Kind::section && !b.children.empty() && b.children.front().kind == Kind::heading) ++sections;
  EXPECT_EQ(static_cast<int>(l.doc.bookmarks.size()), sections) << where;
  for (const Bookmark& bm : l.doc.bookmarks) {
    EXPECT_GE(bm.page, 0);
    EXPECT_LT(bm.page, last);
  }
  EXPECT_TRUE(l.report.warnings.empty()) << where << ": " << l.report.warnings.front();
}

}  // namespace

TEST(LayoutPaginate, SampleInEveryStyleObeysTheRules) {
  Document doc = load_xml(data("lvliang-hand.xml"));
  for (std::string name : {"broadsheet", "tabloid", "report"}) {
    Style style = load_style(name);
    Laid l = lay(doc, style);
    check_layout(doc, style, l);
    EXPECT_EQ(l.doc.title, "为建设美丽幸福吕梁广泛凝心聚力");
    EXPECT_EQ(l.doc.author, "本报记者 高茜");
  }
}

// A paragraph longer than compose's window (32 KB) is set a window at a time: its text is laid
// out whole and in order, each line still obeys the rules (no prohibited start or end, justified),
// and the paragraph after it follows. Built from the sample's paragraphs run together.
TEST(LayoutPaginate, AParagraphLongerThanAWindowIsSetWhole) {
  Document sample = load_xml(data("lvliang-hand.xml"));
  std::string text;
  std::function<void(const std::vector<Block>&)> gather = [&](const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (b.kind == Kind::paragraph) text += b.text;
      gather(b.children);
    }
  };
  while (text.size() < 100 * 1024) gather(sample.blocks);
  Document doc;
  doc.blocks.push_back(Block{Kind::headline});
  doc.blocks.back().text = "一段到底";
  doc.blocks.push_back(Block{Kind::paragraph});
  doc.blocks.back().text = text;
  doc.blocks.push_back(Block{Kind::paragraph});
  doc.blocks.back().text = "其后一段，照常排出。";
  Style style = load_style("report");
  Laid l = lay(doc, style);
  EXPECT_GE(l.doc.pages.size(), 20u);
  check_layout(doc, style, l);
}

TEST(LayoutPaginate, SmallPagesObeyTheRules) {
  // Many short columns: every paragraph meets a column break somewhere.
  Document doc = load_xml(data("lvliang-hand.xml"));
  Style style = load_style(data("small.xml"));
  Laid l = lay(doc, style);
  EXPECT_GE(l.doc.pages.size(), 8u);
  check_layout(doc, style, l);
}

TEST(LayoutPaginate, Deterministic) {
  Document doc = load_xml(data("lvliang-hand.xml"));
  Style style = load_style("broadsheet");
  std::string here = lay(doc, style).report.debug_dump;
  EXPECT_EQ(lay(doc, style).report.debug_dump, here);
  // A second process (other addresses, other hash seeds, fonts loaded afresh) lays it out the same.
  std::string dump = test::temp_dir("deterministic") + "/dump.txt";
  auto r = test::run(std::string(PAIBAN_BINARY) + " typeset " + data("lvliang-hand.xml") +
                     " --style broadsheet --debug-dump " + dump + " -o " + dump + ".pdf");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(test::read_file(dump) == here) << "the paiban process laid the article out differently";
}

TEST(LayoutPaginate, MissingGlyphsAreReportedNotDropped) {
  Document doc;
  Block p;
  p.kind = Kind::paragraph;
  p.text = "古文字\xF0\xAA\x9B\x9A在此";  // U+2A6DA, CJK Extension B: not in Noto CJK SC
  p.src = {7, 7};
  doc.blocks.push_back(p);
  Style style = load_style(data("small.xml"));
  Laid l = lay(doc, style);
  ASSERT_EQ(l.report.warnings.size(), 1u);
  const std::string& w = l.report.warnings.front();
  EXPECT_NE(w.find("U+2A6DA"), std::string::npos) << w;
  EXPECT_NE(w.find("CJK Unified Ideographs Extension B"), std::string::npos) << w;
  EXPECT_NE(w.find("source line 7"), std::string::npos) << w;
  std::vector<DumpLine> flow;
  for (const DumpLine& d : l.lines)
    if (testutil::is_flow(d)) flow.push_back(d);
  ASSERT_EQ(flow.size(), 1u);
  EXPECT_EQ(flow[0].glyphs, 6) << "the missing character keeps its (empty) glyph";
}

TEST(LayoutPaginate, EmptyDocumentGivesOnePage) {
  Document doc;
  Style style = load_style("tabloid");
  Laid l = lay(doc, style);
  EXPECT_EQ(l.doc.pages.size(), 1u);
}

TEST(LayoutPaginate, GoldenDumps) {
  bool regen = std::getenv("PAIBAN_REGENERATE_GOLDEN") != nullptr;
  Style style = load_style(data("small.xml"));
  int cases = 0;
  std::vector<std::string> files;
  for (auto& e : std::filesystem::directory_iterator(data("golden")))
    if (e.path().extension() == ".xml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const std::string& xml : files) {
    ++cases;
    Document doc = load_xml(xml);
    Laid l = lay(doc, style);
    check_layout(doc, style, l);
    std::string golden = xml.substr(0, xml.size() - 4) + ".dump";
    if (regen) {
      std::ofstream(golden, std::ios::binary) << l.report.debug_dump;
    } else {
      EXPECT_EQ(l.report.debug_dump, test::read_file(golden)) << golden << " (regenerate with PAIBAN_REGENERATE_GOLDEN=1)";
    }
  }
  EXPECT_GE(cases, 2);
}

TEST(LayoutPaginate, AwkwardInputIsLaidOutWithoutCrashOrHang) {
  Style style = load_style(data("small.xml"));
  auto para = [](std::string t) {
    Block b;
    b.kind = Kind::paragraph;
    b.text = std::move(t);
    return b;
  };
  std::vector<Document> docs(6);
  // A word far longer than the measure, punctuation only, spaces only, emoji and combining marks.
  docs[0].blocks = {para(std::string(300, 'x')), para("，。、；：？！）》」』"), para("   "),
                    para("表情😀与e\xCC\x81组合字符、制表\t符"), para("（《「『“‘")};
  // A heading of many long lines, taller than a column.
  Block sec;
  sec.kind = Kind::section;
  Block h;
  h.kind = Kind::heading;
  for (int i = 0; i < 30; ++i) h.lines.push_back("一个很长很长很长很长很长很长的小标题第" + std::to_string(i) + "行");
  sec.children.push_back(h);
  sec.children.push_back(para("正文。"));
  docs[1].blocks = {sec};
  // A headline longer than the page can hold, then text.
  Block head;
  head.kind = Kind::headline;
  for (int i = 0; i < 80; ++i) head.text += "长标题";
  docs[2].blocks = {head, para("正文。")};
  // A box longer than a page; one-character paragraphs; a heading with no lines.
  Block box;
  box.kind = Kind::box;
  for (int i = 0; i < 40; ++i) box.children.push_back(para("这一年，市政协深化创新理论武装，传达学习贯彻重要讲话精神26次；"));
  docs[3].blocks = {box, para("甲"), para("乙。")};
  Block empty_heading;
  empty_heading.kind = Kind::heading;
  docs[4].blocks = {empty_heading, para("")};
  // 2,000 paragraphs.
  for (int i = 0; i < 2000; ++i) docs[5].blocks.push_back(para("政协事业要发展，党的领导是根本。"));
  for (size_t k = 0; k < docs.size(); ++k) {
    SCOPED_TRACE("document " + std::to_string(k));
    Laid l;
    try {
      l = lay(docs[k], style);
    } catch (const paiban::Error& e) {
      // Only a piece taller than a column may be refused, and then with a clear message,
      // never placed off the page (a heading of 30 lines, a headline of 240 characters).
      EXPECT_TRUE(k == 1 || k == 2) << e.what();
      EXPECT_NE(std::string(e.what()).find("does not fit on the page"), std::string::npos) << e.what();
      continue;
    }
    EXPECT_FALSE(l.doc.pages.empty());
    EXPECT_GT(write_pdf(l.doc, fonts()).size(), 1000u);
    for (const LaidOutPage& p : l.doc.pages)
      for (const GlyphRun& r : p.runs)
        for (const PlacedGlyph& g : r.glyphs) {
          EXPECT_TRUE(std::isfinite(g.x) && std::isfinite(g.y));
          EXPECT_TRUE(g.y >= 0 && g.y <= p.height) << "glyph off the page at y=" << g.y;
        }
  }
}

TEST(LayoutPaginate, ShortArticlesBalanceWithoutWidowsOrOrphans) {
  // Balancing a short last page shrinks the columns; it must not shrink them so far that a
  // column has to end on a widow or an orphan. Articles of 1–6 paragraphs of the sample.
  Document sample = load_xml(data("lvliang-hand.xml"));
  std::vector<Block> paras;
  for (const Block& b : sample.blocks)
    if (b.kind == Kind::section)
      for (const Block& c : b.children)
        if (c.kind == Kind::paragraph) paras.push_back(c);
  ASSERT_GT(paras.size(), 12u);
  for (std::string name : {"broadsheet", "tabloid"}) {
    Style style = load_style(name);
    for (size_t start = 0; start + 6 <= paras.size(); start += 2) {
      for (size_t len = 1; len <= 6; ++len) {
        Document doc;
        doc.blocks.push_back(sample.blocks.front());  // the headline
        for (size_t k = 0; k < len; ++k) doc.blocks.push_back(paras[start + k]);
        Laid l = lay(doc, style);
        testutil::check_dump_rules(l.lines, name + " paragraphs " + std::to_string(start) + "+" + std::to_string(len));
      }
    }
  }
}
