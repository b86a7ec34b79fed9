// shape: text → glyphs with HarfBuzz, split into runs by script and by font coverage along a
// fallback chain; each run shaped once. CONTRACT between font work and layout work.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "font/fonts.h"

namespace paiban {

// How a glyph stands in its line. Horizontal text is all `horizontal`; vertical text (DESIGN §7)
// shapes Han and CJK marks top to bottom with `vert` (`upright`), Latin words left to right
// turned 90° clockwise (`sideways`), and short numbers across the column (`across`,
// tate-chu-yoko), each as clreq §3.3 (https://www.w3.org/TR/clreq/#mixed_text_composition_in_vertical_writing_mode) says.
enum class Orient : uint8_t { horizontal, upright, sideways, across };

struct ShapedGlyph {
  int face = 0;          // FontLibrary index
  uint32_t gid = 0;      // original glyph id (0 = .notdef: reported as missing)
  uint32_t cluster = 0;  // byte offset in the shaped text where this glyph's cluster starts
  float advance = 0;     // in em (multiply by the font size); inline direction
  // Offsets in em: dx along the inline direction, dy across it (horizontal: up; upright and
  // across: to the right, against the block direction of vertical-rl). An upright glyph's
  // position is its vertical origin (top centre, OpenType VORG/vmtx), where a PDF Identity-V
  // font places it (/W2).
  float dx = 0, dy = 0;
  Orient orient = Orient::horizontal;
  float scale = 1;       // horizontal scale of the glyph as drawn (across groups squeezed to 1 em)
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
// `orient`: `upright` shapes top to bottom (HB_DIRECTION_TTB: vert/vrt2, vertical metrics, the
// `vhal` half forms); `sideways` and `across` shape left to right and only mark the glyphs
// (across with `hwid` for two characters and `twid` for three, so the group takes one em).
std::vector<ShapedGlyph> shape(std::string_view text, const FontLibrary& fonts, const FontChain& chain,
                               std::vector<MissingGlyph>* missing, std::string_view lang = "zh-Hans",
                               Orient orient = Orient::horizontal);

}  // namespace paiban
