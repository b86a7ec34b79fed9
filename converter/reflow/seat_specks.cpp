// seat_specks: Tesseract's LSTM boxes a character by the steps of its reading, and now and then a
// Han character gets a box of a few pixels (a speck) where the step fell, not where the ink is:
// dev p011's "积" opening a line is boxed 1×8 pixels, 43 pixels left of its column, and the
// line's next word stands two ems to the right of it. Where such a speck opens or closes a line,
// the line's edge (its indent, where it stops short) is the speck's, and a gap of white that is
// not there cuts the line as at a gutter. The character is printed beside its neighbour in the
// line, an em wide per character: it is seated there. A speck inside a line is left alone (it
// stands between its neighbours either way).
#include <algorithm>

#include "reflow/chars.h"
#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// Han characters only, and how many: their ink is about an em square (a digit or a mark may be
// narrow or flat in print).
size_t han_count(const std::string& s) {
  size_t i = 0, n = 0;
  while (i < s.size()) {
    if (chars::classify(chars::decode(s, i)) != chars::Cls::han) return 0;
    ++n;
  }
  return n;
}

// A box under a quarter em wide per character and under half an em tall: no Han character's
// ink is that small both ways ("一" is flat but wide, "丨" narrow but tall).
bool speck(const ocr::Word& w, int em) {
  const size_t n = han_count(w.text);
  return n > 0 && w.box.known() && w.box.width() * 4 < em * static_cast<int>(n) && w.box.height() * 2 < em;
}

// The em beside word `by`: its height, where that is a character's. A word a quarter again taller
// than its characters' pitch (its own, or its line's) carries the engine's row box (fresh15
// p003: "延续" boxed 93 pixels tall in 40-pixel type), and its pitch is the measure.
int em_beside(const ocr::Word& by, int line_pitch) {
  const int n = static_cast<int>(han_count(by.text));
  return type_height(by.box.height(), std::max(by.box.width() / std::max(1, n), line_pitch));
}

// A speck beside a word boxed as a character of the type (its height is the line's em there: a
// line the engine wove across a headline and body text has two), seated against that word,
// before it when the speck opens the line; false where either is not so.
bool seat(ocr::Word& w, const ocr::Word& by, bool before, int line_pitch, int page_width) {
  if (!by.box.known() || han_count(by.text) == 0) return false;
  const int em = em_beside(by, line_pitch);
  if (!speck(w, em)) return false;
  const int wide = em * static_cast<int>(han_count(w.text));
  const BBox& b = by.box;
  w.box = before ? BBox{std::max(0, b.x0 - wide), b.y0, b.x0, b.y1}
                 : BBox{b.x1, b.y0, page_width > 0 ? std::min(page_width, b.x1 + wide) : b.x1 + wide, b.y1};
  return true;
}

}  // namespace

void seat_specks(ocr::Page& page) {
  if (page.exact) return;  // a text layer's boxes are the print's
  for (auto& r : page.regions)
    for (auto& l : r.lines) {
      const size_t n = l.words.size();
      if (n < 2) continue;
      const int p = pitch(l);
      const bool opens = seat(l.words.front(), l.words[1], true, p, page.width);
      const bool closes = seat(l.words.back(), l.words[n - 2], false, p, page.width);
      if (!(opens || closes) || !l.box.known()) continue;
      // The line's ends are its words' now; its top and foot stay the engine's.
      BBox words;
      for (const auto& w : l.words) words = unite(words, w.box);
      if (words.known()) l.box.x0 = words.x0, l.box.x1 = words.x1;
    }
}

}  // namespace paiban::reflow_stages
