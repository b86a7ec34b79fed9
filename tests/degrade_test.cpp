// The benchmark's degrader and scorer (bench/lib): the reflow figures are only as good as these.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/unicode.h"
#include "corpus.h"
#include "degrade.h"
#include "dump.h"
#include "score.h"

using namespace paiban;
using namespace paiban::bench;

namespace {

CorpusArticle sample_article() {
  CorpusArticle a;
  a.id = "t-1";
  a.blocks = {
      {"headline", "为建设美丽幸福吕梁广泛凝心聚力"},
      {"p", "政协事业要发展，党的领导是根本。市政协坚持把党的全面领导贯穿到政协履职的全过程各方面。"},
      {"heading", "坚持党的全面领导 把准方向重落实"},
      {"p", "市委常委会听取政协党组工作汇报，专题研究重大事项7次，全年就重大事项向市委请示报告28次。"},
      {"p", "出台党组2024年工作要点，提出《关于加快发展绿色产业全力守护汾河碧水的建议》等2件建议案。"},
      {"heading", "深化党的创新理论坚定信念强根基"},
      {"p", "思想引领、学习在先。市政协高度重视理论武装，召开党组和主席会议27次、政协常委会议5次。"},
      {"p", "刚刚过去的2024年，是新中国和人民政协成立75周年，是实现“十四五”规划目标任务的关键一年。"},
      {"p", "这一年，市政协深化创新理论武装，传达学习贯彻重要讲话精神26次、67篇；"},
      {"p", "这一年，市政协聚焦中心大局履职，组织重要协商活动34次、开展专题调研13次；"},
  };
  return a;
}

DegradeOptions options(int measure, EmptyLines e) {
  DegradeOptions o;
  o.measure = measure;
  o.box_measure = measure + 8;
  o.empty = e;
  return o;
}

std::vector<const Block*> leaves(const Document& d) {
  std::vector<const Block*> out;
  for (const auto& b : d.blocks) {
    if (b.kind == Kind::section || b.kind == Kind::box) {
      for (const auto& c : b.children) out.push_back(&c);
    } else {
      out.push_back(&b);
    }
  }
  return out;
}

}  // namespace

TEST(Degrade, WrapBreaksOnlyWhereClreqAllowsAndKeepsNumbersWhole) {
  std::u32string t = to_u32("专题研究重大事项7次，全年就重大事项向市委请示报告2024次，确保政协工作始终聚焦中心。");
  for (int units : {12, 15, 20, 31}) {
    auto lines = wrap_column(t, units - 4, units, false);
    std::u32string joined;
    for (size_t k = 0; k < lines.size(); ++k) {
      const auto& l = lines[k].text;
      EXPECT_LE(lines[k].width, k == 0 ? units - 4 : units) << to_utf8(l);
      EXPECT_NE(l.front(), U'，') << "line-start prohibited mark at " << to_utf8(l);
      EXPECT_NE(l.front(), U'。');
      if (k > 0) {
        EXPECT_FALSE(is_ascii_digit(l.front()) && is_ascii_digit(lines[k - 1].text.back()));
      }
      joined += l;
    }
    EXPECT_EQ(joined, t);
  }
}

TEST(Degrade, HangingPunctuationMayPassTheMeasureByOneMark) {
  std::u32string t = to_u32("一二三四五，六七八九十。");  // 5 Han + comma = 12 units
  auto plain = wrap_column(t, 10, 10, false);
  auto hung = wrap_column(t, 10, 10, true);
  EXPECT_EQ(to_utf8(plain[0].text), "一二三四");
  EXPECT_EQ(to_utf8(hung[0].text), "一二三四五，");
  EXPECT_EQ(hung[0].width, 12);
}

TEST(Degrade, TruthMatchesTheColumnTextForEveryPolicy) {
  for (EmptyLines e : {EmptyLines::every, EmptyLines::none, EmptyLines::paragraph}) {
    for (int m : {10, 13, 24, 40}) {
      for (uint64_t seed = 1; seed <= 20; ++seed) {
        DegradeOptions o = random_options(seed, m, m, e);
        Degraded d = degrade(sample_article(), o, seed, "市政协2024年履职工作综述");
        EXPECT_EQ(verify_degraded(d), "") << describe(d);
      }
    }
  }
}

TEST(Degrade, SameSeedSameArticle) {
  DegradeOptions o = random_options(7, 10, 40, EmptyLines::every);
  Degraded a = degrade(sample_article(), o, 7, "x");
  Degraded b = degrade(sample_article(), o, 7, "x");
  Degraded c = degrade(sample_article(), o, 8, "x");
  EXPECT_EQ(a.lines, b.lines);
  EXPECT_EQ(a.truth, b.truth);
  EXPECT_NE(a.lines, c.lines);
}

TEST(Degrade, EmptyLinePolicies) {
  for (EmptyLines e : {EmptyLines::every, EmptyLines::none, EmptyLines::paragraph}) {
    DegradeOptions o = options(14, e);
    o.leading_empty_line = false;
    o.headline_subtitle_adjacent = false;
    Degraded d = degrade(sample_article(), o, 3, "x");
    auto ls = leaves(d.truth);
    for (size_t n = 0; n + 1 < d.lines.size(); ++n) {
      const std::string& cur = d.lines[n];
      if (cur.empty()) continue;
      bool next_empty = d.lines[n + 1].empty();
      bool same_block = false, in_heading = false;
      for (const Block* b : ls) {
        if (b->src.first <= int(n) + 1 && int(n) + 2 <= b->src.last) same_block = true, in_heading = b->kind == Kind::heading;
      }
      bool digit_end = is_ascii_digit(static_cast<unsigned char>(cur.back()));
      switch (e) {
        case EmptyLines::none: EXPECT_FALSE(next_empty) << n; break;
        case EmptyLines::paragraph: EXPECT_EQ(next_empty, !same_block) << n + 1 << ": " << cur; break;
        case EmptyLines::every:
          EXPECT_EQ(next_empty, !digit_end && !in_heading) << n + 1 << ": " << cur;
          break;
      }
    }
  }
}

TEST(Degrade, HeadingsOverEightCharactersPrintOnTwoLines) {
  Degraded d = degrade(sample_article(), options(24, EmptyLines::every), 1, "x");
  std::vector<std::vector<std::string>> headings;
  for (const Block* b : leaves(d.truth)) if (b->kind == Kind::heading) headings.push_back(b->lines);
  ASSERT_EQ(headings.size(), 2u);
  // At the space when there is one (the space is the printed break), else near the middle.
  EXPECT_EQ(headings[0], (std::vector<std::string>{"坚持党的全面领导", "把准方向重落实"}));
  EXPECT_EQ(headings[1], (std::vector<std::string>{"深化党的创新理", "论坚定信念强根基"}));
  // Heading type is larger: in a 10-character column a heading line holds at most 7.
  Degraded narrow = degrade(sample_article(), options(10, EmptyLines::every), 1, "x");
  for (const Block* b : leaves(narrow.truth)) {
    if (b->kind != Kind::heading) continue;
    EXPECT_GE(b->lines.size(), 3u);
    for (const auto& l : b->lines) EXPECT_LE(display_width(l), 14) << l;
  }
}

TEST(Degrade, BylineMarkerPrintedTruthKeepsTheRealSpace) {
  for (uint64_t seed = 1; seed < 30; ++seed) {
    Degraded d = degrade(sample_article(), options(20, EmptyLines::none), seed, "x");
    auto ls = leaves(d.truth);
    ASSERT_EQ(ls[2]->kind, Kind::byline);
    EXPECT_EQ(ls[2]->text.rfind("本报记者 ", 0), 0u);
    const std::string& line = d.lines[ls[2]->src.first - 1];
    EXPECT_TRUE(line.rfind("□", 0) == 0 || line.rfind("口", 0) == 0) << line;
    EXPECT_NE(line.find(ls[2]->text), std::string::npos) << line;
  }
}

TEST(Degrade, BoxIsSetAtTheWiderMeasure) {
  DegradeOptions o = options(12, EmptyLines::none);
  o.box_measure = 30;
  o.extraction_space = 0;
  o.letter_spacing = 0;
  Degraded d = degrade(sample_article(), o, 2, "x");
  const Block& last = d.truth.blocks.back();
  ASSERT_EQ(last.kind, Kind::box);
  ASSERT_GE(last.children.size(), 1u);
  int widest = 0;
  for (int n = last.src.first; n <= last.src.last; ++n) widest = std::max(widest, display_width(d.lines[n - 1]));
  EXPECT_GT(widest, 24);
  EXPECT_LE(widest, 60);
}

TEST(Degrade, ArtefactsAppearWhenAskedFor) {
  DegradeOptions o = options(11, EmptyLines::every);
  o.extraction_space = 1.0;
  o.letter_spacing = 1.0;
  o.real_title_space = 1.0;
  ArtefactCounts sum;
  bool han_digit_space = false;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    Degraded d = degrade(sample_article(), o, seed, "x");
    sum += d.artefacts;
    for (const auto& l : d.lines) han_digit_space |= l.find("事项 7") != std::string::npos;
  }
  EXPECT_GT(sum.extraction_spaces, 0);
  EXPECT_TRUE(han_digit_space);
  EXPECT_GT(sum.letter_spaced_lines, 0);
  EXPECT_GT(sum.real_spaces, 0);  // the byline and 《关于加快发展绿色产业 全力…》
  EXPECT_GT(sum.multi_line_headings, 0);
}

TEST(Corpus, TruthSpacingFollowsTheNewspaperConvention) {
  EXPECT_EQ(normalise_truth_text("团结奋斗， “中国号”"), "团结奋斗，“中国号”");
  EXPECT_EQ(normalise_truth_text("《同心协力 共迎挑战》"), "《同心协力 共迎挑战》");
  EXPECT_EQ(normalise_truth_text("加强耕地保护\u3000抓好"), "加强耕地保护 抓好");
  EXPECT_EQ(normalise_truth_text("闭幕 1700余项 "), "闭幕1700余项");
  EXPECT_EQ(normalise_truth_text("World  Cup"), "World Cup");
}

TEST(Corpus, MislabelledSubheadsBecomeHeadings) {
  CorpusArticle a;
  a.blocks = {{"headline", "国内联播快讯"},
              {"p", "央视网消息（新闻联播）："},
              {"p", "第二十四届高交会闭幕 1700余项新技术新产品首发"},
              {"p", "第二十四届中国国际高新技术成果交易会今天闭幕。"},
              {"p", "大家好！2023年即将到来"},
              {"p", "谢谢"}};
  retype_headings(a);
  EXPECT_EQ(a.blocks[1].type, "p");        // ends in ：
  EXPECT_EQ(a.blocks[2].type, "heading");  // no sentence end, a story follows
  EXPECT_EQ(a.blocks[3].type, "p");
  EXPECT_EQ(a.blocks[4].type, "p");        // has ！
  EXPECT_EQ(a.blocks[5].type, "p");        // last block: nothing follows
}

TEST(Corpus, AbsentFileIsNotAnError) {
  EXPECT_FALSE(load_corpus("/nonexistent/corpus.jsonl").has_value());
}

TEST(Corpus, EveryArticleDegradesSoundly) {
  auto corpus = load_corpus(default_corpus_path());
  if (!corpus) GTEST_SKIP() << "no corpus at " << default_corpus_path();
  ASSERT_GE(corpus->size(), 300u);
  for (size_t i = 0; i < corpus->size(); ++i) {
    EmptyLines e = static_cast<EmptyLines>(i % 3);
    DegradeOptions o = random_options(i, 10, 40, e);
    Degraded d = degrade((*corpus)[i], o, i, "——");
    ASSERT_EQ(verify_degraded(d), "") << describe(d);
  }
}

TEST(Score, PerfectReflowScoresOne) {
  Degraded d = degrade(sample_article(), options(16, EmptyLines::every), 5, "x");
  ScoredArticle s = score_article(d.truth, d.truth);
  EXPECT_EQ(s.score.untyped.fp + s.score.untyped.fn + s.score.typed.fp + s.score.typed.fn, 0);
  EXPECT_EQ(s.score.edits, 0);
  EXPECT_EQ(s.score.edits_spaced, 0);
  EXPECT_DOUBLE_EQ(s.score.untyped.f1(), 1.0);
  EXPECT_TRUE(s.diff.empty());
}

TEST(Score, MergedParagraphIsOneMissedBoundaryAndLostCharactersDoNotShiftTheRest) {
  Document t, p;
  auto para = [](const char* s) { Block b; b.kind = Kind::paragraph; b.text = s; return b; };
  Block h;
  h.kind = Kind::headline;
  h.text = "标题";
  t.blocks = {h, para("第一段。"), para("第二段。"), para("第三段。")};
  // The reflow merges 2 and 3, and drops a character of the first paragraph.
  p.blocks = {h, para("第段。"), para("第二段。第三段。")};
  ScoredArticle s = score_article(t, p);
  EXPECT_EQ(s.score.untyped.tp, 2);
  EXPECT_EQ(s.score.untyped.fn, 1);
  EXPECT_EQ(s.score.untyped.fp, 0);
  EXPECT_EQ(s.score.edits, 1);
  EXPECT_EQ(s.score.chars, 14);
  // Typed: headline at 0 counts too.
  EXPECT_EQ(s.score.typed.tp, 3);
  EXPECT_EQ(s.score.typed.fn, 1);
}

TEST(Score, ABlockWhoseFirstCharactersWereLostStartsWhereTheTruthDoes) {
  Document t, p;
  auto para = [](const char* s) { Block b; b.kind = Kind::paragraph; b.text = s; return b; };
  t.blocks = {para("第一段。"), para("十年间增长。"), para("第三段。")};
  // The engine dropped "十": the break before "年间" is the truth's break before "十年间".
  p.blocks = {para("第一段。"), para("年间增长。"), para("第三段。")};
  ScoredArticle s = score_article(t, p);
  EXPECT_EQ(s.score.untyped.tp, 2);
  EXPECT_EQ(s.score.untyped.fn, 0);
  EXPECT_EQ(s.score.untyped.fp, 0);
  EXPECT_EQ(s.score.edits, 1);
  // A break one character late after text that was kept is still wrong: missed and spurious.
  p.blocks = {para("第一段。十"), para("年间增长。"), para("第三段。")};
  s = score_article(t, p);
  EXPECT_EQ(s.score.untyped.tp, 1);
  EXPECT_EQ(s.score.untyped.fn, 1);
  EXPECT_EQ(s.score.untyped.fp, 1);
}

TEST(Score, SpacesLostAndInventedAreCounted) {
  Document t, p;
  Block b;
  b.kind = Kind::paragraph;
  b.text = "《绿色产业 汾河碧水》重大事项7次";
  t.blocks = {b};
  b.text = "《绿色产业汾河碧水》重大事项 7次";
  p.blocks = {b};
  ScoredArticle s = score_article(t, p);
  EXPECT_EQ(s.score.edits, 0);
  EXPECT_EQ(s.score.lost_spaces, 1);
  EXPECT_EQ(s.score.spurious_spaces, 1);
  EXPECT_EQ(s.score.edits_spaced, 2);
}

TEST(Score, AlignmentIsLevenshtein) {
  EXPECT_EQ(align(U"kitten", U"sitting").distance, 3);
  EXPECT_EQ(align(U"", U"abc").distance, 3);
  EXPECT_EQ(align(U"abc", U"").distance, 3);
  std::u32string a(3000, U'字'), b = a;
  b.insert(1500, 40, U'x');  // beyond the first band: the band must widen
  EXPECT_EQ(align(a, b).distance, 40);
  Alignment m = align(U"abcd", U"abXcd");
  EXPECT_EQ(m.map, (std::vector<int>{0, 1, 2, 2, 3, 4}));
}
