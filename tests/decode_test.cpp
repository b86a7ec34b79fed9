// decode: encodings detected or forced, line ends, and every bad byte reported with its place.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <algorithm>

#include "core/error.h"
#include "decode/decode.h"
#include "test_util.h"

using namespace paiban;

namespace {

std::string convert_to(const std::string& utf8, const char* enc) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(enc, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string error_of(const std::string& bytes, const std::string& forced = {}) {
  try {
    decode_bytes(bytes, "in.txt", forced);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(Decode, SampleIsUtf8) {
  Decoded d = decode_bytes(test::read_file(test::sample_path()), "s");
  EXPECT_EQ(d.encoding, "UTF-8");
  ASSERT_GE(d.lines.size(), 5u);
  EXPECT_EQ(d.lines[1], "为建设美丽幸福吕梁广泛凝心聚力");
}

TEST(Decode, SameLinesFromEveryEncodingAndLineEnd) {
  std::string utf8 = test::read_file(test::sample_path());
  auto want = decode_bytes(utf8, "s").lines;
  std::string crlf;
  for (char c : utf8) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::string cr = crlf;
  cr.erase(std::remove(cr.begin(), cr.end(), '\n'), cr.end());
  struct Case { std::string name, bytes, encoding; } cases[] = {
      {"gb18030", convert_to(utf8, "GB18030"), "GB18030"},
      {"utf16le-bom", "\xFF\xFE" + convert_to(utf8, "UTF-16LE"), "UTF-16LE"},
      {"utf16be-bom", "\xFE\xFF" + convert_to(utf8, "UTF-16BE"), "UTF-16BE"},
      {"utf8-bom", "\xEF\xBB\xBF" + utf8, "UTF-8"},
      {"crlf", crlf, "UTF-8"},
      {"cr", cr, "UTF-8"},
  };
  for (const auto& c : cases) {
    Decoded d = decode_bytes(c.bytes, c.name);
    EXPECT_EQ(d.encoding, c.encoding) << c.name;
    EXPECT_EQ(d.lines, want) << c.name;
  }
}

// UTF-16 without a BOM: the sample (much ASCII: zero bytes in one parity) and Han text with
// nothing but its line ends (too few zero bytes: judged by its CJK code units).
TEST(Decode, Utf16WithoutBomIsDetected) {
  std::string utf8 = test::read_file(test::sample_path());
  EXPECT_EQ(decode_bytes(convert_to(utf8, "UTF-16LE"), "s").encoding, "UTF-16LE");
  EXPECT_EQ(decode_bytes(convert_to(utf8, "UTF-16BE"), "s").encoding, "UTF-16BE");
  std::string han = "为建设美丽幸福吕梁广泛凝心聚力，市政协履职工作综述。\n坚持党的全面领导把准方向重落实。\n";
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    Decoded d = decode_bytes(convert_to(han, enc), "han.txt");
    EXPECT_EQ(d.encoding, enc);
    ASSERT_EQ(d.lines.size(), 2u) << enc;
    EXPECT_EQ(d.lines[1], "坚持党的全面领导把准方向重落实。");
  }
  EXPECT_EQ(decode_bytes(convert_to(han, "GB18030"), "g").encoding, "GB18030");  // not taken for UTF-16
  EXPECT_EQ(decode_bytes(convert_to("為建設美麗幸福呂梁廣泛凝心聚力。\n", "Big5"), "b").encoding, "Big5");
}

TEST(Decode, Big5IsDetected) {
  std::string trad = "為建設美麗幸福呂梁廣泛凝心聚力\n市政協二〇二四年履職工作綜述，圍繞中心、服務大局。\n";
  Decoded d = decode_bytes(convert_to(trad, "Big5"), "big5.txt");
  EXPECT_EQ(d.encoding, "Big5");
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(d.lines[0], "為建設美麗幸福呂梁廣泛凝心聚力");
}

// Hong Kong text with HKSCS characters (佢 哋 冇 嘢 嘅: not in Big5, nor in GB18030's two-byte
// range) is detected as Big5-HKSCS, and may be forced by that name.
TEST(Decode, Big5HkscsIsDetected) {
  std::string hk = "佢哋話呢度冇嘢食，我哋去第二度啦。\n香港嘅茶餐廳好多人。\n";
  std::string bytes = convert_to(hk, "ibm-1375");
  ASSERT_FALSE(bytes.empty());
  Decoded d = decode_bytes(bytes, "hk.txt");
  EXPECT_EQ(d.encoding, "Big5-HKSCS");
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(d.lines[0], "佢哋話呢度冇嘢食，我哋去第二度啦。");
  EXPECT_EQ(decode_bytes(bytes, "hk.txt", "big5-hkscs").lines[1], "香港嘅茶餐廳好多人。");
}

TEST(Decode, ForcedEncodingWins) {
  std::string gbk = convert_to("政协事业要发展", "GBK");
  EXPECT_EQ(decode_bytes(gbk, "x", "gbk").lines[0], "政协事业要发展");
  EXPECT_EQ(decode_bytes(gbk, "x", "GB2312").encoding, "GB18030");
}

TEST(Decode, InvalidUtf8NamesLineAndOffset) {
  std::string bytes = "政协事业要发展，党的领导是根本。\n第二行政协事业要发展\n第三行\xE6\x94\n";
  std::string e = error_of(bytes);
  EXPECT_NE(e.find("in.txt:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid UTF-8"), std::string::npos) << e;
  EXPECT_NE(e.find("byte offset " + std::to_string(bytes.find("\xE6\x94\n"))), std::string::npos) << e;
}

TEST(Decode, ForcedEncodingReportsInvalidBytes) {
  std::string e = error_of("abc\n\xFF\xFF\n", "GB18030");
  EXPECT_NE(e.find("in.txt:2: invalid GB18030 byte sequence"), std::string::npos) << e;
}

TEST(Decode, UnknownEncodingIsAUsageError) {
  try {
    decode_bytes("abc", "x", "klingon");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(std::string(e.what()).find("klingon"), std::string::npos);
  }
}

TEST(Decode, EmptyBinaryAndControlCharactersAreErrors) {
  EXPECT_NE(error_of("").find("in.txt: empty file"), std::string::npos);
  EXPECT_NE(error_of(std::string("PK\x03\x04\0\0\x14\0binary", 14)).find("binary file"), std::string::npos);
  EXPECT_NE(error_of("一行\n二行\x07\n").find("in.txt:2: control character U+0007"), std::string::npos);
}

TEST(Decode, FormFeedIsNotContent) {
  auto lines = decode_bytes("第一页\n\f第二页\n", "x").lines;
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "第二页");
}

TEST(Decode, NormalisesToNfc) {
  // e + combining acute → é
  EXPECT_EQ(decode_bytes("caf\x65\xCC\x81", "x").lines[0], "caf\xC3\xA9");
}

TEST(Decode, ReadFileErrors) {
  auto msg = [](const std::string& p) {
    try { read_file_limited(p); } catch (const Error& e) { return std::string(e.what()); }
    return std::string("(no error)");
  };
  EXPECT_NE(msg("/nonexistent/x.txt").find("no such file"), std::string::npos);
  EXPECT_NE(msg("/tmp").find("is a directory"), std::string::npos);
}

TEST(Decode, KeepsCjkCompatibilityIdeographs) {
  // U+F929 (朗 compatibility form) must not become U+6717; combining marks around it still compose.
  EXPECT_EQ(decode_bytes("\xEF\xA4\xA9 caf\x65\xCC\x81", "x").lines[0], "\xEF\xA4\xA9 caf\xC3\xA9");
}

TEST(Decode, BytesNoEncodingExplainsAreRefused) {
  // ICU's Big5 maps these to a private-use character and a C1 control: an error, not silent junk.
  EXPECT_NE(error_of("\xFF\x80\xFF\x80\n").find("control character U+0080"), std::string::npos)
      << error_of("\xFF\x80\xFF\x80\n");
}
