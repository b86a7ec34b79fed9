// hostile ocr: broken and hostile hOCR, ALTO and PAGE XML (tests/data/hostile/ocr.tests) fail
// with one clear line naming file:line:column and element, or read with a warning naming them;
// cut-off files never crash; a million lines read in one linear pass.
#include <gtest/gtest.h>

#include "keyed_records.h"
#include "ocr/fit.h"  // kMaxWarnings
#include "ocr/read.h"
#include "reflow/reflow.h"

// Inside the namespace: ocr::Page, not the Document's Page.
namespace paiban::ocr {

namespace {

std::vector<Page> read_as(const std::string& reader, const std::string& bytes, const Limits& limits) {
  if (reader == "hocr") return read_hocr(bytes, "p.ocr", limits);
  if (reader == "alto") return read_alto(bytes, "p.ocr", limits);
  if (reader == "page") return read_page_xml(bytes, "p.ocr", limits);
  return read_ocr(bytes, "p.ocr", limits);
}

void run_record(const test::KeyedRecord& r) {
  SCOPED_TRACE("record '" + r["name"] + "' at ocr.tests:" + std::to_string(r.line));
  std::string input = test::unescape(r["input"]);
  Limits limits;
  if (r.has("max-depth")) limits.max_depth = std::stoi(r["max-depth"]);
  if (r.has("max-blocks")) limits.max_blocks = std::stoull(r["max-blocks"]);
  if (r.has("max-input")) limits.max_input_bytes = std::stoull(r["max-input"]);
  std::string reader = r.has("reader") ? r["reader"] : "";
  if (r.has("error")) {
    test::expect_record_error(r, [&] { read_as(reader, input, limits); });
    return;
  }
  auto pages = read_as(reader, input, limits);
  size_t lines = 0;
  std::string warnings;
  for (const auto& p : pages) {
    lines += p.line_count();
    for (const auto& w : p.warnings) warnings += w + "\n";
    for (const auto& reg : p.regions) {
      EXPECT_FALSE(reg.lines.empty()) << "a region without lines is left out";
      for (const auto& l : reg.lines) {
        EXPECT_FALSE(l.words.empty()) << "a line without text is left out";
        for (const BBox* b : {&reg.box, &l.box})
          if (b->known()) { EXPECT_TRUE(b->x0 >= 0 && b->y0 >= 0 && b->x1 <= p.width && b->y1 <= p.height); }
      }
    }
  }
  for (const auto& p : pages)
    for (const BBox& b : p.rules) EXPECT_TRUE(b.known() && b.x0 >= 0 && b.y0 >= 0 && b.x1 <= p.width && b.y1 <= p.height);
  EXPECT_EQ(lines, std::stoull(r["lines"]));
  if (r.has("warning")) {
    EXPECT_NE(warnings.find(r["warning"]), std::string::npos) << "warnings:\n" << warnings;
  } else {
    EXPECT_EQ(warnings, "");
  }
}

}  // namespace

TEST(HostileOcr, EveryRecordFailsCleanlyOrReadsWithAWarning) {
  auto records = test::read_keyed_records(test::data("hostile/ocr.tests"));
  ASSERT_GE(records.size(), 30u);
  for (const auto& r : records) run_record(r);
}

// Every cut of a real file either reads or fails as bad input; none crashes or hangs.
TEST(HostileOcr, TruncatedFilesFailCleanly) {
  for (const char* f : {"ocr/tesseract-psm4.hocr", "ocr/tesseract-psm4.alto.xml", "ocr/page-2019.xml"}) {
    std::string whole = test::read_file(test::data(f));
    ASSERT_FALSE(whole.empty()) << f;
    for (size_t cut = 1; cut < whole.size(); cut += 211) {
      SCOPED_TRACE(std::string(f) + " cut at " + std::to_string(cut));
      try {
        read_as("", whole.substr(0, cut), {});
        ADD_FAILURE() << "a cut-off file read without error";
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::input);
        EXPECT_EQ(std::string(e.what()).rfind("p.ocr", 0), 0u) << e.what();
      }
    }
  }
}

// A million lines: refused by the default limits with the flag to raise, read in one pass when
// raised (no quadratic step: line numbers come from an index, warnings are bounded).
TEST(HostileOcr, AMillionLines) {
  const size_t n = 1000000;
  std::string hocr = "<html><body><div class='ocr_page' title='bbox 0 0 100 100'>\n";
  std::string line = "<span class='ocr_line' title='bbox 0 0 200 1'>字</span>\n";  // each reaches off the page
  hocr.reserve(hocr.size() + n * line.size() + 32);
  for (size_t i = 0; i < n; ++i) hocr += line;
  hocr += "</div></body></html>\n";
  Error e = test::catch_error([&] { read_ocr(hocr, "big.hocr"); });
  EXPECT_NE(std::string(e.what()).find("big.hocr: input too large"), std::string::npos) << e.what();
  EXPECT_NE(e.hint().find("--max-input-size"), std::string::npos);

  Limits raised;
  raised.max_input_bytes = 1ull << 30;
  raised.max_blocks = 10 * n;
  auto pages = read_ocr(hocr, "big.hocr", raised);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].line_count(), n);
  EXPECT_EQ(pages[0].regions[0].lines.back().src, static_cast<int>(n + 1));
  EXPECT_EQ(pages[0].regions[0].lines.back().box, (BBox{0, 0, 100, 1}));
  EXPECT_EQ(pages[0].warnings.size(), kMaxWarnings + 1) << "warnings stop at a bound";
}

// Rules by the thousand (a scan of ruled paper read as separators): a bounded number kept, with
// a warning saying so.
TEST(HostileOcr, RulesByTheThousandAreBounded) {
  std::string hocr = "<html><body><div class='ocr_page' title='bbox 0 0 1000 1000'>\n";
  for (size_t i = 0; i < kMaxRules + 500; ++i)
    hocr += "<div class='ocr_separator' title='bbox 0 " + std::to_string(i % 900) + " 900 " + std::to_string(i % 900 + 2) + "'></div>\n";
  // Two thousand lines down the ruled page: reflow looks at a bounded number of rules per line.
  for (int i = 0; i < 2000; ++i)
    hocr += "<span class='ocr_line' title='bbox 10 " + std::to_string(i % 900) + " 800 " + std::to_string(i % 900 + 9) +
            "'>春天来了，各地鲜花盛开。</span>\n";
  hocr += "</div></body></html>\n";
  Limits raised;
  raised.max_input_bytes = 1ull << 28;
  auto pages = read_ocr(hocr, "ruled.hocr", raised);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].rules.size(), kMaxRules);
  bool said = false;
  for (const auto& w : pages[0].warnings) said = said || w.find("rules; the first") != std::string::npos;
  EXPECT_TRUE(said);
  const ReflowResult r = reflow_ocr(pages, "ruled.hocr");
  ASSERT_EQ(r.doc.pages.size(), 1u);
}

}  // namespace paiban::ocr
