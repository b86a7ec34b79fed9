// Simplified or Traditional? Han characters whose form is one or the other, counted over a text,
// decide its language tag (zh-Hans / zh-Hant). The tables are made at build time from ICU's
// Hant-Hans and Hans-Hant transforms (cmake/han_forms_gen.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paiban {

struct HanForms {
  long han = 0;          // Han characters read
  long traditional = 0;  // of them, in a Traditional form (that Hant-Hans changes: 說, 國, 們)
  long simplified = 0;   // of them, in a Simplified form (that Hans-Hant changes: 说, 国, 们)
  HanForms& operator+=(const HanForms& o) {
    han += o.han, traditional += o.traditional, simplified += o.simplified;
    return *this;
  }
};

// Counts the Han characters of UTF-8 `text`, at most `max_han` of them (a long article's start
// says enough). Invalid UTF-8 is skipped.
HanForms count_han_forms(std::string_view text, long max_han = 20000);

// "zh-Hant" when Traditional forms clearly outnumber Simplified ones (most Han characters are
// the same in both, so only the two counts speak), else "zh-Hans", the default.
std::string han_language(const HanForms& forms);

}  // namespace paiban
