// pack: a laid-out page → what the PDF keeps of it until it is saved: size, rules, the faces its
// text uses, and the text itself as a deflated content stream (content.cpp), so the page's placed
// glyphs can be let go at once.
#include <algorithm>

#include "core/error.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {
namespace {

void check_size(const LaidOutPage& lp, size_t number) {
  // libharu accepts 3..14400 pt (PDF 32000-1 Annex C.2 limits); anything else is a layout bug.
  if (!(lp.width >= 3 && lp.width <= 14400 && lp.height >= 3 && lp.height <= 14400) ||
      !(lp.bleed >= 0 && 2 * lp.bleed < std::min(lp.width, lp.height))) {
    throw Error(ExitCode::internal, "pdf: page " + std::to_string(number) + " has an impossible size (" +
                                        std::to_string(lp.width) + " x " + std::to_string(lp.height) +
                                        " pt, bleed " + std::to_string(lp.bleed) + ")");
  }
}

}  // namespace

std::string local_font_name(size_t k) { return "F" + std::to_string(k + 1); }

PackedPage pack_page(const LaidOutPage& lp, size_t number, const FontLibrary& fonts,
                     std::map<int, GlyphCodes>& codes) {
  check_size(lp, number);
  PackedPage pp;
  pp.width = lp.width;
  pp.height = lp.height;
  pp.bleed = lp.bleed;
  pp.rules = lp.rules;
  pp.images = lp.images;
  std::map<int, std::string> resource;
  bool wait = false;
  for (const GlyphRun& run : lp.runs) {
    if (run.glyphs.empty() || resource.count(font_key(run))) continue;
    resource[font_key(run)] = local_font_name(pp.faces.size());
    pp.faces.push_back(font_key(run));
    wait = wait || !codes_before_subset(fonts.face(run.face));
  }
  if (pp.faces.empty()) return pp;
  if (wait) {
    pp.held = std::make_unique<LaidOutPage>(lp);
    return pp;
  }
  std::map<int, const GlyphCodes*> by_face;
  for (const GlyphRun& run : lp.runs) {
    if (run.glyphs.empty()) continue;
    GlyphCodes& face_codes = codes[run.face];
    by_face[run.face] = &face_codes;
    for (const PlacedGlyph& g : run.glyphs)
      if (!face_codes.count(g.gid)) face_codes.emplace(g.gid, glyph_code(fonts.face(run.face), g.gid));
  }
  pp.text = deflate_bytes(page_text(lp, by_face, resource));
  if (pp.text.empty()) throw Error(ExitCode::internal, "pdf: cannot compress the text of page " + std::to_string(number));
  pp.text.shrink_to_fit();  // deflate_bytes sized it for the worst case
  return pp;
}

}  // namespace paiban::pdf
