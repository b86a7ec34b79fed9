#include "diagnose.h"

#include "core/clreq.h"
#include "core/unicode.h"

namespace paiban::bench {

namespace {

bool ascii_word(char32_t c) { return c > 0x20 && c < 0x7F; }

std::u32string strip(const std::string& s) {
  std::u32string out;
  for (char32_t c : to_u32(s)) if (!is_space(c)) out += c;
  return out;
}

int width(const std::u32string& s) {
  int w = 0;
  for (char32_t c : s) w += display_width(c);
  return w;
}

// Width of the line's first unbreakable cluster: what the line before would have had to take.
int first_cluster_width(const std::u32string& s) {
  if (s.empty()) return 0;
  size_t n = 1;
  while (n < s.size() && ((ascii_word(s[n - 1]) && ascii_word(s[n])) || clreq::forbids_break(s[n - 1], s[n]))) ++n;
  return width(s.substr(0, n));
}

}  // namespace

std::string line_before_shape(const std::vector<std::string>& lines, int line, int measure_units) {
  int prev = line - 1;
  while (prev >= 1 && strip(lines[prev - 1]).empty()) --prev;
  if (prev < 1 || line < 1 || line > static_cast<int>(lines.size())) return "start";
  const std::string& raw = lines[prev - 1];
  std::u32string p = strip(raw), cur = strip(lines[line - 1]);
  int spaces = 0;
  for (char c : raw) spaces += c == ' ';
  int w = width(p);
  std::string shape;
  if (spaces >= 4 && spaces * 3 >= static_cast<int>(p.size())) shape = "letter-spaced";
  else if (w >= measure_units - 1) shape = "full";
  else if (w + first_cluster_width(cur) > measure_units) shape = "short: next cluster did not fit";
  else if (w >= measure_units - 5) shape = "short by ~2 (indent-sized)";
  else shape = "short";
  char32_t last = p.back();
  if (clreq::is_stop(last) || ((clreq::is_closing(last)) && p.size() > 1 && clreq::is_stop(p[p.size() - 2])))
    shape += ", ends sentence";
  else if (is_ascii_digit(last))
    shape += ", ends digit";
  return shape;
}

}  // namespace paiban::bench
