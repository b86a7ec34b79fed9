// The `halt` table of a face: half-width advances of full-width punctuation, computed once at
// load so shaping needs no second pass and the table is immutable (shared by threads).
// clreq §3.1.6 https://www.w3.org/TR/clreq/#punctuation_width_adjustment ; OpenType `halt`.
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>

#include "font/fonts.h"
#include "font/font_file.h"

namespace paiban {
namespace {

bool is_punctuation(hb_unicode_general_category_t gc) {
  switch (gc) {
    case HB_UNICODE_GENERAL_CATEGORY_CONNECT_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_DASH_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

// Where CJK punctuation lives: Latin-1 (·), General Punctuation (“”‘’—…), CJK Symbols and
// Punctuation (、。《》「」), vertical forms, CJK compatibility forms, full-width forms (，！：；？（）).
constexpr std::pair<char32_t, char32_t> kRanges[] = {
    {0x00B7, 0x00B7}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x2E3A, 0x2E3B}, {0x3000, 0x303F},
    {0x30FB, 0x30FB}, {0xFE10, 0xFE19}, {0xFE30, 0xFE4F}, {0xFF01, 0xFF65},
};

void shape(hb_font_t* font, hb_buffer_t* buf, const std::vector<char32_t>& cps, bool halt, bool vertical) {
  hb_buffer_clear_contents(buf);
  for (size_t i = 0; i < cps.size(); ++i) hb_buffer_add(buf, cps[i], static_cast<unsigned>(i));
  hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
  hb_buffer_set_direction(buf, vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
  hb_feature_t f{vertical ? HB_TAG('v', 'h', 'a', 'l') : HB_TAG('h', 'a', 'l', 't'), 1, HB_FEATURE_GLOBAL_START,
                 HB_FEATURE_GLOBAL_END};
  hb_shape(font, buf, halt ? &f : nullptr, halt ? 1 : 0);
}

// A face without `halt` (LXGW WenKai): derive half widths from where a full-width mark's ink
// sits in its em box, as clreq describes the marks: ink in the left half (，。、) keeps dx 0, ink
// in the right half (“（《) moves left by ½ em, centred ink (·：) by ¼ em; marks wider than
// half an em (—…) are left alone.
std::vector<HaltGlyph> synthesize(hb_font_t* font, const hb_glyph_info_t* g, const hb_glyph_position_t* p,
                                  unsigned n, int upem) {
  std::vector<HaltGlyph> out;
  const hb_position_t half = upem / 2, quarter = upem / 4, tol = upem / 50;
  for (unsigned i = 0; i < n; ++i) {
    hb_glyph_extents_t e;
    if (g[i].codepoint == 0 || p[i].x_advance != upem || !hb_font_get_glyph_extents(font, g[i].codepoint, &e))
      continue;
    if (e.width <= 0) continue;
    hb_position_t left = e.x_bearing, right = e.x_bearing + e.width;
    if (right <= half + tol && left >= -tol) out.push_back({g[i].codepoint, 0.5f, 0.0f});
    else if (left >= half - tol && right <= upem + tol) out.push_back({g[i].codepoint, 0.5f, -0.5f});
    else if (left >= quarter - tol && right <= upem - quarter + tol) out.push_back({g[i].codepoint, 0.5f, -0.25f});
  }
  return out;
}

}  // namespace

std::vector<HaltGlyph> build_halt_table(hb_font_t* font, int upem, bool vertical) {
  std::vector<HaltGlyph> out;
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::vector<char32_t> cps;
  for (auto [lo, hi] : kRanges) {
    for (char32_t c = lo; c <= hi; ++c) {
      hb_codepoint_t g;
      if (is_punctuation(hb_unicode_general_category(uf, c)) && hb_font_get_nominal_glyph(font, c, &g))
        cps.push_back(c);
    }
  }
  if (cps.empty()) return out;
  // One character per buffer pass is not needed: `halt` is a single adjustment (no context), so
  // shaping the list once with and once without it gives each glyph's half-width metrics.
  HbBuffer plain(hb_buffer_create());
  HbBuffer half(hb_buffer_create());
  shape(font, plain.get(), cps, false, vertical);
  shape(font, half.get(), cps, true, vertical);
  unsigned n1 = 0, n2 = 0;
  hb_glyph_info_t* g1 = hb_buffer_get_glyph_infos(plain.get(), &n1);
  hb_glyph_position_t* p1 = hb_buffer_get_glyph_positions(plain.get(), nullptr);
  hb_glyph_info_t* g2 = hb_buffer_get_glyph_infos(half.get(), &n2);
  hb_glyph_position_t* p2 = hb_buffer_get_glyph_positions(half.get(), nullptr);
  float em = static_cast<float>(upem);
  if (n1 == n2) {
    for (unsigned i = 0; i < n1; ++i) {
      if (g1[i].codepoint != g2[i].codepoint || g2[i].codepoint == 0) continue;
      if (p1[i].x_advance == p2[i].x_advance && p1[i].x_offset == p2[i].x_offset &&
          p1[i].y_advance == p2[i].y_advance && p1[i].y_offset == p2[i].y_offset)
        continue;
      // Vertical: along the column, downwards (y grows upwards in the font).
      if (vertical) out.push_back({g2[i].codepoint, -p2[i].y_advance / em, -(p2[i].y_offset - p1[i].y_offset) / em});
      else out.push_back({g2[i].codepoint, p2[i].x_advance / em, p2[i].x_offset / em});
    }
  }
  if (out.empty() && !vertical) out = synthesize(font, g1, p1, n1, upem);
  std::sort(out.begin(), out.end(), [](const HaltGlyph& a, const HaltGlyph& b) { return a.gid < b.gid; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const HaltGlyph& a, const HaltGlyph& b) { return a.gid == b.gid; }),
            out.end());
  return out;
}

}  // namespace paiban
