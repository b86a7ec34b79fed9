// wrap: greedy line breaking of clean text to a width in display columns, obeying the line-start
// and line-end prohibitions of W3C clreq §3.1.7 (core/clreq.h) and UAX #14's rule of no break
// inside a word of Latin letters or digits.
#include "core/clreq.h"
#include "reflow/chars.h"
#include "text/stages.h"

namespace paiban::text_stages {

namespace {

bool ascii_word(char32_t c) { return c > 0x20 && c < 0x7F; }

// May a line break between a and b? At a space always (the space is dropped).
bool can_break(char32_t a, char32_t b) {
  if (a == U' ' || b == U' ') return b != U' ';
  if (ascii_word(a) && ascii_word(b)) return false;
  return !clreq::forbids_break(a, b);
}

void trim(std::u32string& s) {
  size_t b = 0, e = s.size();
  while (b < e && s[b] == U' ') ++b;
  while (e > b && s[e - 1] == U' ') --e;
  s = s.substr(b, e - b);
}

}  // namespace

std::vector<std::u32string> wrap(const std::u32string& s, int width) {
  std::vector<std::u32string> lines;
  const size_t n = s.size();
  size_t start = 0;
  while (width > 0 && start < n) {
    while (start < n && s[start] == U' ') ++start;  // a line never starts with a space
    if (start == n) break;
    size_t k = start, brk = start;
    int w = 0;
    for (; k < n; ++k) {
      if (k > start && can_break(s[k - 1], s[k])) brk = k;
      int cw = chars::width(s[k]);
      if (s[k] != U' ' && w + cw > width && k > start) break;
      w += cw;
    }
    // At the last break opportunity. With none, the chunk is wider than the line: it stands
    // whole on a line of its own, overflowing (a URL or a long number must not be cut).
    if (k < n && brk == start) {
      while (k < n && !can_break(s[k - 1], s[k])) ++k;
      brk = k;
    }
    size_t at = k == n ? n : brk;
    std::u32string line = s.substr(start, at - start);
    trim(line);
    lines.push_back(std::move(line));
    start = at;
  }
  if (lines.empty()) lines.push_back(width > 0 ? std::u32string() : s);
  return lines;
}

}  // namespace paiban::text_stages
