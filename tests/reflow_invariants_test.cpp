// reflow invariants on arbitrary input: it never crashes, never loses or invents a character
// (only spaces, a byline's marker, a typesetter's hyphen and OCR look-alike marks change), and
// every block's src range lies inside the input, in order — but for page text read across its
// columns (reflow_stages::unweave), set back column by column: the same characters, reordered.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/unicode.h"
#include "reflow/reflow.h"
#include "reflow/stages.h"
#include "reflow_oracle.h"

using namespace paiban;

namespace {

using test::canonical;

void collect(const Block& b, std::string& text, std::vector<LineRange>& ranges) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    for (const auto& c : b.children) collect(c, text, ranges);
    return;
  }
  text += plain_text(b);
  ranges.push_back(b.src);
}

// Random column text from pieces real input is made of (no byline markers, no hyphens: those
// are the characters reflow may rightly drop).
std::vector<std::string> random_lines(std::mt19937& rng) {
  static const char* const pieces[] = {
      "政协", "事业", "要发展", "，", "。", "、", "；", "：", "？", "！", "“", "”", "《", "》", "（", "）",
      "2024", "年", "99.4%", " ", "  ", "　", "APEC", "the ", "Road", ",", ":", ";", "?", "!", "(", ")",
      "——", "……", "重 点 产 业", "本报记者", "高茜", "3.5", "万元", "\t", "·", "\xEF\xBF\xBD"};
  const size_t n_pieces = sizeof pieces / sizeof pieces[0];
  std::vector<std::string> lines(rng() % 40);
  for (auto& l : lines) {
    unsigned k = rng() % 4 == 0 ? 0 : rng() % 14;  // a quarter of the lines empty
    for (unsigned j = 0; j < k; ++j) l += pieces[rng() % n_pieces];
  }
  return lines;
}

// True when the input was page text read across columns.
bool check(const std::vector<std::string>& lines) {
  ReflowResult r = reflow(lines, "x.txt");
  std::string in, out;
  for (const auto& l : lines) in += l;
  std::vector<LineRange> ranges;
  for (const auto& b : r.doc.blocks) collect(b, out, ranges);
  for (const auto& p : r.doc.pages)  // the text of a page holding several articles
    for (const auto& a : p.articles)
      for (const auto& b : a.blocks) collect(b, out, ranges);
  std::vector<int> origin;
  ReflowReport unwoven;
  reflow_stages::unweave(lines, origin, unwoven);
  const bool woven = !origin.empty();
  std::u32string want = canonical(in), got = canonical(out);
  if (woven) {  // a column rule's bar goes; every other character stays, in another order
    want.erase(std::remove(want.begin(), want.end(), U'|'), want.end());  // bars outside woven blocks stay
    got.erase(std::remove(got.begin(), got.end(), U'|'), got.end());
    std::sort(want.begin(), want.end()), std::sort(got.begin(), got.end());
  }
  EXPECT_EQ(to_utf8(got), to_utf8(want));
  int last = 0;
  for (const auto& s : ranges) {
    if (!woven) {
      EXPECT_GT(s.first, last);
    }
    EXPECT_GE(s.first, 1);
    EXPECT_LE(s.first, s.last);
    EXPECT_LE(s.last, static_cast<int>(lines.size()));
    last = s.last;
  }
  return woven;
}

}  // namespace

TEST(ReflowInvariants, RandomColumnTextKeepsEveryCharacter) {
  std::mt19937 rng(20240601);  // std::mt19937's sequence is fixed by the standard
  int woven = 0;
  for (int i = 0; i < 2000; ++i) {
    auto lines = random_lines(rng);
    SCOPED_TRACE("case " + std::to_string(i));
    woven += check(lines);
    if (HasFailure()) {
      for (size_t k = 0; k < lines.size(); ++k) ADD_FAILURE() << k + 1 << "|" << lines[k];
      break;
    }
  }
  EXPECT_GT(woven, 0);  // the unwoven branch was exercised
}

TEST(ReflowInvariants, DegenerateInputs) {
  check({});
  check({""});
  check({"", "  ", "\t", "　"});
  check({"。"});
  check({"□"});
  check({"——"});
  check({std::string(200000, 'a')});
  std::string han;
  for (int i = 0; i < 50000; ++i) han += "政";
  check({han, han, "。"});
  check(std::vector<std::string>(5000, "政协事业要发展，党的领导是根本。"));
  check({"\xFF\xFE\x80", "政\x80协"});  // invalid UTF-8 reads as U+FFFD, never crashes
}

// Page text hostile to the unweaving: rows of a hundred thousand pieces (no columns), and rows
// of nine columns whose lines hold fewer pieces, each wider than any column (split at every
// space). Reflow ends (linear work) and keeps every character.
TEST(ReflowInvariants, HostileWovenText) {
  std::string wide, nine, fewer;
  for (int i = 0; i < 100000; ++i) wide += "中 | ";
  for (int i = 0; i < 9; ++i) nine += "政协事业要发展  ";
  for (int i = 0; i < 20000; ++i) fewer += "政协 ";
  check({wide, wide, wide});
  check({nine, nine, nine, fewer, nine, nine});
}
