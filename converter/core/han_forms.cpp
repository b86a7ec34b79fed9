#include "core/han_forms.h"

#include <algorithm>
#include <iterator>

#include "core/unicode.h"

namespace paiban {

namespace {

#include "han_forms.inc"

bool in(const char32_t* begin, const char32_t* end, char32_t c) { return std::binary_search(begin, end, c); }

}  // namespace

HanForms count_han_forms(std::string_view text, long max_han) {
  HanForms f;
  size_t at = 0;
  while (at < text.size() && f.han < max_han) {
    const char32_t c = next_code_point(text, at);  // an invalid byte reads as U+FFFD, not Han
    if (!is_han(c)) continue;
    ++f.han;
    f.traditional += in(std::begin(kTraditionalForms), std::end(kTraditionalForms), c);
    f.simplified += in(std::begin(kSimplifiedForms), std::end(kSimplifiedForms), c);
  }
  return f;
}

std::string han_language(const HanForms& f) {
  // Three Traditional forms at the least and twice the Simplified ones: a Simplified article
  // quoting one old name (臺灣) stays zh-Hans, and so does a text with no telling character.
  return f.traditional >= 3 && f.traditional > 2 * f.simplified ? "zh-Hant" : "zh-Hans";
}

}  // namespace paiban
