// Simplified or Traditional: core/han_forms counts, reflow's label stage, --lang.
#include <gtest/gtest.h>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/han_forms.h"
#include "decode/decode.h"
#include "reflow/reflow.h"
#include "test_util.h"

using namespace paiban;

namespace {

// The sample in Traditional characters, by ICU's own Hans-Hant transform (not the build-time
// tables under test).
std::string to_traditional(const std::string& utf8) {
  UErrorCode e = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, e));
  EXPECT_TRUE(U_SUCCESS(e)) << u_errorName(e);
  if (!t) return {};
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::vector<std::string> lines_of(const std::string& text, const std::string& name) {
  return decode_bytes(text, name).lines;
}

// Kinds and source lines of every block, depth first: the structure reflow found.
void outline(const std::vector<Block>& blocks, std::string& out) {
  for (const auto& b : blocks) {
    out += std::to_string(static_cast<int>(b.kind)) + "@" + std::to_string(b.src.first) + "-" + std::to_string(b.src.last) + " ";
    outline(b.children, out);
  }
}

}  // namespace

TEST(HanForms, CountsTraditionalAndSimplifiedForms) {
  HanForms t = count_han_forms("這是一個測試，我們說國語。ABC");
  EXPECT_EQ(t.han, 11);
  EXPECT_GE(t.traditional, 5);  // 這 個 測 試 們 說 國 語
  EXPECT_EQ(t.simplified, 0);
  HanForms s = count_han_forms("这是一个测试，我们说国语。");
  EXPECT_EQ(s.han, 11);
  EXPECT_EQ(s.traditional, 0);
  EXPECT_GE(s.simplified, 5);
  EXPECT_EQ(han_language(t), "zh-Hant");
  EXPECT_EQ(han_language(s), "zh-Hans");
  // Characters the same in both forms say nothing: the default stays.
  EXPECT_EQ(han_language(count_han_forms("中文大人上下山水")), "zh-Hans");
  // A Simplified text quoting one Traditional name stays Simplified.
  EXPECT_EQ(han_language(count_han_forms("记者从台湾报道：臺灣的朋友们说，这里的风景很美，我们都很喜欢。")), "zh-Hans");
  // At most max_han characters are read; invalid UTF-8 is skipped, never read as Han.
  EXPECT_EQ(count_han_forms("這是一個測試", 3).han, 3);
  EXPECT_EQ(count_han_forms("\xff\xfe這\xe9").han, 1);
}

TEST(HanForms, TraditionalSampleReflowsAsTheSimplifiedOneAndSaysZhHant) {
  const std::string simplified = test::read_file(test::sample_path());
  const std::string traditional = to_traditional(simplified);
  ASSERT_NE(traditional, simplified);
  Document s = reflow(lines_of(simplified, "s.txt"), "s.txt").doc;
  Document t = reflow(lines_of(traditional, "t.txt"), "t.txt").doc;
  EXPECT_EQ(s.lang, "zh-Hans");
  EXPECT_EQ(t.lang, "zh-Hant");
  std::string so, to;
  outline(s.blocks, so);
  outline(t.blocks, to);
  EXPECT_EQ(so, to);  // the same headline, byline, sections and paragraphs, at the same lines
}

TEST(HanForms, LangFlagOverridesDetection) {
  const std::string dir = test::temp_dir("lang");
  test::write_file(dir + "/t.txt", to_traditional(test::read_file(test::sample_path())));
  const std::string bin = std::string("'") + PAIBAN_BINARY + "' reflow " + dir + "/t.txt";
  auto detected = test::run(bin, test::Stderr::dropped);
  EXPECT_NE(detected.out.find("lang=\"zh-Hant\""), std::string::npos) << detected.out.substr(0, 200);
  auto forced = test::run(bin + " --lang zh-Hant-HK", test::Stderr::dropped);
  EXPECT_NE(forced.out.find("<article version=\"1\" lang=\"zh-Hant-HK\""), std::string::npos) << forced.out.substr(0, 200);
  auto bad = test::run(bin + " --lang klingon");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("--lang"), std::string::npos) << bad.out;
}
