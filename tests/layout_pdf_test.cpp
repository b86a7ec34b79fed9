// The sample article typeset by `paiban typeset` in every bundled style, checked with the tools a
// printer or an archive would use: qpdf --check, pdffonts (embedded, subset, ToUnicode),
// pdftotext -raw (every block's text, in order), pdftotext -bbox-layout (no line starts or ends
// with a prohibited mark; justified lines fill the measure within 0.5 pt), and pdftoppm, mutool
// and Ghostscript rendering the pages alike.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/clreq.h"
#include "core/unicode.h"
#include "layout_dump.h"
#include "pipeline/convert.h"
#include "test_util.h"

using namespace paiban;
using testutil::DumpLine;

namespace {

const char* const kStyles[] = {"broadsheet", "tabloid", "report"};

struct Typeset {
  std::string pdf, dump_path;
  std::vector<DumpLine> lines;
  int pages = 0;
};

std::string dir() {
  static std::string d = test::temp_dir("layout-pdf");
  return d;
}

// The sample in one style, typeset once per test binary run.
const Typeset& typeset(const std::string& style) {
  static std::map<std::string, Typeset> cache;
  auto it = cache.find(style);
  if (it != cache.end()) return it->second;
  Typeset t;
  t.pdf = dir() + "/" + style + ".pdf";
  t.dump_path = dir() + "/" + style + ".dump";
  auto r = test::run(std::string(PAIBAN_BINARY) + " typeset " + test::sample_path() + " -o " + t.pdf + " --style " +
                     style + " --debug-dump " + t.dump_path);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("warning"), std::string::npos) << r.out;
  t.lines = testutil::parse_dump(test::read_file(t.dump_path));
  for (const DumpLine& d : t.lines) t.pages = std::max(t.pages, d.page);
  return cache[style] = t;
}

Document sample_document() {
  return load_document(test::read_file(test::sample_path()), "lvliang-cppcc-2024.txt", "", nullptr);
}

std::string strip(const std::string& s) { return testutil::without_spaces(s); }

// A word of pdftotext -bbox-layout output (top-down coordinates).
struct Word {
  int page = 0;
  float x0, y0, x1, y1;
  std::string text;
};

std::vector<Word> bbox_words(const std::string& pdf, std::vector<float>* page_heights) {
  std::string html = dir() + "/bbox.html";
  auto r = test::run("pdftotext -bbox-layout " + pdf + " " + html);
  EXPECT_EQ(r.code, 0) << r.out;
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_file(html.c_str()));
  std::vector<Word> out;
  int page = 0;
  for (auto p : doc.select_nodes("//page")) {
    ++page;
    page_heights->push_back(p.node().attribute("height").as_float());
    for (auto w : p.node().select_nodes(".//word")) {
      pugi::xml_node n = w.node();
      out.push_back({page, n.attribute("xMin").as_float(), n.attribute("yMin").as_float(),
                     n.attribute("xMax").as_float(), n.attribute("yMax").as_float(), n.child_value()});
    }
  }
  return out;
}

// Each dump line with the words pdftotext finds on it: same page, inside its measure (allowing
// the ½ em of a trimmed mark), nearest line by vertical centre.
struct Matched {
  const DumpLine* line;
  std::vector<const Word*> words;
};

std::vector<Matched> match(const std::vector<DumpLine>& lines, const std::vector<Word>& words,
                           const std::vector<float>& heights) {
  std::vector<Matched> out;
  for (const DumpLine& d : lines) out.push_back({&d, {}});
  for (const Word& w : words) {
    float cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    Matched* best = nullptr;
    float best_d = 1e9;
    for (Matched& m : out) {
      const DumpLine& d = *m.line;
      if (d.page != w.page) continue;
      if (cx < d.x - d.h || cx > d.x + d.w + d.h) continue;
      float centre = heights[d.page - 1] - d.y + d.h / 2;  // em box centre, top-down
      float dist = std::fabs(cy - centre);
      if (dist < best_d) {
        best_d = dist;
        best = &m;
      }
    }
    EXPECT_NE(best, nullptr) << "a word no line accounts for: " << w.text;
    if (best) best->words.push_back(&w);
  }
  for (Matched& m : out)
    std::sort(m.words.begin(), m.words.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  return out;
}

}  // namespace

TEST(TypesetPdf, QpdfFindsNoErrors) {
  REQUIRE_TOOLS("qpdf");
  for (const char* style : kStyles) {
    auto r = test::run("qpdf --check " + typeset(style).pdf);
    EXPECT_EQ(r.code, 0) << style << "\n" << r.out;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << style << "\n" << r.out;
  }
}

TEST(TypesetPdf, EveryFontEmbeddedSubsetWithToUnicode) {
  REQUIRE_TOOLS("pdffonts");
  for (const char* style : kStyles) {
    auto r = test::run("pdffonts " + typeset(style).pdf);
    ASSERT_EQ(r.code, 0) << r.out;
    std::istringstream in(r.out);
    std::string row;
    int fonts = 0;
    while (std::getline(in, row)) {
      if (row.rfind("name", 0) == 0 || row.rfind("----", 0) == 0 || row.empty()) continue;
      ++fonts;
      // name type... encoding emb sub uni object ID: the three flags precede the object number.
      std::istringstream f(row);
      std::vector<std::string> cols;
      for (std::string c; f >> c;) cols.push_back(c);
      ASSERT_GE(cols.size(), 6u) << row;
      size_t n = cols.size();
      EXPECT_EQ(cols[n - 5], "yes") << style << ": not embedded: " << row;
      EXPECT_EQ(cols[n - 4], "yes") << style << ": not subset: " << row;
      EXPECT_EQ(cols[n - 3], "yes") << style << ": no ToUnicode: " << row;
    }
    EXPECT_GE(fonts, 3) << style << ": body, heading and box faces";
  }
}

TEST(TypesetPdf, EveryBlockAppearsInReadingOrder) {
  REQUIRE_TOOLS("pdftotext");
  Document doc = sample_document();
  std::vector<std::string> blocks;
  std::function<void(const Block&)> collect = [&](const Block& b) {
    if (b.kind == Kind::section || b.kind == Kind::box) {
      for (const Block& c : b.children) collect(c);
    } else {
      blocks.push_back(strip(plain_text(b)));
    }
  };
  for (const Block& b : doc.blocks) collect(b);
  ASSERT_GT(blocks.size(), 30u);
  for (const char* style : kStyles) {
    std::string txt = dir() + "/" + style + ".txt";
    ASSERT_EQ(test::run("pdftotext -raw " + typeset(style).pdf + " " + txt).code, 0);
    // Pages are separated by form feeds. The running header and footer are page furniture, not
    // article text: each page's (drawn after its columns) is taken out before the search.
    std::string raw = test::read_file(txt), text;
    const Typeset& t = typeset(style);
    int page = 0;
    for (size_t a = 0; a <= raw.size();) {
      size_t b = raw.find('\f', a);
      if (b == std::string::npos) b = raw.size();
      std::string p = strip(raw.substr(a, b - a));
      ++page;
      for (const DumpLine& d : t.lines) {
        if (d.page != page || testutil::is_flow(d)) continue;
        size_t at = p.rfind(strip(d.text));
        EXPECT_NE(at, std::string::npos) << style << ": running header/footer not found: " << d.text;
        if (at != std::string::npos) p.erase(at, strip(d.text).size());
      }
      text += p;
      a = b + 1;
    }
    size_t pos = 0;
    for (const std::string& b : blocks) {
      size_t at = text.find(b, pos);
      EXPECT_NE(at, std::string::npos) << style << ": block missing or out of order: " << b;
      if (at != std::string::npos) pos = at + b.size();
    }
  }
}

TEST(TypesetPdf, DumpObeysTheLineRules) {
  for (const char* style : kStyles) {
    const Typeset& t = typeset(style);
    ASSERT_FALSE(t.lines.empty()) << style;
    testutil::check_dump_rules(t.lines, style);
  }
}

TEST(TypesetPdf, ExtractedLinesObeyProhibitionsAndFillTheMeasure) {
  REQUIRE_TOOLS("pdftotext");
  for (const char* style : kStyles) {
    SCOPED_TRACE(style);
    const Typeset& t = typeset(style);
    std::vector<float> heights;
    std::vector<Word> words = bbox_words(t.pdf, &heights);
    ASSERT_EQ(static_cast<int>(heights.size()), t.pages);
    int justified = 0;
    // The slots of a running header or footer share one line.
    std::vector<DumpLine> lines;
    for (const DumpLine& d : t.lines) {
      if (!lines.empty() && !testutil::is_flow(d) && lines.back().kind == d.kind && lines.back().page == d.page &&
          lines.back().y == d.y)
        lines.back().text += d.text;
      else
        lines.push_back(d);
    }
    for (const Matched& m : match(lines, words, heights)) {
      const DumpLine& d = *m.line;
      std::string text;
      for (const Word* w : m.words) text += w->text;
      // The PDF's text of the line is the laid-out text.
      EXPECT_EQ(strip(text), strip(d.text)) << "page " << d.page << " column " << d.column;
      if (m.words.empty() || !testutil::is_flow(d)) continue;
      auto cps = to_u32(strip(text));
      if (d.line > 1) {
        EXPECT_FALSE(clreq::not_at_line_start(cps.front())) << "starts with a prohibited mark: " << text;
      }
      if (d.line < d.lines) {
        EXPECT_FALSE(clreq::not_at_line_end(cps.back())) << "ends with an opening mark: " << text;
      }
      if (!testutil::is_body(d) || d.line == d.lines) continue;
      // A justified line: from its first glyph's left to its last glyph's right is the measure.
      // PDF widths are the font's full widths, so a mark trimmed to ½ em at the line end (or an
      // opening bracket trimmed at the start, clreq) reaches ½ em past the edge in pdftotext's
      // boxes — when the font gives it a half form (LXGW WenKai's quotes are narrow already).
      float left = m.words.front()->x0, right = m.words.back()->x1;
      for (const Word* w : m.words) {
        left = std::min(left, w->x0);
        right = std::max(right, w->x1);
      }
      float start = d.x + (d.line == 1 ? 2 * d.h : 0), end = d.x + d.w;
      auto off = [&](float got, float want, bool may_trim, float sign) {
        float e = std::fabs(got - want);
        return may_trim ? std::min(e, std::fabs(got + sign * d.h / 2 - want)) : e;
      };
      EXPECT_LE(off(left, start, clreq::halves_at_line_start(cps.front()), +1), 0.5) << "line start: " << text;
      EXPECT_LE(off(right, end, clreq::halves_at_line_end(cps.back()), -1), 0.5)
          << "justified line must fill the measure: " << text;
      ++justified;
    }
    EXPECT_GT(justified, 50);
  }
}

TEST(TypesetPdf, ThreeRenderersAgreeOnEveryPage) {
  REQUIRE_TOOLS("pdftoppm", "mutool", "gs");
  for (const char* style : kStyles) {
    const Typeset& t = typeset(style);
    for (int page = 1; page <= t.pages; ++page) {
      SCOPED_TRACE(std::string(style) + " page " + std::to_string(page));
      test::Renders r = test::render_three(t.pdf, page, 50, dir() + "/" + style + "-" + std::to_string(page));
      ASSERT_GT(r.poppler.w, 100);
      ASSERT_GT(r.mupdf.w, 100);
      ASSERT_GT(r.gs.w, 100);
      for (const auto& [who, other] : {std::pair{"mutool", &r.mupdf}, std::pair{"ghostscript", &r.gs}}) {
        test::RenderDiff d = test::compare_renders(r.poppler, *other, 50);
        ASSERT_GT(d.occupied, 100) << "a blank page";
        EXPECT_LE(d.differ, 2) << who << ": " << d.differ << " of " << d.occupied << " inked cells differ from pdftoppm";
        EXPECT_NEAR(d.ink, 1.0, 0.2) << who << ": total ink differs from pdftoppm";
        if (std::getenv("PAIBAN_RENDER_STATS"))
          std::fprintf(stderr, "%s: %ld/%ld cells differ, ink ratio %.3f\n", who, d.differ, d.occupied, d.ink);
      }
    }
  }
}

TEST(TypesetPdf, SameInputSameBytes) {
  std::string a = dir() + "/again-a.pdf", b = dir() + "/again-b.pdf";
  std::string cmd = "SOURCE_DATE_EPOCH=1735689600 " + std::string(PAIBAN_BINARY) + " typeset " + test::sample_path();
  ASSERT_EQ(test::run(cmd + " -o " + a).code, 0);
  ASSERT_EQ(test::run(cmd + " -o " + b).code, 0);
  std::string x = test::read_file(a), y = test::read_file(b);
  EXPECT_GT(x.size(), 10000u);
  EXPECT_TRUE(x == y) << "two runs on the same input differ";
}
