// shape: text → glyphs. Itemise by script and by font coverage along the chain, then shape each
// run once with HarfBuzz in the text's language (locl), reading half-width punctuation metrics from the face's
// precomputed `halt` table (clreq §3.1.6) instead of shaping a second time.
#include "layout/shape.h"

#include <hb.h>

#include "core/error.h"
#include "core/unicode.h"

namespace paiban {
namespace {

struct Char {
  char32_t cp;
  uint32_t offset;
  int face;              // FontLibrary id
  hb_script_t script;
};

bool is_weak_script(hb_script_t s) {
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

// Characters that belong to the preceding character's glyph cluster: marks, variation selectors,
// joiners. They must stay in the same font run as their base (UAX #29 extend characters).
bool clings_to_previous(char32_t cp, hb_unicode_funcs_t* uf) {
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200C || cp == 0x200D)
    return true;
  switch (hb_unicode_general_category(uf, cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

// Default-ignorable code points (ZWSP, word joiner, soft hyphen, BOM, bidi controls) are drawn as
// nothing by HarfBuzz, so lacking a glyph for them is not a missing character (UAX #44).
bool default_ignorable(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160) ||
         (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 ||
         (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
         (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

// Common/Inherited characters (digits, punctuation, spaces) take the script of the strong
// character before them, or after them at the start (UAX #24 script extensions, simplified).
void resolve_scripts(std::vector<Char>& chars) {
  hb_script_t first = HB_SCRIPT_HAN;
  for (const Char& c : chars) {
    if (!is_weak_script(c.script)) {
      first = c.script;
      break;
    }
  }
  hb_script_t last = first;
  for (Char& c : chars) {
    if (is_weak_script(c.script)) c.script = last;
    else last = c.script;
  }
}

}  // namespace

std::vector<ShapedGlyph> shape(std::string_view text, const FontLibrary& fonts, const FontChain& chain,
                               std::vector<MissingGlyph>* missing, std::string_view lang_tag, Orient orient) {
  std::vector<ShapedGlyph> out;
  if (text.empty()) return out;
  if (chain.faces.empty()) throw Error(ExitCode::internal, "shape: empty font chain");
  if (text.size() > 0x7fffffff) throw input_error("shape: text too long");
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();

  std::vector<Char> chars;
  chars.reserve(text.size() / 2);
  for (size_t i = 0; i < text.size();) {
    uint32_t off = static_cast<uint32_t>(i);
    char32_t cp = next_code_point(text, i);
    int face = -1;
    if (!chars.empty() && clings_to_previous(cp, uf)) {
      face = chars.back().face;
    } else {
      for (int id : chain.faces) {
        if (fonts.face(id).has_glyph(cp)) {
          face = id;
          break;
        }
      }
      if (face < 0) {
        face = chain.faces.front();
        if (missing && !default_ignorable(cp)) missing->push_back({cp, off});
      }
    }
    chars.push_back({cp, off, face, hb_unicode_script(uf, cp)});
  }
  resolve_scripts(chars);

  HbBuffer owner(hb_buffer_create());
  hb_buffer_t* buf = owner.get();
  hb_language_t lang = hb_language_from_string(lang_tag.data(), static_cast<int>(lang_tag.size()));
  out.reserve(chars.size());
  for (size_t a = 0; a < chars.size();) {
    size_t b = a + 1;
    while (b < chars.size() && chars[b].face == chars[a].face && chars[b].script == chars[a].script) ++b;
    uint32_t start = chars[a].offset;
    uint32_t end = b < chars.size() ? chars[b].offset : static_cast<uint32_t>(text.size());
    const FontFace& face = fonts.face(chars[a].face);

    hb_buffer_reset(buf);
    // The whole text is context (for contextual forms at run edges); only [start, end) is shaped.
    hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), start, static_cast<int>(end - start));
    // Left to right or top to bottom, so clusters stay in logical order for the line breaker.
    const bool ttb = orient == Orient::upright;
    hb_buffer_set_direction(buf, ttb ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, chars[a].script);
    hb_buffer_set_language(buf, lang);
    hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>((start == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                                                            (end == text.size() ? HB_BUFFER_FLAG_EOT : 0)));
    // Tate-chu-yoko: two characters in half widths, three in third widths (OpenType hwid, twid).
    const unsigned across_n = orient == Orient::across ? static_cast<unsigned>(b - a) : 0;
    hb_feature_t across{across_n == 2 ? HB_TAG('h', 'w', 'i', 'd') : HB_TAG('t', 'w', 'i', 'd'), 1,
                        HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    hb_shape(face.hb_font.get(), buf, &across, across_n == 2 || across_n == 3 ? 1 : 0);

    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
    const float em = 1.0f / static_cast<float>(face.upem);
    for (unsigned i = 0; i < n; ++i) {
      ShapedGlyph g;
      g.face = chars[a].face;
      g.gid = info[i].codepoint;
      g.cluster = info[i].cluster;
      g.orient = orient;
      if (ttb) {
        // HarfBuzz offsets lead from the pen to the horizontal origin; layout keeps the vertical
        // origin (a PDF Identity-V font draws from it), so only the font's own adjustment stays.
        hb_position_t ox = 0, oy = 0;
        hb_font_get_glyph_v_origin(face.hb_font.get(), g.gid, &ox, &oy);
        g.advance = -pos[i].y_advance * em;
        g.dx = -(pos[i].y_offset + oy) * em;
        g.dy = (pos[i].x_offset + ox) * em;
      } else {
        g.advance = pos[i].x_advance * em;
        g.dx = pos[i].x_offset * em;
        g.dy = pos[i].y_offset * em;
      }
      if (const HaltGlyph* h = ttb ? face.vhal_of(g.gid) : face.halt_of(g.gid)) {
        g.half_advance = h->advance;
        g.half_dx = h->dx;
      } else {
        g.half_advance = g.advance;
        g.half_dx = g.dx;
      }
      out.push_back(g);
    }
    a = b;
  }
  return out;
}

}  // namespace paiban
