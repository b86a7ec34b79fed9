// The development corpus (../shared/corpus/*.jsonl): clean news articles used as truth by
// the benchmarks. It lives beside the project, never in it, so loading it may find nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace paiban::bench {

struct CorpusBlock {
  std::string type;  // "headline", "heading" or "p"
  std::string text;  // normalised: see normalise_truth_text
};

struct CorpusArticle {
  std::string id;
  std::vector<CorpusBlock> blocks;
};

// <shared dir>/corpus/cctv-news-2022-2023.jsonl, the shared dir taken from the environment
// variable PAIBAN_SHARED_DIR, else from the build's PAIBAN_SHARED_DIR definition.
std::string default_corpus_path();

// Reads one JSON object per line, normalises each text (normalise_truth_text) and retypes
// headings the corpus mislabels "p" (see retype_headings). Returns nullopt when the file does not exist (callers skip);
// a file that exists but is malformed throws paiban::Error naming "path:line".
std::optional<std::vector<CorpusArticle>> load_corpus(const std::string& path);

// The corpus text follows no single spacing convention; truth follows the newspaper one, so the
// benchmark never scores an unknowable space: U+3000 and space runs become one ASCII space;
// spaces next to CJK punctuation, between Han and digits/Latin, and at the ends are dropped.
// Spaces between two Han characters (《同心协力 共迎挑战》) and between Latin words stay.
std::string normalise_truth_text(const std::string& text);

// The corpus marks some subheads of news round-ups as "p" ("第二十四届高交会闭幕 1700余项新技术新
//产品首发" followed by its story). A "p" of at most 34 characters with no sentence-final
// punctuation (。？！…), ending in a Han character, digit, Latin letter, %, ”, 》 or ）, and
// followed by another "p" is a heading; otherwise a correct reflow would be scored wrong.
void retype_headings(CorpusArticle& article);

}  // namespace paiban::bench
