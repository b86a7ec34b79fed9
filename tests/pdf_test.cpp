// write_pdf(): a hand-built LaidOutDocument (lines shaped with shape()) checked with the tools a
// printer or archive would use: qpdf, pdffonts, pdftotext, pdfinfo, and three renderers
// (poppler, MuPDF, Ghostscript) that must agree.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/error.h"
#include "core/unicode.h"
#include "layout/shape.h"
#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"
#include "test_util.h"
#include "test_fonts.h"

using namespace paiban;

namespace {

using test::fonts;

struct Line {
  std::string role, text;
  float size = 10, gray = 0;
};

std::vector<Line> read_lines() {
  std::ifstream in(PAIBAN_TEST_DATA "/pdf/lines.txt");
  std::vector<Line> lines;
  std::string s;
  while (std::getline(in, s)) {
    if (s.empty() || s[0] == '#') continue;
    std::istringstream f(s);
    Line l;
    std::string size, gray;
    std::getline(f, l.role, '\t');
    std::getline(f, size, '\t');
    std::getline(f, gray, '\t');
    std::getline(f, l.text);
    l.size = std::stof(size);
    l.gray = std::stof(gray);
    lines.push_back(l);
  }
  return lines;
}

// Places one shaped line at (x, y): one run per face change, the cluster's text on its first glyph.
void place_line(LaidOutPage& page, const Line& line, float x, float y, std::vector<MissingGlyph>* missing) {
  auto glyphs = shape(line.text, fonts(), fonts().load_chain(line.role), missing);
  GlyphRun* run = nullptr;
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const ShapedGlyph& g = glyphs[i];
    if (!run || run->face != g.face) {
      page.runs.push_back(GlyphRun{g.face, line.size, line.gray, {}});
      run = &page.runs.back();
    }
    PlacedGlyph p;
    p.gid = g.gid;
    p.x = x + g.dx * line.size;
    p.y = y + g.dy * line.size;
    if (i == 0 || glyphs[i - 1].cluster != g.cluster) {
      size_t end = line.text.size();
      for (size_t k = i + 1; k < glyphs.size(); ++k)
        if (glyphs[k].cluster != g.cluster) {
          end = glyphs[k].cluster;
          break;
        }
      p.text = line.text.substr(g.cluster, end - g.cluster);
    }
    run->glyphs.push_back(p);
    x += g.advance * line.size;
  }
}

LaidOutDocument make_doc(float bleed = 0, std::vector<MissingGlyph>* missing = nullptr) {
  LaidOutDocument doc;
  doc.title = "为建设美丽幸福吕梁广泛凝心聚力";
  doc.author = "本报记者 高茜";
  doc.subject = "市政协2024年履职工作综述";
  LaidOutPage page;
  page.width = 595.276f + 2 * bleed;
  page.height = 841.89f + 2 * bleed;
  page.bleed = bleed;
  float y = 780;
  for (const Line& l : read_lines()) {
    place_line(page, l, 60 + bleed, y, missing);
    y -= l.size * 2;
  }
  page.rules.push_back(RuleLine{60, y, 400, y, 0.5f, 0});
  doc.pages.push_back(page);
  LaidOutPage second = page;  // a second page so bookmarks and page trees are exercised
  doc.pages.push_back(second);
  doc.bookmarks.push_back(Bookmark{"坚持党的全面领导", 0, 790});
  doc.bookmarks.push_back(Bookmark{"第二页", 1, 790});
  return doc;
}

// Unique per process: several worktrees may run the tests at the same time.
std::string temp_path(const std::string& name) {
  return testing::TempDir() + "paiban_pdf_" + std::to_string(getpid()) + "_" + name;
}

std::string save(const std::string& name, const std::string& bytes) {
  std::string p = temp_path(name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

// A tool's stdout and exit code (its stderr dropped: only what it prints is checked).
test::Run run(const std::string& cmd) { return test::run(cmd, test::Stderr::dropped); }

std::string strip_space(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (!is_space(cp) && cp != '\f' && cp != '\n' && cp != '\r' && cp != '\t') out.append(s, start, i - start);
  }
  return out;
}

}  // namespace

TEST(Pdf, QpdfFindsNoErrors) {
  REQUIRE_TOOLS("qpdf");
  auto r = run("qpdf --check " + save("qpdf.pdf", write_pdf(make_doc(), fonts())));
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
}

TEST(Pdf, EveryFontIsEmbeddedSubsetWithToUnicode) {
  REQUIRE_TOOLS("pdffonts");
  auto r = run("pdffonts " + save("fonts.pdf", write_pdf(make_doc(), fonts())));
  ASSERT_EQ(r.code, 0);
  const std::string& out = r.out;
  std::istringstream lines(out);
  std::string line;
  int rows = 0, cff = 0, truetype = 0;
  while (std::getline(lines, line)) {
    if (line.find("Identity-H") == std::string::npos) continue;
    ++rows;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;  // emb sub uni
    EXPECT_EQ(line[6], '+') << line;  // ABCDEF+ subset tag
    cff += line.find("CID Type 0C") != std::string::npos;
    truetype += line.find("CID TrueType") != std::string::npos;
  }
  // Noto Sans CJK SC Bold + Noto Serif CJK SC (CFF); DejaVu Serif (฿) + LXGW WenKai (TrueType).
  EXPECT_EQ(rows, 4) << out;
  EXPECT_EQ(cff, 2) << out;
  EXPECT_EQ(truetype, 2) << out;
}

TEST(Pdf, TextComesBackInReadingOrder) {
  REQUIRE_TOOLS("pdftotext");
  std::vector<MissingGlyph> missing;
  LaidOutDocument doc = make_doc(0, &missing);
  auto r = run("pdftotext -raw -f 1 -l 1 " + save("text.pdf", write_pdf(doc, fonts())) + " -");
  ASSERT_EQ(r.code, 0);
  const std::string& out = r.out;
  std::string expected;
  for (const Line& l : read_lines()) expected += l.text;
  EXPECT_EQ(strip_space(out), strip_space(expected));
  // 😀 is in no face: reported by shape(), drawn as .notdef, and copied out through /ActualText.
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].cp, 0x1F600u);
  EXPECT_NE(out.find("😀"), std::string::npos);
}

TEST(Pdf, ByteIdenticalForIdenticalInput) {
  LaidOutDocument doc = make_doc(9);
  std::string a = write_pdf(doc, fonts()), b = write_pdf(doc, fonts());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.find("/ID"), std::string::npos);  // libharu writes no random file ID unencrypted
  std::string c, d;
  std::thread t1([&] { c = write_pdf(doc, fonts()); });
  std::thread t2([&] { d = write_pdf(doc, fonts()); });
  t1.join();
  t2.join();
  EXPECT_EQ(c, a);
  EXPECT_EQ(d, a);
}

TEST(Pdf, CreationDateFromOptionsOrSourceDateEpoch) {
  LaidOutDocument doc = make_doc();
  const char* old = std::getenv("SOURCE_DATE_EPOCH");
  std::string saved = old ? old : "";
  unsetenv("SOURCE_DATE_EPOCH");
  std::string none = write_pdf(doc, fonts());  // no false date (1970): none at all
  EXPECT_EQ(none.find("/CreationDate"), std::string::npos);
  EXPECT_EQ(none.find("/ModDate"), std::string::npos);
  EXPECT_EQ(write_pdf(doc, fonts()), none);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  std::string env = write_pdf(doc, fonts());
  EXPECT_NE(env.find("/CreationDate (D:20231114221320Z00'00')"), std::string::npos);
  PdfOptions opts;
  opts.creation_epoch = 86400;  // the caller's value wins over the environment
  EXPECT_NE(write_pdf(doc, fonts(), opts).find("(D:19700102000000Z00'00')"), std::string::npos);
  setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  try {
    write_pdf(doc, fonts());
    ADD_FAILURE() << "a bad SOURCE_DATE_EPOCH must be an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(std::string(e.what()).find("SOURCE_DATE_EPOCH=yesterday"), std::string::npos);
  }
  if (old) setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
  else unsetenv("SOURCE_DATE_EPOCH");
}

TEST(Pdf, InfoBoxesAndOutline) {
  REQUIRE_TOOLS("pdfinfo");
  std::string path = save("info.pdf", write_pdf(make_doc(9), fonts()));
  auto r = run("pdfinfo -box " + path);
  ASSERT_EQ(r.code, 0);
  std::string out = r.out;
  EXPECT_NE(out.find("Title:           为建设美丽幸福吕梁广泛凝心聚力"), std::string::npos) << out;
  EXPECT_NE(out.find("Author:          本报记者 高茜"), std::string::npos) << out;
  EXPECT_NE(out.find("Subject:         市政协2024年履职工作综述"), std::string::npos) << out;
  EXPECT_NE(out.find("Pages:           2"), std::string::npos) << out;
  EXPECT_NE(out.find("MediaBox:            0.00     0.00   613.28   859.89"), std::string::npos) << out;
  EXPECT_NE(out.find("TrimBox:             9.00     9.00   604.28   850.89"), std::string::npos) << out;
  EXPECT_NE(out.find("BleedBox:            0.00     0.00   613.28   859.89"), std::string::npos) << out;
  // Without bleed there is no TrimBox/BleedBox in the file at all.
  std::string plain = write_pdf(make_doc(0), fonts());
  EXPECT_EQ(plain.find("/TrimBox"), std::string::npos);
  EXPECT_EQ(plain.find("/BleedBox"), std::string::npos);
  if (test::have_tool("mutool")) {
    r = run("mutool show " + path + " outline");
    ASSERT_EQ(r.code, 0);
    out = r.out;
    EXPECT_NE(out.find("\"坚持党的全面领导\"\t#page=1"), std::string::npos) << out;
    EXPECT_NE(out.find("\"第二页\"\t#page=2"), std::string::npos) << out;
  }
}

TEST(Pdf, CompressedAndGrayOnly) {
  REQUIRE_TOOLS("qpdf");
  std::string bytes = write_pdf(make_doc(), fonts());
  EXPECT_NE(bytes.find("/FlateDecode"), std::string::npos);
  // Content streams are compressed: no plain "g\nBT" (a 2-byte "BT" can occur by chance in deflated data).
  EXPECT_EQ(bytes.find("g\nBT"), std::string::npos);
  std::string path = save("gray.pdf", bytes), qdf = temp_path("gray.qdf");
  ASSERT_EQ(run("qpdf --qdf --object-streams=disable " + path + " " + qdf).code, 0);
  std::string text = test::read_file(qdf);
  EXPECT_NE(text.find("0 g\nBT"), std::string::npos);
  EXPECT_NE(text.find("0.2 g\nBT"), std::string::npos);  // the Kai line's gray
  for (const char* op : {" rg\n", " RG\n", " k\n", " K\n", " sc\n", " scn\n", " cs\n"})
    EXPECT_EQ(text.find(op), std::string::npos) << op;
}

TEST(Pdf, ThreeRenderersAgree) {
  REQUIRE_TOOLS("pdftoppm", "mutool", "gs");
  std::string path = save("render.pdf", write_pdf(make_doc(), fonts()));
  test::Renders r = test::render_three(path, 1, 100, temp_path("render"));
  ASSERT_GT(r.poppler.w, 820);
  ASSERT_GT(r.poppler.h, 1160);
  for (const test::Gray* other : {&r.mupdf, &r.gs}) {
    test::RenderDiff d = test::compare_renders(r.poppler, *other, 100);
    ASSERT_GT(d.occupied, 20) << "there is text on the page";
    std::printf("renderer agreement: %ld of %ld inked cells differ, ink ratio %.3f\n", d.differ, d.occupied, d.ink);
    EXPECT_LE(d.differ, 2) << d.differ << " of " << d.occupied << " inked cells differ from pdftoppm";
    EXPECT_NEAR(d.ink, 1.0, 0.2) << "total ink differs from pdftoppm";
  }
}

TEST(Pdf, BadDocumentsAreErrorsNotCrashes) {
  LaidOutDocument empty;
  EXPECT_THROW(write_pdf(empty, fonts()), Error);
  LaidOutDocument doc = make_doc();
  doc.pages[0].runs[0].face = 999;
  EXPECT_THROW(write_pdf(doc, fonts()), Error);
  doc = make_doc();
  doc.pages[0].runs[0].glyphs[0].gid = 10000000;
  EXPECT_THROW(write_pdf(doc, fonts()), Error);
  doc = make_doc();
  doc.bookmarks.push_back(Bookmark{"nowhere", 7, 0});
  EXPECT_THROW(write_pdf(doc, fonts()), Error);
  doc = make_doc();
  doc.pages[1].width = std::nanf("");
  EXPECT_THROW(write_pdf(doc, fonts()), Error);
  doc = make_doc();
  doc.pages[0].bleed = 500;
  EXPECT_THROW(write_pdf(doc, fonts()), Error);

}

TEST(Pdf, ContentStreamPositionsGlyphsExactly) {
  // A face's codes and widths, as embed_font would produce them.
  pdf::GlyphCodes a = {{10, {100, 1000}}, {11, {101, 500}}, {0, {0, 1000}}};
  LaidOutPage page;
  GlyphRun run{0, 10, 0, {}};
  run.glyphs.push_back(PlacedGlyph{10, 50, 700, "中"});
  run.glyphs.push_back(PlacedGlyph{11, 60, 700, "a"});      // exactly after 中 (1 em at 10 pt)
  run.glyphs.push_back(PlacedGlyph{10, 67.5f, 700, "文"});  // 2.5 pt Han–Latin spacing after a
  run.glyphs.push_back(PlacedGlyph{10, 50, 685, "下"});     // next line: new Tm
  run.glyphs.push_back(PlacedGlyph{0, 60, 685, "😀"});      // .notdef: ActualText span
  run.glyphs.push_back(PlacedGlyph{11, std::nanf(""), 685, "b"});  // a bad coordinate
  page.runs.push_back(run);
  GlyphRun gray = run;
  gray.gray = 0.25f;
  gray.glyphs.resize(1);
  page.runs.push_back(gray);
  std::string out = pdf::page_text(page, {{0, &a}}, {{0, "F1"}});
  EXPECT_EQ(out,
            "0 g\nBT\n/F1 10 Tf\n"
            "1 0 0 1 50 700 Tm\n[<00640065>-250<0064>]TJ\n"
            "1 0 0 1 50 685 Tm\n[<0064>]TJ\n"
            "/Span<</ActualText<FEFFD83DDE00>>>BDC\n1 0 0 1 60 685 Tm\n[<0000>]TJ\nEMC\n"
            "1 0 0 1 0 685 Tm\n[<0065>]TJ\n"
            "ET\n"
            "0.25 g\nBT\n/F1 10 Tf\n1 0 0 1 50 700 Tm\n[<0064>]TJ\nET\n");
}

// A vertical line's upright, rotated and across runs copy out as one /ActualText span of the
// line's text (§14.9.4); a line ending in an across run selects its Identity-V font again before
// EMC (extractors place the span's text by the writing mode then in force). Horizontal text has none.
TEST(Pdf, VerticalLineIsOneActualTextSpan) {
  pdf::GlyphCodes a = {{10, {100, 1000, 1000}}, {11, {101, 500, 1000}}};
  LaidOutPage page;
  GlyphRun up{0, 10, 0, RunWriting::vertical};
  up.line = 1;
  up.glyphs.push_back(PlacedGlyph{10, 100, 700, "第"});
  GlyphRun across{0, 10, 0, RunWriting::horizontal};
  across.line = 1;
  across.glyphs.push_back(PlacedGlyph{11, 97.5f, 682, "7"});
  GlyphRun next = up;
  next.line = 2;
  next.glyphs[0].x = 85;
  next.glyphs[0].text = "次";
  GlyphRun head{0, 10, 0, RunWriting::horizontal};
  head.glyphs.push_back(PlacedGlyph{10, 50, 800, "報"});
  page.runs = {up, across, next, head};
  std::string out = pdf::page_text(page, {{0, &a}, {1, &a}}, {{0, "F1"}, {1, "F2"}});
  EXPECT_EQ(out,
            "/Span<</ActualText<FEFF7B2C0037>>>BDC\n"
            "0 g\nBT\n/F2 10 Tf\n1 0 0 1 100 700 Tm\n[<0064>]TJ\nET\n"
            "BT\n/F1 10 Tf\n1 0 0 1 97.5 682 Tm\n[<0065>]TJ\nET\n"
            "BT\n/F2 10 Tf\nET\nEMC\n"
            "/Span<</ActualText<FEFF6B21>>>BDC\n"
            "BT\n/F2 10 Tf\n1 0 0 1 85 700 Tm\n[<0064>]TJ\nET\nEMC\n"
            "BT\n/F1 10 Tf\n1 0 0 1 50 800 Tm\n[<0064>]TJ\nET\n");
}

TEST(Pdf, ToUnicodeMapsCodesToUtf16) {
  std::string cmap = pdf::tounicode_cmap({{0x64, "中"}, {0x1F0, "——"}, {0x200, "😀"}});
  EXPECT_NE(cmap.find("3 beginbfchar\n<0064> <4E2D>\n<01F0> <20142014>\n<0200> <D83DDE00>\nendbfchar"),
            std::string::npos)
      << cmap;
  EXPECT_NE(cmap.find("<0000> <FFFF>"), std::string::npos);
}

TEST(Pdf, StatsReportTheTimeSplit) {
  PdfStats st;
  std::string bytes = write_pdf(make_doc(), fonts(), {}, &st);
  EXPECT_EQ(st.bytes, bytes.size());
  EXPECT_EQ(st.fonts, 4u);
  EXPECT_GT(st.glyphs, 60u);
  EXPECT_GT(st.font_bytes, 1000u);
  EXPECT_GT(st.subset_ms, 0.0);
  EXPECT_GT(st.save_ms, 0.0);
}
