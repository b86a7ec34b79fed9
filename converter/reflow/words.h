// Words an OCR engine read, as the page stages weigh them: which carry text a reader can stand
// by, how tall a line's type is and the page's body type, whether a line's words all have boxes.
#pragma once

#include <algorithm>
#include <cctype>
#include <vector>

#include "ocr/page.h"
#include "reflow/chars.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages::words {

// Text a reader can stand by: a Han character, a letter or a digit in it.
inline bool solid(const ocr::Word& w) {
  for (size_t i = 0; i < w.text.size();) {
    const char32_t c = chars::decode(w.text, i);
    if (chars::classify(c) == chars::Cls::han || (c < 0x80 && std::isalnum(static_cast<int>(c))) ||
        (c >= U'０' && c <= U'９') || (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ'))
      return true;
  }
  return false;
}

// The em of a line: the median height of its words.
inline int line_em(const ocr::Line& l) {
  std::vector<int> h;
  for (const auto& w : l.words)
    if (w.box.known() && solid(w)) h.push_back(w.box.height());
  return median(h);
}

// The em a row is set in: its words' height, or the pitch of its characters where that is
// larger (from one word's left edge to the next's, over the first one's characters, a letter or
// digit half an em; the median, so a gutter crossed counts once). An engine's boxes may be
// tight around the ink, three quarters of an em tall and half one wide (fresh7 p000), and the
// white between such boxes lines up from row to row of text set solid. At most a quarter again
// the height.
inline int row_em(const ocr::Line& l) {
  const int height = line_em(l);
  std::vector<int> advance;
  for (size_t k = 1; k < l.words.size(); ++k) {
    const ocr::Word &a = l.words[k - 1], &b = l.words[k];
    if (!a.box.known() || !b.box.known() || !solid(a) || !solid(b)) continue;
    if (const double n = chars::ems(a.text); n > 0) advance.push_back(static_cast<int>((b.box.x0 - a.box.x0) / n));
  }
  if (advance.size() < 4) return height;
  return std::clamp(median(std::move(advance)), height, height * 5 / 4);
}

// The page's body type: the median height of its words of text.
inline int body_height(const ocr::Page& page) {
  std::vector<int> heights;
  for (const auto& region : page.regions)
    for (const auto& l : region.lines)
      for (const auto& w : l.words)
        if (w.box.known() && solid(w)) heights.push_back(w.box.height());
  return median(std::move(heights));
}

// Every word of the line has a box, and there are two at least.
inline bool boxed_words(const ocr::Line& l) {
  if (l.words.size() < 2) return false;
  for (const auto& w : l.words)
    if (!w.box.known()) return false;
  return true;
}

}  // namespace paiban::reflow_stages::words
