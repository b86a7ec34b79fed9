// wrap: greedy line breaking of clean text to a width in display columns (text/wrap.h), obeying
// the line-start and line-end prohibitions of W3C clreq §3.1.7 (core/clreq.h) and UAX #14's rule
// of no break inside a word of Latin letters or digits. The text stage's wrap() is one use.
#include "text/wrap.h"

#include "core/clreq.h"
#include "core/unicode.h"
#include "reflow/chars.h"
#include "text/stages.h"

namespace paiban {

namespace {

int width_of(const std::u32string& s) {
  int w = 0;
  for (char32_t c : s) w += chars::width(c);
  return w;
}

// May a line end after the space at t[i]?
bool breaks_after_space(const std::u32string& t, size_t i, WrapOptions::Spaces rule) {
  if (i + 1 >= t.size()) return false;
  if (rule == WrapOptions::Spaces::every) return t[i + 1] != U' ';  // after the last of a run
  return i > 0 && !is_han(t[i - 1]) && !is_han(t[i + 1]);
}

// The text cut into runs with no break opportunity inside; a breakable space ends its run.
std::vector<std::u32string> runs(const std::u32string& t, WrapOptions::Spaces rule) {
  std::vector<std::u32string> out;
  std::u32string cur;
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    cur += c;
    if (c == U' ') {
      if (breaks_after_space(t, i, rule)) out.push_back(std::move(cur)), cur.clear();
      continue;
    }
    if (i + 1 == t.size()) break;
    char32_t n = t[i + 1];
    if (n == U' ') continue;  // decided at the space
    if (may_break(c, n)) out.push_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

bool may_break(char32_t a, char32_t b) {
  auto ascii_word = [](char32_t c) { return c > 0x20 && c < 0x7F; };
  return !(ascii_word(a) && ascii_word(b)) && !clreq::forbids_break(a, b);
}

std::vector<WrappedLine> wrap_greedy(const std::u32string& text, const WrapOptions& o) {
  size_t lead = 0;
  if (o.spaces == WrapOptions::Spaces::every)
    while (lead < text.size() && text[lead] == U' ') ++lead;
  std::vector<WrappedLine> lines;
  WrappedLine line;
  int avail = o.first_width;
  auto finish = [&] {
    while (!line.text.empty() && line.text.back() == U' ') line.text.pop_back();
    line.width = width_of(line.text);
    lines.push_back(std::move(line));
    line = WrappedLine{};
    avail = o.width;
  };
  for (const std::u32string& run : runs(text.substr(lead), o.spaces)) {
    int w = width_of(run);
    int ink = w;  // the run's width without the spaces it ends with: they may pass the measure
    for (size_t k = run.size(); k > 0 && run[k - 1] == U' '; --k) ink -= chars::width(U' ');
    if (line.text.empty() || line.width + ink <= avail) {
      line.text += run;
      line.width += w;
      continue;
    }
    char32_t last = run.back();
    if (o.hanging && run.size() >= 2 && (clreq::is_pause_or_stop(last) || clreq::is_closing(last)) &&
        line.width + ink - chars::width(last) <= avail) {
      line.text += run;  // the mark hangs past the measure
      finish();
      continue;
    }
    finish();
    line.text = run;
    line.width = w;
  }
  if (!line.text.empty()) finish();
  return lines;
}

namespace text_stages {

std::vector<std::u32string> wrap(const std::u32string& s, int width) {
  if (width <= 0) return {s};
  std::vector<std::u32string> lines;
  for (WrappedLine& l : wrap_greedy(s, {width, width, WrapOptions::Spaces::every, false}))
    lines.push_back(std::move(l.text));
  if (lines.empty()) lines.emplace_back();
  return lines;
}

}  // namespace text_stages

}  // namespace paiban
