#include "ocr_score.h"

#include <algorithm>
#include <set>

#include "core/unicode.h"

namespace paiban::bench {

namespace {

std::u32string nonspace(const Document& d) {
  std::u32string out;
  for (const auto& b : d.blocks)
    for (char32_t c : to_u32(plain_text(b))) if (!is_space(c)) out += c;
  return out;
}

}  // namespace

Counts score_split(const std::vector<Document>& truth, const std::vector<Document>& pred) {
  std::u32string t, p;
  std::vector<int> t_starts;                 // ascending
  std::vector<std::pair<int, int>> p_spans;  // each predicted article's [begin, end) in p
  for (const auto& a : truth) {
    std::u32string s = nonspace(a);
    if (!s.empty()) t_starts.push_back(static_cast<int>(t.size()));
    t += s;
  }
  for (const auto& a : pred) {
    std::u32string s = nonspace(a);
    if (!s.empty()) p_spans.push_back({static_cast<int>(p.size()), static_cast<int>(p.size() + s.size())});
    p += s;
  }
  Alignment al = align(t, p);
  // A predicted character is inserted when it lands where the next one does (score.h: an
  // insertion lands on the next aligned truth index); a truth character is kept when one lands on it.
  auto inserted = [&](int i) { return al.map[static_cast<size_t>(i)] == al.map[static_cast<size_t>(i) + 1]; };
  std::vector<bool> kept(t.size() + 1, false);
  for (size_t i = 0; i < p.size(); ++i) kept[static_cast<size_t>(al.map[i])] = true;
  Counts c;
  std::set<int> found;
  for (auto [b, e] : p_spans) {
    int i = b;
    while (i < e && inserted(i)) ++i;  // text the truth does not have (a running head) starts nothing
    bool hit = false;
    if (i < e) {
      int m = al.map[static_cast<size_t>(i)];
      auto it = std::upper_bound(t_starts.begin(), t_starts.end(), m);
      if (it != t_starts.begin()) {
        int start = *--it;  // found when every truth character from the headline's start to m was lost
        bool lost = true;
        for (int k = start; k < m && lost; ++k) lost = !kept[static_cast<size_t>(k)];
        hit = lost && found.insert(start).second;
      }
    }
    (hit ? c.tp : c.fp)++;
  }
  c.fn = static_cast<long>(t_starts.size() - found.size());
  return c;
}

TypeAccuracy type_accuracy(const Score& s) {
  TypeAccuracy a;
  for (const auto& [k, n] : s.confusion) {
    if (k.first == "-" || k.second == "-") continue;
    a.matched += n;
    if (k.first == k.second) a.right += n;
  }
  return a;
}

std::vector<Document> articles_of(const Document& d) {
  if (!d.is_pages()) return {d};
  std::vector<Document> out;
  for (const auto& pg : d.pages) out.insert(out.end(), pg.articles.begin(), pg.articles.end());
  return out;
}

}  // namespace paiban::bench
