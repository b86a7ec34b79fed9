// What reflow must keep, read the same way by tests/reflow_invariants_test.cpp and
// fuzz/decode_reflow_fuzz.cpp: an oracle written apart from reflow's own repair rules.
#pragma once

#include <string>
#include <string_view>

#include "core/unicode.h"

namespace paiban::test {

// Non-space characters, with OCR look-alikes read as the full-width marks reflow repairs them to,
// and the code points a CJK font's shared glyph is named by in a PDF (⋯ for …, ・ for ·).
inline std::u32string canonical(std::string_view s) {
  std::u32string out;
  for (char32_t c : to_u32(s)) {
    if (is_space(c)) continue;
    switch (c) {
      case U',': c = U'，'; break;
      case U':': c = U'：'; break;
      case U';': c = U'；'; break;
      case U'?': c = U'？'; break;
      case U'!': c = U'！'; break;
      case U'(': c = U'（'; break;
      case U')': c = U'）'; break;
      case U'⋯': c = U'…'; break;
      case U'・': c = U'·'; break;
      default: break;
    }
    out += c;
  }
  return out;
}

}  // namespace paiban::test
