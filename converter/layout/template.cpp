// template: fills a running header/footer template ("{paper} · {date}", "第{page}版"). A field
// that comes out empty is dropped cleanly, with the text that belongs to it and one separator,
// so an undated article shows no dangling " · " or empty brackets (styles/README.md).
#include <string_view>

#include "core/unicode.h"
#include "layout/flow.h"

namespace paiban::layout {

namespace {

// Marks that separate two fields (not part of either): spaces, middle dots, bars, slashes,
// dashes and list commas.
bool separator_mark(char32_t c) {
  return is_space(c) || std::u32string_view(U"·・•|｜/／—–-~～、,，;；").find(c) != std::u32string_view::npos;
}

bool opening_bracket(char32_t c) { return std::u32string_view(U"（《「『“‘〔【([").find(c) != std::u32string_view::npos; }

struct Between {
  std::string suffix, separator, prefix;  // of the field before, between the two, of the field after
};

// Text between two fields: what precedes the separator marks belongs to the field before ("版"
// in "第{page}版 {date}"), what follows them to the field after; without marks, an opening
// bracket starts the next field's part ("{paper}（{date}）"), else it all separates.
Between split_between(const std::string& lit) {
  std::u32string s = to_u32(lit);
  size_t first = 0;
  while (first < s.size() && !separator_mark(s[first])) ++first;
  Between b;
  if (first == s.size()) {
    size_t open = 0;
    while (open < s.size() && !opening_bracket(s[open])) ++open;
    if (open == s.size()) {
      b.separator = lit;
    } else {
      b.suffix = to_utf8(s.substr(0, open));
      b.prefix = to_utf8(s.substr(open));
    }
    return b;
  }
  size_t last = s.size();
  while (!separator_mark(s[last - 1])) --last;
  b.suffix = to_utf8(s.substr(0, first));
  b.separator = to_utf8(s.substr(first, last - first));
  b.prefix = to_utf8(s.substr(last));
  return b;
}

}  // namespace

std::string fill_template(const std::string& t, const std::function<std::string(const std::string&)>& value) {
  std::vector<std::string> lits{""};  // lits[k]: the text before field k; the last: after the last field
  std::vector<std::string> vals;
  for (size_t i = 0; i < t.size();) {
    size_t open = t.find('{', i);
    if (open == std::string::npos) {
      lits.back() += t.substr(i);
      break;
    }
    lits.back() += t.substr(i, open - i);
    size_t close = t.find('}', open);  // the style loader checked every field is closed
    if (close == std::string::npos) close = t.size();
    vals.push_back(value(t.substr(open + 1, close - open - 1)));
    lits.emplace_back();
    i = close + 1;
  }
  const int n = static_cast<int>(vals.size());
  if (n == 0) return lits.front();
  std::vector<std::string> pre(n), suf(n), sep(n);  // sep[k]: between field k-1 and field k
  pre[0] = lits[0];
  suf[n - 1] = lits[n];
  for (int k = 1; k < n; ++k) {
    Between b = split_between(lits[k]);
    suf[k - 1] = b.suffix;
    sep[k] = b.separator;
    pre[k] = b.prefix;
  }
  std::string out;
  bool any = false;
  for (int k = 0; k < n; ++k) {
    if (vals[k].empty()) continue;  // dropped with its own text and the separator before it
    if (any) out += sep[k];
    out += pre[k] + vals[k] + suf[k];
    any = true;
  }
  return out;  // "" when every field is empty: the slot is left out
}

}  // namespace paiban::layout
