// reflow_bench --ocr's own metrics (bench/lib/ocr_score.h, ocr_baseline.h, ocr_set.h) on tiny
// hand-made pages, so the figures printed for the real-OCR set can be trusted without it.
#include <gtest/gtest.h>

#include "ocr_baseline.h"
#include "ocr_score.h"
#include "ocr_set.h"
#include "records.h"
#include "score.h"

using namespace paiban;
using namespace paiban::bench;
using paiban::test::read_records;
using paiban::test::split;

namespace {

// "h:甲|p:乙‖h:丙" → articles of blocks (see tests/data/ocr-bench/split.tests).
std::vector<Document> articles(const std::string& s) {
  std::vector<Document> out;
  for (const auto& a : split(s, "‖")) {
    Document d;
    for (const auto& b : split(a, "|")) {
      size_t colon = b.find(':');
      std::string type = b.substr(0, colon), text = b.substr(colon + 1);
      Block blk;
      blk.text = text;
      if (type == "h") blk.kind = Kind::headline;
      else if (type == "p") blk.kind = Kind::paragraph;
      else if (type == "hd") blk.kind = Kind::heading, blk.text.clear(), blk.lines = {text};
      else if (type == "box") {
        Block box;
        box.kind = Kind::box;
        box.children.push_back(blk);
        blk = box;
      } else ADD_FAILURE() << "unknown block type " << type;
      d.blocks.push_back(blk);
    }
    out.push_back(d);
  }
  return out;
}

std::string paragraphs(const Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    EXPECT_EQ(b.kind, Kind::paragraph);
    out += (out.empty() ? "«" : " «") + b.text + "»";
  }
  return out;
}

TEST(OcrBench, ArticleSplitAndTypeAccuracy) {
  auto records = read_records("ocr-bench/split.tests");
  ASSERT_GE(records.size(), 7u);
  for (const auto& r : records) {
    auto sides = split(r.input, " ⇒ ");
    ASSERT_EQ(sides.size(), 2u) << r.where;
    auto truth = articles(sides[0]), pred = articles(sides[1]);
    Counts c = score_split(truth, pred);
    TypeAccuracy t = type_accuracy(score_article(concat_articles(truth), concat_articles(pred)).score);
    std::string got = "split " + std::to_string(c.tp) + "/" + std::to_string(c.fp) + "/" + std::to_string(c.fn) +
                      ", type " + std::to_string(t.right) + "/" + std::to_string(t.matched);
    EXPECT_EQ(got, r.expected) << r.where;
  }
}

TEST(OcrBench, BaselineKeepsTheOcrParagraphs) {
  auto records = read_records("ocr-bench/baseline.tests");
  ASSERT_GE(records.size(), 4u);
  for (const auto& r : records) {
    size_t colon = r.input.find(": ");
    std::string kind = r.input.substr(0, colon), input = r.input.substr(colon + 2);
    Document d;
    if (kind == "txt") {
      std::string text;
      for (const auto& l : split(input, "⏎")) text += l + "\n";
      d = baseline_txt(text);
    } else if (kind == "hocr") {
      d = baseline_hocr(input, r.where);
    } else if (kind == "alto") {
      d = baseline_alto(input, r.where);
    } else {
      FAIL() << r.where << ": unknown input kind " << kind;
    }
    EXPECT_EQ(paragraphs(d), r.expected) << r.where;
  }
}

TEST(OcrBench, BaselineRefusesBrokenXml) {
  EXPECT_THROW(baseline_hocr("<html><body><p class='ocr_par'>", "cut.hocr"), Error);
  EXPECT_THROW(baseline_alto("<alto><Layout>", "cut.xml"), Error);
}

TEST(OcrBench, TruthPage) {
  const char* xml =
      "<page engine='paiban' dpi='300'><furniture role='folio'>第3版</furniture>"
      "<article id='a'><headline>甲会见乙</headline><p>甲说。</p>"
      "<section><heading><line>合作</line></heading><p>乙说。</p><box><p>丙说。</p></box></section></article>"
      "<article id='b'><headline>丙会议</headline><caption>图为会场。</caption><p>会议强调。</p></article></page>";
  OcrPage p = parse_ocr_truth(xml, "truth.xml");
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.engine, "paiban");
  EXPECT_EQ(p.articles[0].source, "a");
  Document all = concat_articles(p.articles);
  std::string text;
  for (const auto& b : all.blocks) text += plain_text(b) + "|";
  EXPECT_EQ(text, "甲会见乙|甲说。|合作乙说。丙说。|丙会议|图为会场。|会议强调。|");  // no furniture
  EXPECT_THROW(parse_ocr_truth("<article/>", "t.xml"), Error);
  EXPECT_THROW(parse_ocr_truth("<page><article><p>无标题</p></article></page>", "t.xml"), Error);
  EXPECT_THROW(parse_ocr_truth("<page><article><headline>甲</headline><table/></article></page>", "t.xml"), Error);
}

}  // namespace
