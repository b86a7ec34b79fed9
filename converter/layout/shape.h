// shape: text → glyphs with HarfBuzz, split into runs by script and by font coverage along a
// fallback chain; each run shaped once. CONTRACT between font work and layout work.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "font/fonts.h"

namespace paiban {

struct ShapedGlyph {
  int face = 0;          // FontLibrary index
  uint32_t gid = 0;      // original glyph id (0 = .notdef: reported as missing)
  uint32_t cluster = 0;  // byte offset in the shaped text where this glyph's cluster starts
  float advance = 0;     // in em (multiply by the font size); inline direction
  float dx = 0, dy = 0;  // offsets in em
  // Half-width form from the font's `halt` feature (clreq punctuation compression). Equal to
  // advance/dx for glyphs the feature does not change.
  float half_advance = 0, half_dx = 0;
};

struct MissingGlyph {
  char32_t cp;
  uint32_t offset;  // byte offset in the text
};

// Shapes `text` (horizontal) with the chain, in language `lang` (BCP 47: the face's locl forms).
// Characters no face has get gid 0 from the first face and are appended to `missing` (never
// silently dropped).
std::vector<ShapedGlyph> shape(std::string_view text, const FontLibrary& fonts, const FontChain& chain,
                               std::vector<MissingGlyph>* missing, std::string_view lang = "zh-Hans");

}  // namespace paiban
