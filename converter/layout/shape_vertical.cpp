// shape (layout side, vertical-rl): a block's text → glyphs for a column read top to bottom.
// Each character's orientation comes from UAX #50 (Vertical_Orientation, through ICU): upright
// characters (Han, kana, CJK marks, whose `vert` forms HarfBuzz picks) are shaped top to bottom;
// rotated ones (Latin words, Western punctuation) left to right and turned 90° clockwise when
// drawn. Short numbers and acronyms are set across the column (tate-chu-yoko), as clreq
// §3.3.3 asks (https://www.w3.org/TR/clreq/#handling_of_western_text_in_vertical_writing_mode):
// core/clreq.h says which.
#include <unicode/uchar.h>

#include <algorithm>

#include "core/clreq.h"
#include "core/unicode.h"
#include "layout/paragraph.h"

namespace paiban::layout {

namespace {

bool upright(char32_t cp) {
  int vo = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_VERTICAL_ORIENTATION);
  return vo == U_VO_UPRIGHT || vo == U_VO_TRANSFORMED_UPRIGHT || vo == U_VO_TRANSFORMED_ROTATED;
}

struct Cp {
  size_t at;
  char32_t cp;
  Orient orient;
};

// Marks runs of characters that clreq sets across the column.
void mark_across(std::vector<Cp>& cps) {
  for (size_t k = 0; k < cps.size();) {
    size_t e = k;
    while (e < cps.size() && clreq::across_char(cps[e].cp)) ++e;
    if (e == k) {
      ++k;
      continue;
    }
    std::u32string run;
    for (size_t x = k; x < e; ++x) run.push_back(cps[x].cp);
    char32_t before = k > 0 ? cps[k - 1].cp : 0, after = e < cps.size() ? cps[e].cp : 0;
    if (clreq::sets_across(run, before, after))
      for (size_t x = k; x < e; ++x) cps[x].orient = Orient::across;
    k = e;
  }
}

void append(std::vector<ShapedGlyph>& out, std::vector<ShapedGlyph>&& part, uint32_t offset) {
  for (ShapedGlyph& g : part) {
    g.cluster += offset;
    out.push_back(g);
  }
}

// A tate-chu-yoko group as one cluster one em long: its glyphs side by side, centred across the
// column, on a baseline the face's ascender below the em box top; a group wider than an em after
// hwid/twid (a face without them, three wide letters) is condensed to one em (clreq: at most 1 em).
void set_across(std::vector<ShapedGlyph>& gs, const FontLibrary& fonts) {
  float w = 0;
  for (const ShapedGlyph& g : gs) w += g.advance;
  if (gs.empty() || w <= 0) return;
  const float scale = std::min(1.0f, clreq::kAcrossMaxEm / w);
  float pen = -w * scale / 2;
  for (size_t k = 0; k < gs.size(); ++k) {
    ShapedGlyph& g = gs[k];
    float ascent = fonts.face(g.face).ascender;
    float across = pen + g.dx * scale;
    g.dx = ascent - g.dy - (k > 0 ? 1.0f : 0.0f);  // after the first glyph the pen is an em down
    g.dy = across;
    pen += g.advance * scale;
    g.advance = k == 0 ? 1.0f : 0.0f;
    g.cluster = gs.front().cluster;
    g.half_advance = g.advance;
    g.half_dx = g.dx;
    g.scale = scale;
  }
}

}  // namespace

std::vector<ShapedGlyph> shape_vertical(std::string_view text, const FontChain& chain, const FontChain* latin,
                                        const FontLibrary& fonts, std::vector<MissingGlyph>* missing,
                                        std::string_view lang) {
  FontChain latin_first;
  if (latin) latin_first = *latin;
  for (int f : chain.faces) latin_first.faces.push_back(f);

  std::vector<Cp> cps;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t cp = next_code_point(text, i);
    cps.push_back({at, cp, upright(cp) ? Orient::upright : Orient::sideways});
  }
  mark_across(cps);

  std::vector<ShapedGlyph> out;
  out.reserve(text.size() / 2);
  for (size_t k = 0; k < cps.size();) {
    size_t e = k + 1;
    while (e < cps.size() && cps[e].orient == cps[k].orient) ++e;
    size_t begin = cps[k].at;
    size_t end = e < cps.size() ? cps[e].at : text.size();
    std::string_view part = text.substr(begin, end - begin);
    size_t first_missing = missing ? missing->size() : 0;
    Orient o = cps[k].orient;
    const FontChain& faces = o == Orient::upright ? chain : latin_first;
    auto glyphs = shape(part, fonts, faces, missing, lang, o);
    if (o == Orient::across) set_across(glyphs, fonts);
    append(out, std::move(glyphs), static_cast<uint32_t>(begin));
    if (missing)
      for (size_t m = first_missing; m < missing->size(); ++m) (*missing)[m].offset += static_cast<uint32_t>(begin);
    k = e;
  }
  return out;
}

}  // namespace paiban::layout
