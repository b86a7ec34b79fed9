// batch names: archives written byte by byte with names in GBK and Big5 (second bytes 0x5C
// included), with the zip UTF-8 flag, the Info-ZIP Unicode Path field, and tars with and
// without PAX paths → every article converted under its decoded name; the encoding decided
// from all the names; undecodable names reported as failed with their bytes.
#include <gtest/gtest.h>

#include "batch/names.h"
#include "batch_fixture.h"

namespace paiban::batch_test {
namespace {

std::string unhex(const std::string& h) {
  std::string s;
  for (size_t i = 0; i + 1 < h.size(); i += 2) s += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return s;
}

// Names as Chinese Windows (CP936) and Taiwanese Windows (CP950) archivers store them.
const std::string kGbkNews = unhex("d0c2cec52fd0edb9a6b8c72e747874");     // 新闻/许功盖.txt
const std::string kGbkComment = unhex("c6c0c2db2fc9e7c2db2e747874");      // 评论/社论.txt
const std::string kGbk5c = unhex("d55cd0c52fdf5c84d32e747874");            // 誠信/運動.txt: 0x5C seconds
const std::string kBig5News = unhex("b773bb442fb35ca55cbb5c2e747874");    // 新聞/許功蓋.txt: 0x5C seconds
const std::string kBig5Comment = unhex("b5fbbdd72faac0bdd72e747874");     // 評論/社論.txt
const std::string kSjis = unhex("93fa967b2f8b4c8e962e747874");            // 日本/記事.txt

// Runs batch on `bytes` written as `file`; expects exit `code` and returns the report rows.
std::map<std::string, std::map<std::string, std::string>> run_on(const Sandbox& box, const std::string& file,
                                                                  const std::string& bytes, int code,
                                                                  std::vector<std::string> extra = {}) {
  write_file(box / file, bytes);
  std::vector<std::string> args = {"batch", (box / file).string(), "--out", (box / "out").string(), "--to", "txt"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::string err;
  EXPECT_EQ(run_paiban(args, &err), code) << err;
  return report_rows(box / "out");
}

TEST(BatchNames, DetectionDecidesFromAllNames) {
  using batch::detect_name_encoding;
  EXPECT_EQ(detect_name_encoding({"a.txt", "报纸/文章.txt"}).name, "UTF-8");
  EXPECT_EQ(detect_name_encoding({kGbkNews, kGbkComment, kGbk5c}).name, "GBK");
  EXPECT_EQ(detect_name_encoding({kBig5News, kBig5Comment}).name, "Big5");
  EXPECT_EQ(detect_name_encoding({kBig5News}).name, "Big5");  // 許功蓋 alone
  EXPECT_EQ(detect_name_encoding({kSjis}).name, "Shift_JIS");
  EXPECT_EQ(detect_name_encoding({"a.txt", unhex("8e8481")}).name, "CP437");
  std::string utf8;
  ASSERT_TRUE(batch::decode_name(kBig5News, batch::parse_name_encoding("cp950"), utf8));
  EXPECT_EQ(utf8, "新聞/許功蓋.txt");
  EXPECT_FALSE(batch::decode_name(unhex("ff"), batch::parse_name_encoding("big5"), utf8));
  EXPECT_THROW(batch::parse_name_encoding("klingon"), Error);
}

TEST(BatchNames, GbkZipWithBackslashSecondBytes) {
  Sandbox box;
  auto rows = run_on(box, "gbk.zip",
                     zip_bytes({{kGbkNews, sample()}, {kGbkComment, variant(1)}, {kGbk5c, variant(2)}}), 0);
  EXPECT_EQ(rows["新闻/许功盖.txt"]["status"], "converted");
  EXPECT_EQ(rows["评论/社论.txt"]["status"], "converted");
  EXPECT_EQ(rows["誠信/運動.txt"]["status"], "converted");
  EXPECT_EQ(rows["誠信/運動.txt"]["stored_name_hex"], "D5 5C D0 C5 2F DF 5C 84 D3 2E 74 78 74");
  EXPECT_EQ(read_file(box / "out/新闻/许功盖.txt").empty(), false);
  EXPECT_TRUE(fs::is_regular_file(box / "out/誠信/運動.txt"));
  EXPECT_EQ(rows.size(), 3u);
}

TEST(BatchNames, Big5ZipWithBackslashSecondBytes) {
  Sandbox box;
  auto rows = run_on(box, "big5.zip", zip_bytes({{kBig5News, sample()}, {kBig5Comment, variant(1)}}), 0);
  EXPECT_EQ(rows["新聞/許功蓋.txt"]["status"], "converted");
  EXPECT_EQ(rows["評論/社論.txt"]["status"], "converted");
  EXPECT_TRUE(fs::is_regular_file(box / "out/新聞/許功蓋.txt"));
  EXPECT_EQ(rows.size(), 2u);
}

TEST(BatchNames, Utf8FlagAndUnicodePathField) {
  Sandbox box;
  RawEntry flagged{"报纸/文章.txt", sample(), true, ""};
  RawEntry field{unhex("cdb3d2bbc2eb2e747874"), variant(1), false, "统一码.txt"};  // GBK + its 0x7075
  auto rows = run_on(box, "utf8.zip", zip_bytes({flagged, field}), 0);
  EXPECT_EQ(rows["报纸/文章.txt"]["status"], "converted");
  EXPECT_EQ(rows["统一码.txt"]["status"], "converted");
  EXPECT_EQ(rows["报纸/文章.txt"]["stored_name_hex"], "");
  EXPECT_TRUE(fs::is_regular_file(box / "out/统一码.txt"));
}

TEST(BatchNames, TarWithGbkNamesAndWithPaxPaths) {
  {
    Sandbox box;
    auto rows = run_on(box, "gbk.tar", tar_bytes({{kGbkNews, sample()}, {kGbk5c, variant(1)}}), 0);
    EXPECT_EQ(rows["新闻/许功盖.txt"]["status"], "converted");
    EXPECT_EQ(rows["誠信/運動.txt"]["status"], "converted");
  }
  {
    Sandbox box;
    RawEntry pax{kGbkNews, sample(), false, "新闻/许功盖.txt"};
    RawEntry plain{"plain.txt", variant(1)};
    auto rows = run_on(box, "pax.tar", tar_bytes({pax, plain}), 0);
    EXPECT_EQ(rows["新闻/许功盖.txt"]["status"], "converted");
    EXPECT_EQ(rows["plain.txt"]["status"], "converted");
  }
}

TEST(BatchNames, ForcedEncodingAndUndecodableNames) {
  {
    Sandbox box;  // 3 GBK names read as Big5 by force: two are invalid Big5 → failed, never mojibake
    auto rows = run_on(box, "gbk.zip", zip_bytes({{kGbkNews, sample()}, {"ok.txt", variant(1)}}), 0,
                       {"--name-encoding", "GBK"});
    EXPECT_EQ(rows["新闻/许功盖.txt"]["status"], "converted");
  }
  {
    Sandbox box;  // bytes invalid in every double-byte code page and forced to one
    auto rows = run_on(box, "bad.zip", zip_bytes({{unhex("ff2e747874"), sample()}, {"ok.txt", variant(1)}}), 3,
                       {"--name-encoding", "big5"});
    EXPECT_EQ(rows["ok.txt"]["status"], "converted");
    ASSERT_EQ(rows.count("\\xff.txt"), 1u);
    EXPECT_EQ(rows["\\xff.txt"]["status"], "failed");
    EXPECT_EQ(rows["\\xff.txt"]["stored_name_hex"], "FF 2E 74 78 74");
    EXPECT_NE(rows["\\xff.txt"]["hint"].find("--name-encoding"), std::string::npos);
    for (auto& [rel, bytes] : tree(box / "out")) EXPECT_EQ(rel.find('\xff'), std::string::npos) << rel;
  }
}

}  // namespace
}  // namespace paiban::batch_test
