// Test helper: deterministic "shaping" with textbook metrics (no fonts needed), so line-breaking
// tests state widths in em: Han and full-width marks 1 em, marks' `halt` half form ½ em (blank on
// the right, or on the left for opening brackets as in zh-Hans fonts), Latin letters and digits
// ½ em, space ¼ em.
#pragma once

#include <string>
#include <vector>

#include "core/clreq.h"
#include "core/unicode.h"
#include "layout/shape.h"

namespace paiban::testutil {

inline std::vector<ShapedGlyph> fake_shape(const std::string& text) {
  std::vector<ShapedGlyph> out;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t cp = next_code_point(text, i);
    ShapedGlyph g;
    g.face = 0;
    g.gid = cp;  // stands in for a glyph id
    g.cluster = static_cast<uint32_t>(at);
    g.advance = cp == U' ' ? 0.25f : clreq::is_fullwidth(cp) ? 1.0f : 0.5f;
    g.half_advance = g.advance;
    if (clreq::is_fullwidth(cp) && clreq::is_adjustable_mark(cp)) {
      g.half_advance = 0.5f;
      if (clreq::is_opening(cp)) g.half_dx = -0.5f;
      if (clreq::is_interpunct(cp)) g.half_dx = -0.25f;
    }
    out.push_back(g);
  }
  return out;
}

}  // namespace paiban::testutil
