// reflow rules, one feature per file of records in tests/data/reflow/*.tests.
//
// Normalisation files (joining, letter-spacing, extraction-spaces, punctuation): the lines of
// one block → its text, and optionally ‖ the repairs reported, e.g.
//   会议,研究⏎工作 → 会议，研究工作 ‖ halfwidth-comma=1
// Structure files (headings, byline, ...): the lines of an article → its outline: blocks as
// kind:src (1-based source lines), «text» when the text matters, section{…} and box{…}:
//   标题⏎⏎□ 本报记者 高茜 → headline:1 byline:3«本报记者 高茜»
#include <gtest/gtest.h>

#include <map>

#include "records.h"
#include "reflow/reflow.h"
#include "reflow/stages.h"

using namespace paiban;

namespace {

std::string src(const LineRange& r) {
  return r.first == r.last ? std::to_string(r.first) : std::to_string(r.first) + "-" + std::to_string(r.last);
}

struct Token {
  std::string head;  // "p:3-4", "section{", "}"
  bool has_text = false;
  std::string text;
};

void tokens_of(const Block& b, std::vector<Token>& out) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    out.push_back({std::string(kind_name(b.kind)) + "{", false, {}});
    for (const auto& c : b.children) tokens_of(c, out);
    out.push_back({"}", false, {}});
    return;
  }
  Token t{std::string(kind_name(b.kind)) + ":" + src(b.src), true, b.text};
  if (b.kind == Kind::heading) {
    t.text.clear();
    for (size_t i = 0; i < b.lines.size(); ++i) t.text += (i ? "⏎" : "") + b.lines[i];
  }
  out.push_back(t);
}

std::vector<Token> parse_outline(const std::string& s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ') { ++i; continue; }
    if (s[i] == '}') { out.push_back({"}", false, {}}); ++i; continue; }
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '{' && s[j] != '}' && s.compare(j, 2, "«") != 0) ++j;
    Token t{s.substr(i, j - i), false, {}};
    if (j < s.size() && s[j] == '{') {
      t.head += "{";
      ++j;
    } else if (s.compare(j, 2, "«") == 0) {
      size_t close = s.find("»", j);
      t.has_text = true;
      t.text = s.substr(j + 2, close == std::string::npos ? std::string::npos : close - j - 2);
      j = close == std::string::npos ? s.size() : close + 2;
    }
    out.push_back(t);
    i = j;
  }
  return out;
}

std::string show(const std::vector<Token>& ts) {
  std::string s;
  for (const auto& t : ts) {
    if (!s.empty() && t.head != "}") s += " ";
    s += t.head;
    if (t.has_text) s += "«" + t.text + "»";
  }
  return s;
}

bool outline_matches(const std::vector<Token>& want, const std::vector<Token>& got) {
  if (want.size() != got.size()) return false;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].head != got[i].head) return false;
    if (want[i].has_text && want[i].text != got[i].text) return false;
  }
  return true;
}

bool is_outline(const std::string& expected) {
  for (const char* k : {"headline:", "subtitle:", "byline:", "heading:", "p:", "section{", "box{"})
    if (expected.rfind(k, 0) == 0) return true;
  return false;
}

std::string repairs_of(const ReflowReport& r) {
  std::string s;
  for (const auto& [k, n] : r.repairs) s += (s.empty() ? "" : " ") + k + "=" + std::to_string(n);
  return s;
}

class ReflowRecords : public ::testing::TestWithParam<std::string> {};

TEST_P(ReflowRecords, Hold) {
  auto records = test::read_records("reflow/" + GetParam() + ".tests");
  ASSERT_FALSE(records.empty());
  for (const auto& r : records) {
    SCOPED_TRACE(r.where);
    auto lines = test::record_lines(r.input);
    if (is_outline(r.expected)) {
      Document d = reflow(lines, "t.txt").doc;
      std::vector<Token> got;
      for (const auto& b : d.blocks) tokens_of(b, got);
      EXPECT_TRUE(outline_matches(parse_outline(r.expected), got))
          << "  input:    " << r.input << "\n  expected: " << r.expected << "\n  got:      " << show(got);
      continue;
    }
    // One block: clean each line, join them, repair.
    auto parts = test::split(r.expected, " ‖ ");
    ReflowReport report;
    std::vector<reflow_stages::Line> clean;
    for (size_t i = 0; i < lines.size(); ++i) clean.push_back(reflow_stages::clean_line(lines[i], int(i) + 1, report));
    std::string text = reflow_stages::join_lines(clean, 0, clean.size(), report);
    EXPECT_EQ(text, parts[0]) << "  input: " << r.input;
    if (parts.size() > 1) {
      EXPECT_EQ(repairs_of(report), parts[1]) << "  input: " << r.input;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Feature, ReflowRecords,
                         ::testing::Values("joining", "letter-spacing", "extraction-spaces", "punctuation",
                                           "top", "byline", "headings", "paragraphs", "boxes", "blank-lines",
                                           "indents"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n) if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
