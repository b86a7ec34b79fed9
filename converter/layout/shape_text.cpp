// shape (layout side): a block's text → glyphs. Runs of Latin letters and digits may take a
// separate Latin face (the style's `latin` role) before the text's own chain; everything else
// is shaped with the text's chain. shape() itself splits runs further by script and coverage.
#include "core/unicode.h"
#include "layout/paragraph.h"

namespace paiban::layout {

namespace {

bool western(char32_t cp) { return is_latin_letter(cp) || is_ascii_digit(cp); }

// ASCII punctuation and spaces between two western characters stay in the western run
// ("3.5", "A-B", "COVID 19"); elsewhere they go with the Chinese text around them.
bool joiner(char32_t cp) { return cp < 0x80 && !western(cp) && cp >= 0x20; }

void append(std::vector<ShapedGlyph>& out, std::vector<ShapedGlyph>&& part, uint32_t offset) {
  for (ShapedGlyph& g : part) {
    g.cluster += offset;
    out.push_back(g);
  }
}

}  // namespace

std::vector<ShapedGlyph> shape_text(std::string_view text, const FontChain& chain, const FontChain* latin,
                                    const FontLibrary& fonts, std::vector<MissingGlyph>* missing,
                                    std::string_view lang, bool vertical) {
  if (vertical) return shape_vertical(text, chain, latin, fonts, missing, lang);
  if (!latin || latin->faces.empty()) return shape(text, fonts, chain, missing, lang);
  FontChain latin_first = *latin;
  for (int f : chain.faces) latin_first.faces.push_back(f);

  // Mark each code point western or not, then let joiners between western characters join.
  std::vector<std::pair<size_t, char32_t>> cps;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    cps.push_back({at, next_code_point(text, i)});
  }
  std::vector<bool> w(cps.size());
  for (size_t k = 0; k < cps.size(); ++k) w[k] = western(cps[k].second);
  for (size_t k = 0; k < cps.size(); ++k) {
    if (!joiner(cps[k].second)) continue;
    size_t a = k, b = k;
    while (b < cps.size() && joiner(cps[b].second)) ++b;
    bool join = a > 0 && w[a - 1] && b < cps.size() && w[b];
    for (size_t x = a; x < b; ++x) w[x] = join;
    k = b - 1;
  }

  std::vector<ShapedGlyph> out;
  out.reserve(text.size() / 2);
  for (size_t k = 0; k < cps.size();) {
    size_t e = k + 1;
    while (e < cps.size() && w[e] == w[k]) ++e;
    size_t begin = cps[k].first;
    size_t end = e < cps.size() ? cps[e].first : text.size();
    size_t first_missing = missing ? missing->size() : 0;
    append(out, shape(text.substr(begin, end - begin), fonts, w[k] ? latin_first : chain, missing, lang),
           static_cast<uint32_t>(begin));
    if (missing)
      for (size_t m = first_missing; m < missing->size(); ++m) (*missing)[m].offset += static_cast<uint32_t>(begin);
    k = e;
  }
  return out;
}

const FontChain* FontChains::find(const std::string& role) const {
  for (auto& [name, chain] : roles)
    if (name == role) return &chain;
  return nullptr;
}

}  // namespace paiban::layout
