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

// The word beside a speck, boxed as a character of the type: its height is the line's em there
// (a line the engine wove across a headline and body text has two).
bool beside(const ocr::Word& w) { return w.box.known() && han_count(w.text) > 0; }

}  // namespace

void seat_specks(ocr::Page& page) {
  if (page.exact) return;  // a text layer's boxes are the print's
  for (auto& r : page.regions)
    for (auto& l : r.lines) {
      const size_t n = l.words.size();
      if (n < 2) continue;
      bool moved = false;
      ocr::Word &first = l.words.front(), &second = l.words[1];
      if (beside(second) && speck(first, second.box.height())) {
        const int wide = second.box.height() * static_cast<int>(han_count(first.text));
        first.box = BBox{std::max(0, second.box.x0 - wide), second.box.y0, second.box.x0, second.box.y1};
        moved = true;
      }
      ocr::Word &last = l.words.back(), &before = l.words[n - 2];
      if (beside(before) && speck(last, before.box.height())) {
        const int wide = before.box.height() * static_cast<int>(han_count(last.text));
        const int x1 = before.box.x1 + wide;
        last.box = BBox{before.box.x1, before.box.y0, page.width > 0 ? std::min(page.width, x1) : x1, before.box.y1};
        moved = true;
      }
      if (!moved || !l.box.known()) continue;
      // The line's ends are its words' now; its top and foot stay the engine's.
      int x0 = l.box.x1, x1 = l.box.x0;
      for (const auto& w : l.words)
        if (w.box.known()) x0 = std::min(x0, w.box.x0), x1 = std::max(x1, w.box.x1);
      if (x1 > x0) l.box.x0 = x0, l.box.x1 = x1;
    }
}

}  // namespace paiban::reflow_stages
