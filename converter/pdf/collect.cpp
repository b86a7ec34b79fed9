// collect: which glyphs of which faces a document uses, and the text each glyph stands for.
#include <algorithm>

#include "core/error.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {

std::vector<FontUse> collect_fonts(const LaidOutDocument& doc, const FontLibrary& fonts) {
  std::vector<FontUse> uses;
  std::unordered_map<int, size_t> slot;  // face → index in uses
  for (const LaidOutPage& page : doc.pages) {
    for (const GlyphRun& run : page.runs) {
      if (run.glyphs.empty()) continue;
      if (run.face < 0 || static_cast<size_t>(run.face) >= fonts.size()) {
        throw Error(ExitCode::internal, "pdf: a glyph run names face " + std::to_string(run.face) +
                                            ", but the font library has " + std::to_string(fonts.size()));
      }
      auto [it, fresh] = slot.emplace(run.face, uses.size());
      if (fresh) uses.push_back(FontUse{run.face, {}, {}});
      FontUse& use = uses[it->second];
      unsigned count = fonts.face(run.face).glyph_count;
      for (const PlacedGlyph& g : run.glyphs) {
        if (g.gid >= count) {
          throw Error(ExitCode::internal, "pdf: glyph " + std::to_string(g.gid) + " is beyond the " +
                                              std::to_string(count) + " glyphs of " + fonts.face(run.face).path);
        }
        use.gids.push_back(g.gid);
        if (!g.text.empty()) use.text.emplace(g.gid, g.text);  // first text wins
      }
    }
  }
  for (FontUse& use : uses) {
    std::sort(use.gids.begin(), use.gids.end());
    use.gids.erase(std::unique(use.gids.begin(), use.gids.end()), use.gids.end());
  }
  return uses;
}

}  // namespace paiban::pdf
