// layer: a PDF text layer's words (poppler's, in its order) → lines → regions of the OCR page
// model. Glyph boxes are exact, so lines and columns are found from positions alone.
#include <algorithm>
#include <cmath>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

void extend(BBox& a, const BBox& b) {
  a.x0 = std::min(a.x0, b.x0), a.y0 = std::min(a.y0, b.y0);
  a.x1 = std::max(a.x1, b.x1), a.y1 = std::max(a.y1, b.y1);
}

// Whether a text ends in a mark that may hang past the measure at a line's end: in Simplified
// Chinese any pause or stop mark (https://www.w3.org/TR/clreq/#hanging_punctuation_marks_at_line_end);
// its em box reaches half an em into the gutter.
bool ends_hanging(const std::string& s) {
  size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0) return false;
  const std::string_view last(s.data() + i - 1, s.size() - i + 1);
  for (const char* m : {"、", "，", "。", "．", "；", "：", "！", "？"})
    if (last == m) return true;
  return false;
}

// Words continue a line when they sit on it (half their height overlaps) just right of its end,
// closer than a gutter: a text layer's glyph boxes are exact, and inside a set line no gap
// reaches an em (justification spreads Han text by fractions of one; a Latin space is ~¼ em),
// while the gutter between columns is an em or more — less the half em a hanging mark takes.
// Type of another size (over 15 % apart) continues a line only touching it (a run set larger
// inside the line): two articles' headlines side by side, in two sizes, stand apart by less
// than an em of the larger (fresh21 p001: 41.6 and 33.8 pt, 29 pt apart).
bool continues(const ocr::Line& l, const LayerWord& g) {
  // A column set vertically (poppler gives it as one word, its box twice as tall as wide or more)
  // continues no line beside it: its neighbour is the next column, read after it or before it
  // (v001 of the vertical set: a paragraph's first column, set in by its indent, came after the
  // column on its left in poppler's order and was read as that column's end).
  auto upright = [](const BBox& b, const std::string& t) {
    size_t n = 0;
    each_code_point(t, [&](char32_t) { ++n; });
    return n >= 2 && b.height() >= 2 * b.width();
  };
  if (upright(g.box, g.text) || (l.words.size() == 1 && upright(l.box, l.words.front().text))) return false;
  int overlap = std::min(l.box.y1, g.box.y1) - std::max(l.box.y0, g.box.y0);
  int shorter = std::min(l.box.height(), g.box.height());
  const double em = std::max(l.size, g.size), small = std::min(l.size, g.size);
  double gap = g.box.x0 - l.box.x1;
  if (!l.words.empty() && ends_hanging(l.words.back().text)) gap += 0.5 * em;
  const double reach = em > small * 1.15 ? 0.25 * small : 0.9 * em;
  // Marks set side by side are compressed to half an em each (clreq §3.1.6, "》）。"): a glyph box a
  // full em wide then starts half an em inside the one before (fresh24 p006, printed by Chromium).
  return overlap * 2 >= shorter && gap > -0.75 * l.size && gap < reach;
}

// Poppler reports "no space after" at the end of a column's line too: a word is glued to the
// last one only when it touches it.
bool touches(const ocr::Line& l, const LayerWord& g) { return g.box.x0 - l.box.x1 < 0.3 * std::max(l.size, g.size); }

// A line continues a region (a column's run of one type size) when it sits a line's height below
// the region's last line, at the same size, and starts near the region's left edge or (a centred
// headline's second line) lies within the region's width.
bool continues(const ocr::Region& r, const ocr::Line& l) {
  const ocr::Line& last = r.lines.back();
  double gap = l.box.y0 - last.box.y1;
  if (!(gap > -0.5 * l.size && gap < 1.0 * l.size && std::abs(l.size - last.size) < 0.15 * last.size)) return false;
  const bool aligned = std::abs(l.box.x0 - r.box.x0) < 3 * l.size;
  const bool within = l.box.x0 >= r.box.x0 - 0.5 * l.size && l.box.x1 <= r.box.x1 + 0.5 * l.size;
  return aligned || within;
}

// How many of the latest regions a line may continue: poppler gives some pages row by row across
// their columns, so a column's next line follows the other columns' lines of its row. Bounded, so
// a hostile page of many one-line regions stays linear.
constexpr size_t kOpenRegions = 32;

// The open region a line continues, the nearest above it; null when none.
ocr::Region* region_for(std::vector<ocr::Region>& regions, const ocr::Line& l) {
  ocr::Region* best = nullptr;
  const size_t from = regions.size() > kOpenRegions ? regions.size() - kOpenRegions : 0;
  for (size_t i = from; i < regions.size(); ++i)
    if (continues(regions[i], l) && (!best || regions[i].lines.back().box.y1 > best->lines.back().box.y1))
      best = &regions[i];
  return best;
}

// The face most of a line's characters are set in.
std::string main_face(const std::vector<std::pair<std::string, size_t>>& faces) {
  const std::pair<std::string, size_t>* best = nullptr;
  for (const auto& f : faces)
    if (!best || f.second > best->second) best = &f;
  return best ? best->first : std::string();
}

// Counts a word's characters for its face; a line's first 16 faces are counted (a line sets a
// few; a hostile page, overlapping words in a thousand fonts, no more work than that).
void count_face(std::vector<std::pair<std::string, size_t>>& faces, const LayerWord& g) {
  size_t chars = 0;
  for (unsigned char c : g.text) chars += (c & 0xC0) != 0x80;
  for (auto& f : faces)
    if (f.first == g.face) {
      f.second += chars;
      return;
    }
  if (faces.size() < 16) faces.emplace_back(g.face, chars);
}

// A word's width in ems as set solid: a Han character or a fullwidth mark one, an ASCII
// character half; and how many Han characters it holds.
std::pair<double, int> solid_ems(std::string_view s) {
  double ems = 0;
  int han = 0;
  each_code_point(s, [&](char32_t cp) {
    ems += cp < 0x80 ? 0.5 : 1;
    han += cp >= 0x3400 && cp <= 0x9FFF;
  });
  return {ems, han};
}

// Sizes and boxes as printed. Some writers' fonts report a size and glyph boxes the type does not
// have: Chromium (Skia) embeds CJK OpenType fonts as Type 3, and poppler gives 9 pt text as 18 pt
// in boxes 23 pt tall, centred on the ink, so lines a pitch apart overlap. Han characters are set
// an em apart (a justified line a little more): where a font's words of Han text set across (not
// a vertical column's) are well under half again narrower than its size says, its sizes and box
// heights are scaled to what the characters' advance shows, about each box's middle. Fonts are
// told apart by name (Skia's Type 3 fonts have none, and all report alike); the first 64 are
// measured (a hostile page in a thousand fonts: the rest kept as reported).
void true_sizes(std::vector<LayerWord>& words) {
  struct Font {
    const std::string* face;
    std::vector<double> ratio;  // width / (ems × size), per word of two Han characters or more
  };
  std::vector<Font> fonts;
  std::vector<int> font_of(words.size(), -1);
  for (size_t i = 0; i < words.size(); ++i) {
    const LayerWord& w = words[i];
    if (w.size <= 0) continue;
    // Words of a line share its font: the last word's is looked at first.
    auto it = i > 0 && font_of[i - 1] >= 0 && *fonts[static_cast<size_t>(font_of[i - 1])].face == w.face
                  ? fonts.begin() + font_of[i - 1]
                  : std::find_if(fonts.begin(), fonts.end(), [&](const Font& f) { return *f.face == w.face; });
    if (it == fonts.end()) {
      if (fonts.size() >= 64) continue;
      it = fonts.insert(fonts.end(), Font{&w.face, {}});
    }
    font_of[i] = static_cast<int>(it - fonts.begin());
    // Words set across (a vertical column's word is as tall as its characters' advance).
    const auto [ems, han] = solid_ems(w.text);
    if (han >= 2 && w.box.width() >= w.box.height() && it->ratio.size() < 4096)
      it->ratio.push_back(w.box.width() / (ems * w.size));
  }
  std::vector<double> scale(fonts.size(), 1.0);
  for (size_t f = 0; f < fonts.size(); ++f) {
    auto& r = fonts[f].ratio;
    if (r.size() < 3) continue;
    std::nth_element(r.begin(), r.begin() + static_cast<long>(r.size() / 2), r.end());
    const double k = r[r.size() / 2];
    if (k > 0.2 && k < 0.75) scale[f] = k;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (font_of[i] < 0 || scale[static_cast<size_t>(font_of[i])] == 1.0) continue;
    const double k = scale[static_cast<size_t>(font_of[i])];
    LayerWord& w = words[i];
    w.size *= k;
    const double mid = (w.box.y0 + w.box.y1) / 2.0, half = w.box.height() * k / 2;
    w.box.y0 = static_cast<int>(std::floor(mid - half)), w.box.y1 = static_cast<int>(std::ceil(mid + half));
  }
}

}  // namespace

// Poppler's words (in its reading order) → lines → regions; lines are numbered line_N, regions
// block_N, in the order they are made.
ocr::Page layer_page(std::vector<LayerWord> words) {
  true_sizes(words);
  ocr::Page page;
  std::vector<ocr::Line> lines;
  std::vector<std::vector<std::pair<std::string, size_t>>> faces;  // per line: face → characters
  bool glued = false;  // the previous word had no space after it: this one joins it
  for (const auto& g : words) {
    if (lines.empty() || !continues(lines.back(), g)) {
      faces.emplace_back();
      ocr::Line& l = lines.emplace_back();
      l.box = g.box;
      l.size = g.size;
      l.words.push_back({g.text, g.box, -1});
    } else if (glued && touches(lines.back(), g)) {
      ocr::Line& l = lines.back();
      l.words.back().text += g.text;
      extend(l.words.back().box, g.box);
      extend(l.box, g.box);
      l.size = std::max(l.size, g.size);
    } else {
      ocr::Line& l = lines.back();
      l.words.push_back({g.text, g.box, -1});
      extend(l.box, g.box);
      l.size = std::max(l.size, g.size);
    }
    glued = !g.space_after;
    count_face(faces.back(), g);
  }
  for (auto& l : lines) {
    l.id = "line_" + std::to_string(&l - lines.data() + 1);
    l.face = main_face(faces[static_cast<size_t>(&l - lines.data())]);
    ocr::Region* r = region_for(page.regions, l);
    if (!r) {
      r = &page.regions.emplace_back();
      r->id = "block_" + std::to_string(page.regions.size());
      r->box = l.box;
    }
    extend(r->box, l.box);
    r->lines.push_back(std::move(l));
  }
  return page;
}

}  // namespace paiban::scan::engine
