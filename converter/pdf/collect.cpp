// collect: which glyphs of which faces a document uses, and the text each glyph stands for,
// gathered page by page as the pages are added.
#include "core/error.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {

void FontCollector::add(const LaidOutPage& page) {
  for (const GlyphRun& run : page.runs) {
    if (run.glyphs.empty()) continue;
    if (run.face < 0 || static_cast<size_t>(run.face) >= fonts_.size()) {
      throw Error(ExitCode::internal, "pdf: a glyph run names face " + std::to_string(run.face) +
                                          ", but the font library has " + std::to_string(fonts_.size()));
    }
    auto [it, fresh] = slot_.emplace(run.face, faces_.size());
    unsigned count = fonts_.face(run.face).glyph_count;
    if (fresh) faces_.push_back(Face{run.face, false, std::vector<bool>(count, false), {}});
    Face& use = faces_[it->second];
    if (run.writing == RunWriting::vertical) use.vertical = true;
    for (const PlacedGlyph& g : run.glyphs) {
      if (g.gid >= count) {
        throw Error(ExitCode::internal, "pdf: glyph " + std::to_string(g.gid) + " is beyond the " +
                                            std::to_string(count) + " glyphs of " + fonts_.face(run.face).path);
      }
      use.used[g.gid] = true;
      if (!g.text.empty()) use.text.emplace(g.gid, g.text);  // first text wins
    }
  }
}

std::vector<FontUse> FontCollector::uses() const {
  std::vector<FontUse> out;
  for (const Face& f : faces_) {
    FontUse use{f.face, f.vertical, {}, f.text};
    for (uint32_t g = 0; g < f.used.size(); ++g)
      if (f.used[g]) use.gids.push_back(g);  // ascending: sorted and unique
    out.push_back(std::move(use));
  }
  return out;
}

}  // namespace paiban::pdf
