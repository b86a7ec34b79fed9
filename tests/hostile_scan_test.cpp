// hostile scans: broken and hostile images and PDFs (tests/data/hostile/scan.tests) fail with one
// clear Error naming the file (and page) and the remedy, never a crash, a hang or an output.
#include <gtest/gtest.h>

#include "core/error.h"
#include "keyed_records.h"
#include "pipeline/convert.h"
#include "ocr/scan/scan.h"

using namespace paiban;

TEST(HostileScan, EveryRecordFailsCleanly) {
  auto records = test::read_keyed_records(test::data("hostile/scan.tests"));
  ASSERT_GE(records.size(), 12u);
  for (const auto& r : records) {
    SCOPED_TRACE("record '" + r["name"] + "' at scan.tests:" + std::to_string(r.line));
    std::string input = test::unescape(r["input"]);
    ASSERT_NE(scan::sniff(input), scan::Kind::none);
    scan::Options o;
    if (r.has("max-pixels")) o.max_pixels = std::stoull(r["max-pixels"]);
    if (r.has("max-pages")) o.max_pages = std::stoi(r["max-pages"]);
    scan::Session session(o);
    test::expect_record_error(r, [&] { load_scan(input, "x.scan", session, nullptr, nullptr); });
  }
}

// Plain text that merely starts like an image header stays text.
TEST(HostileScan, TextThatLooksLikeAHeaderIsText) {
  for (const char* t : {"P3 号文件", "P5\n第一版", "BM25 算法", "GIF87 年", "%PDF 文件"})
    EXPECT_EQ(scan::sniff(t), scan::Kind::none) << t;
}
