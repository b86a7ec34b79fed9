#include "corpus.h"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/unicode.h"

namespace paiban::bench {

std::string default_corpus_path() {
  const char* env = std::getenv("PAIBAN_SHARED_DIR");
  std::string dir = env && *env ? env : "";
#ifdef PAIBAN_SHARED_DIR
  if (dir.empty()) dir = PAIBAN_SHARED_DIR;
#endif
  if (dir.empty()) dir = "../shared";
  return dir + "/corpus/cctv-news-2022-2023.jsonl";
}

namespace {

// A space survives only between two characters that both keep spaces in running text.
bool keeps_space(char32_t cp) { return is_han(cp) || is_latin_letter(cp) || is_ascii_digit(cp); }

}  // namespace

std::string normalise_truth_text(const std::string& text) {
  std::u32string in = to_u32(text), out;
  for (size_t i = 0; i < in.size();) {
    if (!is_space(in[i])) { out += in[i++]; continue; }
    size_t j = i;
    while (j < in.size() && is_space(in[j])) ++j;
    bool keep = false;
    if (i > 0 && j < in.size() && keeps_space(in[i - 1]) && keeps_space(in[j])) {
      bool han_a = is_han(in[i - 1]), han_b = is_han(in[j]);
      keep = han_a == han_b;  // Han–Han or Latin/digit–Latin/digit; never Han–Latin (extraction-like)
    }
    if (keep) out += U' ';
    i = j;
  }
  return to_utf8(out);
}

void retype_headings(CorpusArticle& a) {
  for (size_t i = 0; i + 1 < a.blocks.size(); ++i) {
    CorpusBlock& b = a.blocks[i];
    if (b.type != "p" || a.blocks[i + 1].type != "p") continue;
    std::u32string t = to_u32(b.text);
    if (t.empty() || t.size() > 34) continue;
    bool sentence = false;
    for (char32_t c : t) sentence |= c == U'。' || c == U'？' || c == U'！' || c == U'…' || c == U'?' || c == U'!';
    char32_t last = t.back();
    bool heading_end = is_han(last) || is_ascii_digit(last) || is_latin_letter(last) || last == U'%' ||
                       last == U'”' || last == U'》' || last == U'）';
    if (!sentence && heading_end) b.type = "heading";
  }
}

std::optional<std::vector<CorpusArticle>> load_corpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<CorpusArticle> out;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto j = nlohmann::json::parse(line);
      CorpusArticle a;
      a.id = j.at("id").get<std::string>();
      for (const auto& b : j.at("blocks")) {
        CorpusBlock cb{b.at("type").get<std::string>(), normalise_truth_text(b.at("text").get<std::string>())};
        if (cb.type != "headline" && cb.type != "heading" && cb.type != "p")
          throw std::runtime_error("unknown block type \"" + cb.type + "\"");
        if (!cb.text.empty()) a.blocks.push_back(std::move(cb));
      }
      retype_headings(a);
      out.push_back(std::move(a));
    } catch (const std::exception& e) {
      throw Error(ExitCode::input, path + ":" + std::to_string(lineno) + ": " + e.what(),
                  "the corpus must hold one JSON object {id, blocks:[{type,text}]} per line");
    }
  }
  return out;
}

}  // namespace paiban::bench
