// scan: page images and PDFs through the scan module into the OCR page model — a small crop of
// the sample typeset by paiban and rendered at 200 dpi (OCR), and the same typeset PDF's text
// layer (no OCR). Small inputs only: OCR of a crop costs ~0.5 s.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "core/unicode.h"
#include "pipeline/convert.h"
#include "ocr/scan/engine/engine.h"
#include "ocr/scan/scan.h"
#include "test_util.h"

using namespace paiban;

namespace {

struct Sample {
  std::string pdf, crop;  // the sample typeset; a 430 × 420 crop of its first column at 200 dpi
};

// Made once per test process from the repo's sample: no binary test data.
const Sample& sample() {
  static const Sample s = [] {
    Sample out;
    std::string dir = test::temp_dir("scan");
    auto r = test::run(std::string("'") + PAIBAN_BINARY + "' typeset '" + test::sample_path() + "' -o " + dir + "/s.pdf");
    if (r.code != 0) return out;
    out.pdf = test::read_file(dir + "/s.pdf");
    r = test::run("pdftoppm -r 200 -gray -png -x 40 -y 560 -W 430 -H 420 -singlefile " + dir + "/s.pdf " + dir + "/crop");
    if (r.code == 0) out.crop = test::read_file(dir + "/crop.png");
    return out;
  }();
  return s;
}

std::vector<scan::PageResult> read_all(scan::Engine& e, const std::string& bytes, const std::string& name) {
  std::vector<scan::PageResult> out;
  e.read(bytes, name, [&](scan::PageResult&& r) { out.push_back(std::move(r)); });
  return out;
}

bool inside(const BBox& b, const ocr::Page& p) {
  return b.known() && b.x0 >= 0 && b.y0 >= 0 && b.x1 <= p.width && b.y1 <= p.height;
}

std::string page_text(const ocr::Page& p) {
  std::string s;
  for (const auto& r : p.regions)
    for (const auto& l : r.lines) s += l.text() + "\n";
  return s;
}

// The lines a text layer's words make, in order.
std::vector<std::string> layer_lines(const std::vector<scan::engine::LayerWord>& words) {
  std::vector<std::string> lines;
  for (const auto& r : scan::engine::layer_page(words).regions)
    for (const auto& l : r.lines) lines.push_back(l.text());
  return lines;
}

}  // namespace

TEST(Scan, SniffsByContent) {
  EXPECT_EQ(scan::sniff("\x89PNG\r\n\x1a\n...."), scan::Kind::png);
  EXPECT_EQ(scan::sniff("\xff\xd8\xff\xe0"), scan::Kind::jpeg);
  EXPECT_EQ(scan::sniff(std::string("II*\0", 4)), scan::Kind::tiff);
  EXPECT_EQ(scan::sniff(std::string("MM\0*", 4)), scan::Kind::tiff);
  EXPECT_EQ(scan::sniff("P5\n# gimp\n640 480\n255\n"), scan::Kind::pnm);
  EXPECT_EQ(scan::sniff("%PDF-1.7\n"), scan::Kind::pdf);
  EXPECT_EQ(scan::sniff("为建设美丽幸福吕梁"), scan::Kind::none);
  EXPECT_EQ(scan::sniff("<?xml version=\"1.0\"?><article/>"), scan::Kind::none);
}

// OCR in-process: lines, words, boxes, sizes and confidences from Tesseract's result iterator.
TEST(Scan, ImageCropGivesLinesWordsBoxesSizesAndConfidences) {
  REQUIRE_TOOLS("pdftoppm");
  ASSERT_FALSE(sample().crop.empty());
  auto engine = scan::create_engine({});
  auto pages = read_all(*engine, sample().crop, "crop.png");
  ASSERT_EQ(pages.size(), 1u);
  const auto& r = pages[0];
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.via, "ocr");
  const ocr::Page& p = r.page;
  EXPECT_EQ(p.width, 430);
  EXPECT_EQ(p.height, 420);
  EXPECT_EQ(p.number, 1);
  EXPECT_EQ(p.engine.rfind("tesseract ", 0), 0u) << p.engine;
  ASSERT_GE(p.line_count(), 7u) << page_text(p);
  // The heading's two lines and the body's lines, in reading order, each as printed.
  std::string text = page_text(p);
  std::u32string flat = test::non_space(text);
  for (const char* want : {"坚持党的全面领导", "把准方向重落实", "政协事业要发展", "正确政治方向"})
    EXPECT_NE(flat.find(test::non_space(want)), std::u32string::npos) << want << " in\n" << text;
  EXPECT_LT(flat.find(test::non_space("把准方向")), flat.find(test::non_space("政协事业")));
  int line_no = 0;
  double heading_size = 0, body_size = 0;
  for (const auto& reg : p.regions) {
    EXPECT_TRUE(inside(reg.box, p)) << reg.id;
    EXPECT_EQ(reg.id.rfind("block_1_", 0), 0u) << reg.id;
    for (const auto& l : reg.lines) {
      EXPECT_EQ(l.id, "line_1_" + std::to_string(++line_no));
      EXPECT_TRUE(inside(l.box, p)) << l.id;
      EXPECT_GT(l.size, 0) << l.id;
      EXPECT_GE(l.par, 0) << l.id;
      EXPECT_TRUE(l.baseline > l.box.y0 && l.baseline <= l.box.y1 + 2) << l.id << " baseline " << l.baseline;
      for (const auto& w : l.words) {
        EXPECT_TRUE(inside(w.box, p)) << l.id << " " << w.text;
        EXPECT_TRUE(w.box.y1 > l.box.y0 && w.box.y0 < l.box.y1) << l.id << " " << w.text;  // on its line
        EXPECT_TRUE(w.conf >= 0 && w.conf <= 100) << w.conf;
      }
      std::u32string lt = test::non_space(l.text());
      if (lt.find(test::non_space("把准方向")) != std::u32string::npos) heading_size = l.size;
      if (lt.find(test::non_space("过程各方面")) != std::u32string::npos) body_size = l.size;
    }
  }
  // The heading is set larger than the body (style: 1.3 em bold): the sizes say so.
  ASSERT_GT(heading_size, 0);
  ASSERT_GT(body_size, 0);
  EXPECT_GT(heading_size, body_size * 1.1) << heading_size << " vs " << body_size;
  EXPECT_GT(scan::mean_confidence(p), 70.0f);
}

// One engine reads page after page (the model stays loaded) and gives the same page each time.
TEST(Scan, EngineIsReusedAcrossPages) {
  REQUIRE_TOOLS("pdftoppm");
  ASSERT_FALSE(sample().crop.empty());
  auto engine = scan::create_engine({});
  auto a = read_all(*engine, sample().crop, "a.png");
  auto b = read_all(*engine, sample().crop, "a.png");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(page_text(a[0].page), page_text(b[0].page));
  EXPECT_EQ(a[0].page.line_count(), b[0].page.line_count());
}

// --keep-ocr: the page as Tesseract's own hOCR and ALTO, whole documents.
TEST(Scan, KeepsWhatTheEngineSaw) {
  REQUIRE_TOOLS("pdftoppm");
  ASSERT_FALSE(sample().crop.empty());
  for (auto keep : {scan::Keep::hocr, scan::Keep::alto}) {
    scan::Options o;
    o.keep = keep;
    auto engine = scan::create_engine(o);
    auto pages = read_all(*engine, sample().crop, "crop.png");
    ASSERT_EQ(pages.size(), 1u);
    std::string doc = engine->kept_document({pages[0].kept}, "crop.png");
    if (keep == scan::Keep::hocr) {
      EXPECT_NE(doc.find("class='ocr_page' id='page_1'"), std::string::npos) << doc.substr(0, 600);
      EXPECT_NE(doc.find("id='line_1_1'"), std::string::npos);
    } else {
      EXPECT_NE(doc.find("<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\""), std::string::npos);
      EXPECT_NE(doc.find("<TextLine"), std::string::npos);
      EXPECT_NE(doc.find("<fileName>crop.png</fileName>"), std::string::npos);
    }
    EXPECT_NE(doc.find(keep == scan::Keep::hocr ? "class='ocrx_word'" : "<String "), std::string::npos);
    EXPECT_NE(doc.find("落实"), std::string::npos);
  }
}

// An e-paper PDF: its own text with positions and sizes, no OCR, no character lost or changed.
TEST(Scan, PdfTextLayerIsReadWithoutOcr) {
  REQUIRE_TOOLS("pdftoppm");
  ASSERT_FALSE(sample().pdf.empty());
  auto engine = scan::create_engine({});
  auto pages = read_all(*engine, sample().pdf, "s.pdf");
  ASSERT_EQ(pages.size(), 1u);
  const auto& r = pages[0];
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.via, "text layer");
  EXPECT_EQ(r.page.dpi, 300);
  EXPECT_EQ(r.page.engine.rfind("poppler ", 0), 0u);
  // Every character of the article's clean text is on the page, in the same multiset.
  std::string article = test::run(std::string("'") + PAIBAN_BINARY + "' text '" + test::sample_path() + "'", test::Stderr::dropped).out;
  std::u32string want = test::non_space(article), got = test::non_space(page_text(r.page));
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  std::u32string missing;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
  EXPECT_TRUE(missing.empty()) << missing.size() << " characters of the article not on the page";
  // Headline lines carry the headline's size, far above the body's; every line names its face,
  // without the subset tag ("ABCDEF+NotoSerifCJKsc-Regular").
  double biggest = 0, smallest = 1e9;
  for (const auto& reg : r.page.regions)
    for (const auto& l : reg.lines) {
      EXPECT_TRUE(inside(l.box, r.page)) << l.text();
      EXPECT_FALSE(l.face.empty()) << l.text();
      EXPECT_TRUE(l.face.size() < 7 || l.face[6] != '+') << l.face;
      biggest = std::max(biggest, l.size), smallest = std::min(smallest, l.size);
    }
  EXPECT_GT(biggest, smallest * 2);
}

// Some HTML engines' PDFs give their text row by row across the columns (poppler keeps their
// order): each column's lines still make one region, top to bottom, and a headline's centred
// second line stays with its first.
TEST(Scan, TextLayerDrawnRowByRowKeepsItsColumns) {
  using scan::engine::LayerWord;
  std::vector<LayerWord> words = {{"两篇文章的标题", {100, 100, 800, 180}, 80, false, "Sans-Bold"},
                                  {"第二行", {380, 190, 520, 270}, 80, false, "Sans-Bold"}};
  for (int row = 0; row < 4; ++row)
    for (int col = 0; col < 3; ++col)  // three columns of 40-unit type, 60-unit gutters
      words.push_back({"第" + std::to_string(col + 1) + "栏第" + std::to_string(row + 1) + "行，",
                       {100 + col * 460, 300 + row * 50, 500 + col * 460, 340 + row * 50}, 40, false, "Serif"});
  const ocr::Page page = scan::engine::layer_page(words);
  ASSERT_EQ(page.regions.size(), 4u);
  EXPECT_EQ(page.regions[0].lines.size(), 2u) << "a headline and its centred second line";
  EXPECT_EQ(page.regions[0].lines[0].face, "Sans-Bold");
  for (size_t c = 0; c < 3; ++c) {
    const auto& lines = page.regions[c + 1].lines;
    ASSERT_EQ(lines.size(), 4u) << "column " << c + 1;
    for (size_t r = 0; r < 4; ++r)
      EXPECT_EQ(lines[r].text(), "第" + std::to_string(c + 1) + "栏第" + std::to_string(r + 1) + "行，");
  }
}

// Chromium (Skia) embeds CJK fonts as Type 3; poppler reports their 9 pt text as 18 pt in glyph
// boxes 2.6 ems tall about the ink, taller than the line pitch. The characters' advance gives the
// type: each column's lines make one region, top to bottom, in type of the size printed.
TEST(Scan, TextLayerType3SizesAreTakenFromTheAdvance) {
  using scan::engine::LayerWord;
  auto word = [](const std::string& text, int chars, int x, int ink_top, int em) {
    const int mid = ink_top + em / 2, half = em * 13 / 10;  // reported: 2 em, boxes 2.6 em tall
    return LayerWord{text, {x, mid - half, x + chars * em, mid + half}, 2.0 * em, false, ""};
  };
  std::vector<LayerWord> words = {word("国内联播快讯", 6, 100, 500, 300)};
  for (int row = 0; row < 4; ++row)
    for (int col = 0; col < 2; ++col)  // two columns of 90-unit type at a 143-unit pitch
      words.push_back(word("第" + std::to_string(col + 1) + "栏第" + std::to_string(row + 1) + "行的文字，", 9,
                           100 + col * 1000, 1000 + row * 143, 90));
  const ocr::Page page = scan::engine::layer_page(words);
  ASSERT_EQ(page.regions.size(), 3u);
  EXPECT_NEAR(page.regions[0].lines[0].size, 300, 30);
  for (size_t c = 0; c < 2; ++c) {
    const auto& lines = page.regions[c + 1].lines;
    ASSERT_EQ(lines.size(), 4u) << "column " << c + 1;
    for (size_t r = 0; r < 4; ++r) {
      EXPECT_EQ(lines[r].text(), "第" + std::to_string(c + 1) + "栏第" + std::to_string(r + 1) + "行的文字，");
      EXPECT_NEAR(lines[r].size, 90, 9);
      EXPECT_LT(lines[r].box.height(), 143) << "a box no taller than the pitch";
    }
  }
}

// A vertical page's words are its columns, as tall as their characters' advance and one em wide:
// no measure of a font's size, which stays as reported.
TEST(Scan, TextLayerVerticalColumnsKeepTheirSize) {
  using scan::engine::LayerWord;
  std::vector<LayerWord> words;
  for (int col = 0; col < 6; ++col)  // short columns right to left (a list, a headline's), 44-unit type
    words.push_back({"政協事業", {2000 - col * 80, 200, 2044 - col * 80, 376}, 44, false, "Serif-V"});
  words.push_back({"市委", {1400, 200, 1444, 288}, 44, false, "Serif-V"});
  const ocr::Page page = scan::engine::layer_page(words);
  for (const auto& r : page.regions)
    for (const auto& l : r.lines) EXPECT_EQ(l.size, 44) << l.text();
}

// Vertical columns 0.6 em apart, the left one first in poppler's order (the right one, a
// paragraph's first, is set in by its indent): each its own line, not one line read across both
// (v001 of the vertical set). Words of a horizontal line, as tall as they are wide, still join.
TEST(Scan, TextLayerVerticalColumnsSideBySideAreTwoLines) {
  using scan::engine::LayerWord;
  const std::vector<LayerWord> words = {
      {"商民主就開展到哪裡", {1751, 1427, 1788, 2476}, 37.5, false, "Serif-V"},
      {"黨委政府中心工作部署", {1811, 1502, 1848, 2478}, 37.5, false, "Serif-V"},
      {"大会", {100, 3000, 180, 3040}, 40, true, "Serif"},
      {"开幕", {190, 3000, 270, 3040}, 40, false, "Serif"},
  };
  EXPECT_EQ(layer_lines(words), (std::vector<std::string>{"商民主就開展到哪裡", "黨委政府中心工作部署", "大会 开幕"}));
}

// Marks compressed to half an em each ("》）。", as Chromium sets them): each full-em glyph box
// starts half an em inside the one before, and the line goes on through them in order (fresh24
// p006; they were three lines, and the stop came before the bracket).
TEST(Scan, TextLayerCompressedMarksStayInTheirLine) {
  using scan::engine::LayerWord;
  const std::vector<LayerWord> words = {
      {"见》", {3062, 5982, 3263, 6242}, 100, false, "Serif"},
      {"）", {3212, 5982, 3312, 6242}, 100, false, "Serif"},
      {"。", {3262, 5982, 3362, 6242}, 100, true, "Serif"},
  };
  EXPECT_EQ(layer_lines(words), (std::vector<std::string>{"见》）。"}));
}

// Two articles' headlines side by side in two sizes (41.6 and 33.8 pt), 29 pt apart, under an
// em of the larger: two lines, not one; a run set larger inside a line, touching it, stays.
TEST(Scan, TextLayerHeadlinesOfTwoSizesAreTwoLines) {
  using scan::engine::LayerWord;
  const std::vector<LayerWord> words = {
      {"为推进强国建", {368, 507, 2864, 1110}, 416, false, "Sans-Bold"},
      {"我驻外机构举行", {3154, 529, 5520, 1018}, 338, false, "Sans-Bold"},
      {"大会", {100, 2000, 500, 2200}, 200, false, "Serif"},
      {"开幕", {510, 1960, 1110, 2240}, 300, false, "Serif"},  // touching: one line
  };
  EXPECT_EQ(layer_lines(words), (std::vector<std::string>{"为推进强国建", "我驻外机构举行", "大会开幕"}));
}

// A line's last mark hangs half an em into a gutter of one and a third ems: the next column's line
// on the row starts 0.8 em after the mark's box, yet is a line of its own.
TEST(Scan, TextLayerLineEndsAtAHangingMark) {
  using scan::engine::LayerWord;
  const std::vector<LayerWord> words = {
      {"俄军还控制了一个交通枢纽。", {100, 100, 620, 140}, 40, true, "Serif"},  // 。 hangs to 620
      {"国在乌克兰问题上的态度", {652, 100, 1092, 140}, 40, false, "Serif"},
  };
  const ocr::Page page = scan::engine::layer_page(words);
  size_t lines = 0;
  for (const auto& r : page.regions) lines += r.lines.size();
  EXPECT_EQ(lines, 2u) << "the gutter after a hanging mark ends the line";
}

// Four columns a third of an em apart more than an em (tabloid: 8.5 pt type, 4 mm gutters): no
// line of the text layer reaches across a gutter, though poppler reports no space at a line's end.
TEST(Scan, PdfTextLayerLinesStayInTheirColumn) {
  REQUIRE_TOOLS("pdftoppm");
  std::string dir = test::temp_dir("scan-tabloid");
  auto made = test::run(std::string("'") + PAIBAN_BINARY + "' typeset '" + test::sample_path() + "' --style tabloid -o " +
                        dir + "/t.pdf");
  ASSERT_EQ(made.code, 0) << made.out;
  auto engine = scan::create_engine({});
  auto pages = read_all(*engine, test::read_file(dir + "/t.pdf"), "t.pdf");
  ASSERT_FALSE(pages.empty());
  const ocr::Page& page = pages[0].page;
  ASSERT_EQ(pages[0].via, "text layer");
  int left = page.width, right = 0;
  double body = 1e9;
  for (const auto& reg : page.regions)
    for (const auto& l : reg.lines) left = std::min(left, l.box.x0), right = std::max(right, l.box.x1), body = std::min(body, l.size);
  ASSERT_GT(right, left);
  int body_lines = 0;
  for (const auto& reg : page.regions)
    for (const auto& l : reg.lines) {
      if (l.size > body * 1.2) continue;  // headlines span columns
      ++body_lines;
      EXPECT_LE(l.box.width(), (right - left) / 4 + body) << "a line across a gutter: " << l.text();
    }
  EXPECT_GT(body_lines, 40);
}

// An image-only PDF of one page: a white gray image of px_w × px_h pixels drawn over a page of
// pt_w × pt_h points (uncompressed, PDF 32000-1 §8.9.5), with a correct xref.
std::string image_pdf(int px_w, int px_h, int pt_w, int pt_h) {
  const std::string pixels(static_cast<size_t>(px_w) * static_cast<size_t>(px_h), '\xff');
  const std::string content = "q " + std::to_string(pt_w) + " 0 0 " + std::to_string(pt_h) + " 0 0 cm /Im0 Do Q";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(pt_w) + " " + std::to_string(pt_h) +
          "] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /XObject /Subtype /Image /Width " + std::to_string(px_w) + " /Height " + std::to_string(px_h) +
          " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + std::to_string(pixels.size()) +
          " >>\nstream\n" + pixels + "\nendstream",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A scanner's PDF is OCR'd at the scan's own resolution (its page-sized image's pixels per inch);
// a photograph on a page says nothing of it, and --dpi overrides both.
TEST(Scan, ImageOnlyPdfIsReadAtTheScansResolution) {
  auto engine = scan::create_engine({});
  auto at = [&](const std::string& pdf) {
    auto pages = read_all(*engine, pdf, "scan.pdf");
    EXPECT_EQ(pages.size(), 1u);
    if (pages.empty()) return -1;
    EXPECT_EQ(pages[0].via, "ocr");
    return pages[0].page.dpi;
  };
  EXPECT_EQ(at(image_pdf(400, 300, 144, 108)), 200);  // 400 px over 2 in
  EXPECT_EQ(at(image_pdf(1200, 900, 216, 162)), 400);
  EXPECT_EQ(at(image_pdf(300, 400, 144, 108)), 200) << "a scan turned on its page (/Rotate) still tells";
  EXPECT_EQ(at(image_pdf(400, 400, 144, 108)), 300) << "a square photograph on the page is no scan of it";
  scan::Options o;
  o.dpi = 150;
  auto forced = scan::create_engine(o);
  auto pages = read_all(*forced, image_pdf(400, 300, 144, 108), "scan.pdf");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].page.dpi, 150);
  EXPECT_EQ(pages[0].page.width, 300);
}

TEST(Scan, MissingLanguagePackNamesTheDebianPackage) {
  scan::Options o;
  o.lang = "chi_sim+zzz_nope";
  Error e = test::catch_error([&] { scan::create_engine(o); });
  EXPECT_NE(std::string(e.what()).find("no Tesseract language pack for 'zzz_nope'"), std::string::npos) << e.what();
  EXPECT_NE(e.hint().find("tesseract-ocr-zzz-nope"), std::string::npos) << e.hint();
  o.lang = "../etc/passwd";
  e = test::catch_error([&] { scan::create_engine(o); });
  EXPECT_NE(std::string(e.what()).find("not a Tesseract language name"), std::string::npos) << e.what();
}

// `tesseract page.png - -l chi_sim hocr` → `paiban reflow`, and `paiban reflow page.png`: the same
// page XML (the same engine settings), but for where each came from (`source`) and the hOCR
// file's own line numbers (`src`), which a scan has none of. The crop holds the running head's
// rule and column rules, which take block numbers and no line numbers in Tesseract's hOCR.
TEST(Scan, ImageGivesTheSameXmlAsTesseractsHocr) {
  REQUIRE_TOOLS("pdftoppm", "tesseract");
  ASSERT_FALSE(sample().pdf.empty());
  std::string dir = test::temp_dir("scan-same");
  test::write_file(dir + "/s.pdf", sample().pdf);
  ASSERT_EQ(test::run("pdftoppm -r 150 -gray -png -x 0 -y 0 -W 600 -H 700 -singlefile " + dir + "/s.pdf " + dir + "/top").code, 0);
  ASSERT_EQ(test::run("tesseract " + dir + "/top.png " + dir + "/t -l chi_sim hocr", test::Stderr::dropped).code, 0);
  const std::string hocr = test::read_file(dir + "/t.hocr");
  EXPECT_NE(hocr.find("ocr_separator"), std::string::npos) << "the crop should hold a rule";
  const std::string bin = std::string("'") + PAIBAN_BINARY + "' reflow ";
  ASSERT_EQ(test::run(bin + dir + "/t.hocr -o " + dir + "/from-hocr.xml").code, 0);
  ASSERT_EQ(test::run(bin + dir + "/top.png -o " + dir + "/from-png.xml").code, 0);
  auto plain = [](std::string xml) {
    for (const char* attr : {" src=\"", " source=\""})
      for (size_t at; (at = xml.find(attr)) != std::string::npos;) xml.erase(at, xml.find('"', at + std::strlen(attr)) + 1 - at);
    return xml;
  };
  const std::string a = plain(test::read_file(dir + "/from-hocr.xml")), b = plain(test::read_file(dir + "/from-png.xml"));
  EXPECT_NE(a.find("<page "), std::string::npos) << a.substr(0, 400);
  EXPECT_NE(a.find("ids=\"line_1_"), std::string::npos) << a.substr(0, 400);
  EXPECT_EQ(a, b);
}

namespace {

// A little-endian TIFF of `pages` 1 × 1 gray pages sharing one pixel (TIFF 6.0 §2, baseline tags).
std::string tiny_tiff(int pages) {
  std::string t("II*\0\x0a\0\0\0\x80\0", 10);  // header, first IFD at 10; the pixel at 8
  auto u16 = [&](unsigned v) { t += static_cast<char>(v & 0xff), t += static_cast<char>(v >> 8); };
  auto u32 = [&](unsigned v) { u16(v & 0xffff), u16(v >> 16); };
  auto entry = [&](unsigned tag, unsigned type, unsigned value) { u16(tag), u16(type), u32(1), u32(value); };
  for (int p = 0; p < pages; ++p) {
    const unsigned next = p + 1 < pages ? static_cast<unsigned>(t.size()) + 2 + 8 * 12 + 4 : 0;
    u16(8);
    entry(256, 3, 1), entry(257, 3, 1), entry(258, 3, 8), entry(259, 3, 1);  // 1 × 1, 8 bits, none
    entry(262, 3, 1), entry(273, 4, 8), entry(278, 3, 1), entry(279, 4, 1);  // black is zero; strip
    u32(next);
  }
  return t;
}

}  // namespace

// A TIFF of a thousand and one pages is refused whole, from its page count, before any page is read.
TEST(Scan, TiffPastMaxPagesIsRefusedBeforeReading) {
  const std::string tiff = tiny_tiff(1001);
  ASSERT_EQ(scan::sniff(tiff), scan::Kind::tiff);
  scan::Session session({});
  Error e = test::catch_error([&] { load_scan(tiff, "many.tif", session, nullptr, nullptr); });
  EXPECT_NE(std::string(e.what()).find("many.tif: 1001 pages, more than the limit of 1000"), std::string::npos) << e.what();
  EXPECT_NE(e.hint().find("--max-pages"), std::string::npos) << e.hint();
  // The same file with two pages is read page by page: each blank, so no text on any of them.
  e = test::catch_error([&] { load_scan(tiny_tiff(2), "two.tif", session, nullptr, nullptr); });
  EXPECT_NE(std::string(e.what()).find("two.tif: no text found on any of its 2 pages"), std::string::npos) << e.what();
}
