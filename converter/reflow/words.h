// Words an OCR engine read, as the page stages weigh them: which carry text a reader can stand
// by, how tall a line's type is and the page's body type, whether a line's words all have boxes.
#pragma once

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
