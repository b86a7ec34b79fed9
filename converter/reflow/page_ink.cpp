// The page's ink: the boxes of its words of text in bands by height, asked whether a strip of
// the page is a gutter, lies within a column's text, or has text beyond it (page_stages.h).
#include <algorithm>

#include "reflow/page_stages.h"
#include "reflow/words.h"

namespace paiban::reflow_stages {

using words::boxed_words;
using words::line_em;
using words::solid;

PageInk::PageInk(const std::vector<LinePiece>& ps) {
  std::vector<Ink> ink;
  std::vector<int> heights;
  for (size_t i = 0; i < ps.size(); ++i) {
    const std::vector<ocr::Word>& ws = ps[i].line.words;
    const int em = boxed_words(ps[i].line) ? line_em(ps[i].line) : 0;
    for (size_t k = 0; k < ws.size(); ++k) {
      const ocr::Word& w = ws[k];
      if (!w.box.known() || w.box.width() <= 0) continue;
      if (solid(w)) {
        ink.push_back(Ink{w.box, i});
        heights.push_back(w.box.height());
      } else if (em > 0 && k > 0 && k + 1 < ws.size() && solid(ws[k - 1]) && solid(ws[k + 1]) &&
                 (w.box.x0 - ws[k - 1].box.x1) * 10 < em * 3 && (ws[k + 1].box.x0 - w.box.x1) * 10 < em * 3) {
        // A mark set tight between characters is running text's (a comma in its cell), not a
        // rule read as a mark in a gutter, which stands apart from the text on both sides.
        ink.push_back(Ink{w.box, i});
      }
    }
  }
  if (ink.empty()) return;
  // Bands as tall as a word, each sorted by left edge: a question about a strip of the page
  // looks at the words near it, not at every word of its rows.
  long top = mid(ink.front().box), bottom = top;
  for (const auto& k : ink) top = std::min<long>(top, mid(k.box)), bottom = std::max<long>(bottom, mid(k.box));
  band_ = std::max(1, median(heights));
  while ((bottom - top) / band_ > 1'000'000) band_ *= 2;  // boxes strewn over a huge page
  top_ = static_cast<int>(top);
  bands_.resize(static_cast<size_t>((bottom - top) / band_) + 1);
  widest_.assign(bands_.size(), 0);
  for (const auto& k : ink) {
    const size_t b = static_cast<size_t>((mid(k.box) - top) / band_);
    bands_[b].push_back(k);
    widest_[b] = std::max(widest_[b], k.box.width());
  }
  for (auto& b : bands_)
    std::sort(b.begin(), b.end(), [](const Ink& x, const Ink& y) { return x.box.x0 < y.box.x0; });
}

// Words of other pieces whose middle lies within [lo, hi] and whose box reaches into [x0, x1],
// to f until it says stop. False when the page's budget of words looked at ran out first:
// hostile input (a million lines on one row) stays linear, and a test without its evidence
// answers no.
template <typename F>
bool PageInk::around(int lo, int hi, int x0, int x1, size_t self, size_t other, F&& f) const {
  if (bands_.empty() || hi < top_) return true;
  const long first = std::max<long>(0, (static_cast<long>(lo) - top_) / band_);
  const long last = std::min<long>(static_cast<long>(bands_.size()) - 1, (static_cast<long>(hi) - top_) / band_);
  for (long b = first; b <= last; ++b) {
    const std::vector<Ink>& band = bands_[static_cast<size_t>(b)];
    const int from = x0 - widest_[static_cast<size_t>(b)];
    auto it = std::lower_bound(band.begin(), band.end(), from, [](const Ink& k, int x) { return k.box.x0 < x; });
    for (; it != band.end() && it->box.x0 <= x1; ++it) {
      if (budget_ == 0) return false;
      --budget_;
      const int m = mid(it->box);
      if (m < lo || m > hi || it->box.x1 < x0 || it->piece == self || it->piece == other) continue;
      if (!f(*it)) return true;
    }
  }
  return true;
}

bool PageInk::gutter(int x, int y0, int y1, int em, int near, size_t self) const {
  int cover = 0, left = 0, right = 0;
  // A gutter runs past the row: edges on both sides of it above and below, or in three rows on
  // one side. Two rows of characters set solid on one grid can leave the same sliver white
  // between two narrow characters ("巴" is half an em) over the last line of a block.
  size_t rows[3] = {0, 0, 0};  // the first three rows seen with an edge: three are enough
  int n_rows = 0;
  bool above = false, below = false;
  const int reach = em * 2, half = near;
  const bool seen = around(y0 - 5 * em, y1 + 5 * em, x - reach, x + reach, self, self, [&](const Ink& k) {
    const BBox& b = k.box;
    if (b.x0 < x + half && b.x1 > x - half) {
      ++cover;
    } else if ((b.x1 <= x && x - b.x1 < reach) || (b.x0 >= x && b.x0 - x < reach)) {
      (b.x1 <= x ? left : right) += 1;
      if (n_rows < 3 && std::find(rows, rows + n_rows, k.piece) == rows + n_rows) rows[n_rows++] = k.piece;
      above = above || mid(b) < y0;
      below = below || mid(b) > y1;
    }
    return cover <= 1;
  });
  const bool past = (above && below) || n_rows >= 3;
  return seen && past && cover <= 1 && left >= 3 && right >= 3 && cover * 6 <= std::min(left, right);
}

bool PageInk::white_strip(int x, int y0, int y1, int reach, int near, size_t self) const {
  int cover = 0, left = 0, right = 0;
  const bool seen = around(y0, y1, x - reach, x + reach, self, self, [&](const Ink& k) {
    const BBox& b = k.box;
    if (b.x0 < x + near && b.x1 > x - near) ++cover;
    else if (b.x1 <= x && x - b.x1 < reach) ++left;
    else if (b.x0 >= x && b.x0 - x < reach) ++right;
    return cover == 0;
  });
  return seen && cover == 0 && left >= 3 && right >= 3;
}

bool PageInk::within_text(int x, int y0, int y1, int em, size_t a, size_t b, Open open) const {
  int above = 0, below = 0;
  // The white between two characters of running text is narrower than a quarter em.
  const int q = em / 4;
  const bool seen = around(y0 - 3 * em, y1 + 3 * em, x - q, x + q, a, b, [&](const Ink& k) {
    const BBox& w = k.box;
    if (w.x0 < x + q && w.x1 > x - q) {
      if ((w.y0 + w.y1) / 2 < y0) ++above;
      else if ((w.y0 + w.y1) / 2 > y1) ++below;
    }
    return true;
  });
  return seen && (above >= 1 || open == Open::above) && (below >= 1 || open == Open::below);
}

bool PageInk::white_beyond(int x0, int x1, int y0, int y1, int em, size_t a, size_t b, bool up) const {
  bool white = true;
  const int lo = up ? y0 - 3 * em : y1 + 1, hi = up ? y0 - 1 : y1 + 3 * em;
  const bool seen = around(lo, hi, x0 - 2 * em, x1 + 2 * em, a, b, [&](const Ink&) { return white = false; });
  return seen && white;
}

bool PageInk::in_word(const BBox& r) const {
  const int x = (r.x0 + r.x1) / 2, y = mid(r);
  bool in = false;
  around(y - 2 * band_, y + 2 * band_, x, x, SIZE_MAX, SIZE_MAX, [&](const Ink& k) {
    in = k.box.x0 <= x && k.box.x1 >= x && k.box.y0 <= y && k.box.y1 >= y;
    return !in;
  });
  return in;
}

}  // namespace paiban::reflow_stages
