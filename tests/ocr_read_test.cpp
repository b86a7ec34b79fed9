// ocr read: the hOCR, ALTO and PAGE XML readers (ocr/read.h) transcribe each feature of their
// format into the OCR page model — boxes in page pixels, sizes, confidences, hints, ids, source
// lines — on hand-written records (tests/data/ocr/, one file per format's features) and on real
// Tesseract 5 output of a page paiban typeset (tests/data/ocr/README.md says how it was made).
#include <gtest/gtest.h>

#include "ocr/read.h"
#include "test_util.h"

// Inside the namespace: ocr::Page, not the Document's Page.
namespace paiban::ocr {

namespace {

std::vector<Page> read(const std::string& file) {
  std::string bytes = test::read_file(test::data("ocr/" + file));
  EXPECT_FALSE(bytes.empty()) << file;
  return read_ocr(bytes, file);
}

const Line& line(const Page& p, const std::string& id) {
  for (const auto& r : p.regions)
    for (const auto& l : r.lines)
      if (l.id == id) return l;
  static Line none;
  ADD_FAILURE() << "no line " << id;
  return none;
}

std::string ids(const Page& p) {
  std::string s;
  for (const auto& r : p.regions) {
    s += r.id + "(";
    for (const auto& l : r.lines) s += l.id + " ";
    s += ") ";
  }
  return s;
}

bool mentions(const Page& p, const std::string& what) {
  for (const auto& w : p.warnings)
    if (w.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(OcrSniff, ByContentOnly) {
  EXPECT_EQ(sniff(test::read_file(test::data("ocr/hocr-features.hocr"))), Format::hocr);
  EXPECT_EQ(sniff(test::read_file(test::data("ocr/alto-v2-mm10-abbyy.xml"))), Format::alto);
  EXPECT_EQ(sniff(test::read_file(test::data("ocr/page-2013.xml"))), Format::page_xml);
  EXPECT_EQ(sniff(test::read_file(test::data("ocr/article.xml"))), Format::none);
  EXPECT_EQ(sniff("\xEF\xBB\xBF  \n<!-- c --><?pi x?><alto:alto xmlns:alto='x'/>"), Format::alto);
  EXPECT_EQ(sniff("<html><body><p>ocr_page is only text here? no: class</p></body></html>"), Format::hocr)
      << "hOCR is recognised by the class name anywhere in an HTML root";
  EXPECT_EQ(sniff("<html><body>plain</body></html>"), Format::none);
  EXPECT_EQ(sniff("<!DOCTYPE x [<!ENTITY a 'b'>]><PcGts/>"), Format::page_xml);
  EXPECT_EQ(sniff("政协事业要发展"), Format::none);
  EXPECT_EQ(sniff(""), Format::none);
  Error e = test::catch_error([] { read_ocr("plain text\n", "t.txt"); });
  EXPECT_NE(std::string(e.what()).find("t.txt: not an OCR layout"), std::string::npos);
}

TEST(OcrReadHocr, TitlePropertiesClassesAndPages) {
  auto pages = read("hocr-features.hocr");
  ASSERT_EQ(pages.size(), 2u);
  const Page& p = pages[0];
  EXPECT_EQ(p.source, "hocr-features.hocr");
  EXPECT_EQ(p.number, 1);
  EXPECT_EQ(p.width, 3000);
  EXPECT_EQ(p.height, 4000);
  EXPECT_EQ(p.dpi, 400) << "scan_res, written before bbox; the image name's quoted ';' does not split it";
  EXPECT_EQ(p.engine, "tesseract 5.3.0");
  EXPECT_TRUE(p.warnings.empty()) << p.warnings[0];
  EXPECT_EQ(ids(p), "block_1_1(line_1_1 ) block_1_2(line_1_2 line_1_3 line_1_4 line_1_5 ) ");
  EXPECT_EQ(p.regions[1].box, (BBox{100, 500, 1400, 900}));
  EXPECT_EQ(p.regions[1].src, 20);

  const Line& head = line(p, "line_1_1");
  EXPECT_EQ(head.hint, Hint::heading);
  EXPECT_EQ(head.box, (BBox{100, 100, 2900, 260}));
  EXPECT_EQ(head.size, 120);
  EXPECT_EQ(head.baseline, 240);
  EXPECT_EQ(head.src, 14);
  EXPECT_EQ(head.par, 0);
  ASSERT_EQ(head.words.size(), 2u);
  EXPECT_EQ(head.words[1].text, "标题") << "text inside <strong> is the word's";
  EXPECT_EQ(head.words[1].box, (BBox{950, 100, 2900, 260})) << "bbox after x_wconf";
  EXPECT_FLOAT_EQ(head.words[1].conf, 71.5f);
  EXPECT_EQ(head.text(), "头版 标题");

  const Line& l3 = line(p, "line_1_3");
  EXPECT_EQ(l3.hint, Hint::none);
  EXPECT_EQ(l3.par, 0) << "paragraphs count within their region";
  EXPECT_EQ(l3.text(), "末行。") << "an empty word (a blob Tesseract could not read) is left out";
  const Line& cap = line(p, "line_1_4");
  EXPECT_EQ(cap.hint, Hint::caption);
  EXPECT_EQ(cap.par, 1);
  ASSERT_EQ(cap.words.size(), 1u) << "a line without ocrx_word is one word";
  EXPECT_EQ(cap.words[0].text, "图为会场");
  EXPECT_EQ(cap.words[0].box, cap.box);
  EXPECT_EQ(cap.words[0].conf, -1);
  EXPECT_EQ(line(p, "line_1_5").hint, Hint::other);
  EXPECT_EQ(line(p, "line_1_5").size, 40);
  EXPECT_EQ(p.rules, (std::vector<BBox>{{90, 950, 1410, 958}})) << "ocr_separator: a rule, no text";

  const Page& p2 = pages[1];
  EXPECT_EQ(p2.number, 2);
  EXPECT_EQ(p2.width, 1000);
  EXPECT_EQ(p2.dpi, 0) << "no scan_res: unknown";
  ASSERT_EQ(p2.regions.size(), 1u) << "lines outside an ocr_carea get a region of their own";
  EXPECT_EQ(p2.regions[0].id, "");
  EXPECT_EQ(line(p2, "line_2_1").text(), "第二页");
  EXPECT_EQ(line(p2, "line_2_1").par, -1);
}

TEST(OcrReadAlto, Mm10AbbyyWithStylesMarginsAndHyphen) {
  auto pages = read("alto-v2-mm10-abbyy.xml");
  ASSERT_EQ(pages.size(), 1u);
  const Page& p = pages[0];
  EXPECT_EQ(p.engine, "ABBYY FineReader Engine 12");
  EXPECT_EQ(p.dpi, 300);
  EXPECT_TRUE(mentions(p, "alto-v2-mm10-abbyy.xml:6: <Description>: positions are in physical units")) << p.warnings.size();
  EXPECT_EQ(p.width, 2480) << "2100 mm10 = 210 mm = 2480 px at 300 dpi";
  EXPECT_EQ(p.height, 3508);
  EXPECT_EQ(ids(p), "tb_head(tl_head ) tb_1(tl_1 ) cb_1(tl_3 tl_4 ) ") << "a ComposedBlock of TextBlocks is one region";
  EXPECT_EQ(line(p, "tl_1").par, -1) << "a TextBlock alone: no paragraphs";
  EXPECT_EQ(line(p, "tl_3").par, 0) << "the ComposedBlock's first TextBlock";
  EXPECT_EQ(p.regions[0].hint, Hint::header) << "a block in TopMargin";
  EXPECT_EQ(p.regions[1].hint, Hint::heading) << "TAGREFS to a LayoutTag labelled heading";
  EXPECT_EQ(p.regions[2].hint, Hint::text) << "ComposedBlock TYPE=\"text\"";

  const Line& head = line(p, "tl_head");
  EXPECT_EQ(head.text(), "吕梁日报 2025年1月10日");
  EXPECT_NEAR(head.size, 9 * 300 / 72.0, 1e-9) << "the block's STYLEREFS: 9 pt at 300 dpi";
  const Line& title = line(p, "tl_1");
  EXPECT_EQ(title.box, (BBox{236, 236, 2244, 354}));  // mm10 200,200,+1700,+100 → px
  EXPECT_NEAR(title.size, 100, 1e-9) << "24 pt at 300 dpi";
  EXPECT_EQ(title.face, "SimHei bold") << "its TextStyle's FONTFAMILY and FONTSTYLE";
  EXPECT_EQ(head.face, "SimSun") << "its block's";
  EXPECT_EQ(title.baseline, 343);
  EXPECT_FLOAT_EQ(title.words[0].conf, 95);
  EXPECT_EQ(title.src, 39);
  const Line& l3 = line(p, "tl_3");
  EXPECT_TRUE(l3.hyphenated);
  EXPECT_EQ(l3.text(), "协商 inter");
  EXPECT_EQ(l3.words[1].conf, -1) << "no WC: unknown";
  EXPECT_FALSE(line(p, "tl_4").hyphenated);
  EXPECT_NEAR(line(p, "tl_4").size, 37.5, 1e-9) << "no style of its own: its block's (9 pt)";
}

TEST(OcrReadAlto, V4PixelsBaselinePointsAndPages) {
  auto pages = read("alto-v4-pixel.xml");
  ASSERT_EQ(pages.size(), 2u);
  const Page& p = pages[0];
  EXPECT_EQ(p.dpi, 0);
  EXPECT_EQ(p.width, 1200);
  EXPECT_TRUE(p.warnings.empty()) << p.warnings[0];
  const Line& l = line(p, "line_0");
  EXPECT_EQ(l.baseline, 142) << "mean y of the BASELINE points";
  EXPECT_EQ(l.text(), "图片 说明") << "an empty String is left out";
  EXPECT_EQ(l.size, 50) << "no style: the line's height";
  EXPECT_EQ(l.words[1].box, (BBox{600, 100, 1100, 150}));
  EXPECT_FLOAT_EQ(l.words[0].conf, 91);
  EXPECT_EQ(p.regions[0].hint, Hint::caption);
  EXPECT_EQ(p.rules, (std::vector<BBox>{{90, 160, 1110, 166}})) << "GraphicalElement: a rule, no text";
  EXPECT_TRUE(pages[1].rules.empty());
  EXPECT_EQ(pages[1].number, 2);
  EXPECT_EQ(line(pages[1], "line_1").baseline, 145);
  EXPECT_EQ(line(pages[1], "line_1").words[0].conf, 100);
}

TEST(OcrReadAlto, Inch1200WithResolutionAndNoNamespace) {
  auto pages = read("alto-inch1200-nonamespace.xml");
  ASSERT_EQ(pages.size(), 1u);
  const Page& p = pages[0];
  EXPECT_EQ(p.dpi, 600);
  EXPECT_TRUE(p.warnings.empty()) << p.warnings[0];
  EXPECT_EQ(p.width, 4800);
  EXPECT_EQ(p.height, 6600);
  const Line& l = line(p, "l");
  EXPECT_EQ(l.box, (BBox{600, 600, 1800, 700}));
  EXPECT_NEAR(l.size, 10.5 * 600 / 72, 1e-9) << "the String's style, 10.5 pt at 600 dpi";
  EXPECT_FLOAT_EQ(l.words[0].conf, 50);
}

TEST(OcrReadPageXml, Version2019ReadingOrderTypesWordsGlyphs) {
  auto pages = read("page-2019.xml");
  ASSERT_EQ(pages.size(), 1u);
  const Page& p = pages[0];
  EXPECT_EQ(p.engine, "Transkribus");
  EXPECT_EQ(p.width, 2000);
  EXPECT_EQ(p.height, 3000);
  EXPECT_EQ(p.dpi, 300);
  EXPECT_TRUE(p.warnings.empty()) << p.warnings[0];
  EXPECT_EQ(ids(p), "r_head(l_head ) r_title(l_title ) r_body(l_body_1 l_body_2 ) r_quote(l_quote ) r_folio(l_folio ) ")
      << "ReadingOrder by index, then the nested and unordered regions in document order";
  EXPECT_EQ(p.regions[0].hint, Hint::header);
  EXPECT_EQ(p.regions[1].hint, Hint::heading);
  EXPECT_EQ(p.regions[2].hint, Hint::text);
  EXPECT_EQ(p.regions[3].hint, Hint::other);
  EXPECT_EQ(p.regions[4].hint, Hint::page_number);
  EXPECT_EQ(p.regions[2].box, (BBox{100, 600, 1900, 1200}));
  EXPECT_EQ(p.rules, (std::vector<BBox>{{100, 1250, 1900, 1256}})) << "SeparatorRegion: a rule, no text";
  const Line& b1 = line(p, "l_body_1");
  EXPECT_EQ(b1.text(), "政协 事业") << "the TextEquiv of lowest index";
  EXPECT_FLOAT_EQ(b1.words[1].conf, 81);
  EXPECT_FLOAT_EQ(b1.words[0].conf, 93);
  EXPECT_EQ(b1.words[0].box, (BBox{100, 600, 900, 660}));
  EXPECT_EQ(b1.baseline, 652);
  EXPECT_EQ(b1.hint, Hint::text);
  EXPECT_EQ(b1.src, 22);
  EXPECT_EQ(b1.face, "SimSun") << "its region's TextStyle";
  EXPECT_EQ(line(p, "l_body_2").face, "SimHei bold") << "its own TextStyle";
  const Line& b2 = line(p, "l_body_2");
  ASSERT_EQ(b2.words.size(), 1u) << "no Word: the line's own TextEquiv";
  EXPECT_EQ(b2.words[0].text, "要发展。");
  EXPECT_EQ(b2.words[0].box, b2.box);
  EXPECT_FLOAT_EQ(b2.words[0].conf, 88);
  EXPECT_EQ(line(p, "l_title").text(), "凝心") << "a Word without TextEquiv: its glyphs";
}

TEST(OcrReadPageXml, Version2013PointChildrenDocumentOrder) {
  auto pages = read("page-2013.xml");
  ASSERT_EQ(pages.size(), 1u);
  const Page& p = pages[0];
  EXPECT_EQ(p.engine, "OCR-D");
  EXPECT_EQ(ids(p), "r1(r1_l1 ) r2(r2_l1 ) ");
  EXPECT_EQ(p.regions[0].hint, Hint::caption);
  EXPECT_EQ(p.regions[1].hint, Hint::footer);
  EXPECT_EQ(p.regions[0].box, (BBox{50, 60, 950, 120})) << "from <Point> children";
  EXPECT_EQ(line(p, "r1_l1").text(), "图为会议现场");
  EXPECT_FLOAT_EQ(line(p, "r1_l1").conf(), 70);
  EXPECT_EQ(line(p, "r2_l1").box, (BBox{50, 1300, 950, 1350}));
}

// Tesseract 5's hOCR and ALTO of one run describe the same lines, words, boxes and confidences.
TEST(OcrReadTesseract, HocrAndAltoOfOneRunAgree) {
  auto hocr = read("tesseract-psm4.hocr");
  auto alto = read("tesseract-psm4.alto.xml");
  ASSERT_EQ(hocr.size(), 1u);
  ASSERT_EQ(alto.size(), 1u);
  const Page &h = hocr[0], &a = alto[0];
  EXPECT_EQ(h.engine, "tesseract 5.3.0");
  EXPECT_EQ(a.engine, "tesseract 5.3.0");
  EXPECT_EQ(h.dpi, 300);
  EXPECT_EQ(h.width, 2480);
  EXPECT_EQ(h.height, 1300);
  EXPECT_EQ(a.width, h.width);
  EXPECT_EQ(a.height, h.height);
  EXPECT_TRUE(h.warnings.empty()) << h.warnings[0];
  EXPECT_TRUE(a.warnings.empty()) << a.warnings[0];
  ASSERT_EQ(h.regions.size(), a.regions.size());
  ASSERT_EQ(h.line_count(), 11u);
  ASSERT_EQ(a.line_count(), 11u);
  // Tesseract writes each text area (hOCR ocr_carea) as a ComposedBlock of TextBlocks, one per
  // paragraph (ocr_par): the same regions and paragraphs. Its ALTO differs from its hOCR in two
  // places, both its own: the last TextBlock's HPOS (301, its ComposedBlock's 660 as in hOCR),
  // and WC for confidences under 10 ("0.9" for 9, tesseract#4615), which the reader reads back
  // as the engine meant.
  for (size_t r = 0; r < h.regions.size(); ++r) {
    EXPECT_EQ(h.regions[r].box, a.regions[r].box) << r;
    ASSERT_EQ(h.regions[r].lines.size(), a.regions[r].lines.size()) << r;
    for (size_t i = 0; i < h.regions[r].lines.size(); ++i) {
      const Line &hl = h.regions[r].lines[i], &al = a.regions[r].lines[i];
      SCOPED_TRACE(hl.id + " / " + al.id);
      EXPECT_EQ(hl.box, al.box);
      EXPECT_EQ(hl.par, al.par);
      EXPECT_EQ(hl.text(), al.text());
      ASSERT_EQ(hl.words.size(), al.words.size());
      for (size_t w = 0; w < hl.words.size(); ++w) {
        EXPECT_EQ(hl.words[w].box, al.words[w].box);
        EXPECT_NEAR(hl.words[w].conf, al.words[w].conf, 0.01) << hl.words[w].text;
      }
    }
  }
  // What the engine read from the typeset page (tests/data/ocr/article.xml's start).
  const Line& title = h.regions[0].lines[0];
  EXPECT_EQ(title.id, "line_1_1");
  EXPECT_EQ(title.box, (BBox{557, 297, 1919, 384}));
  EXPECT_EQ(title.size, 113.5);
  EXPECT_EQ(title.baseline, 383);
  EXPECT_EQ(title.src, 15);
  EXPECT_EQ(title.words[0].text, "为");
  EXPECT_EQ(title.words[0].conf, 96);
  EXPECT_EQ(h.regions[0].id, "block_1_1");
  EXPECT_EQ(a.regions[0].id, "cblock_0");
  EXPECT_GT(h.regions[0].lines[2].size, 40) << "the byline's x_size";
  EXPECT_LT(h.regions[0].lines[2].size, title.size / 2);
}

}  // namespace paiban::ocr
