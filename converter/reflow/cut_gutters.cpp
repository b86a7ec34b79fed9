// cut_gutters: lines the engine read across a gutter, cut where the gutter runs. Tesseract reads
// a row across columns when it takes the page (psm 4, 6) or a wide block (psm 3, narrow gutters)
// for one column; the row's words then run on from one column's text into the next.
//
// Two kinds of evidence, each enough:
//  - within the line: a gap over 1.2 em, or a column rule read as a word ("|");
//  - on the page: the gap lies in a strip no other row covers with text, while rows on both
//    sides of it end and start there (a column's right edge and the next one's left edge).
//    A gap inside running text (after a comma's ink) is covered by the rows above and below,
//    whose characters stand on the same grid; a gutter is covered by none.
// Marks the engine reads in a gutter stay with the side they stand on: no character is dropped
// but the bar of a rule read as "|".
#include <algorithm>
#include <cmath>

#include <unicode/uchar.h>

#include "core/unicode.h"
#include "reflow/chars.h"
#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// A rule read as a word: "|" (or ｜ 丨 │ ¦), sometimes with marks its ends or specks beside it
// were taken for ("“|", a frame's corner as "|」"), no wider than an em. A column rule, or the
// side of a box's frame.
bool bar(char32_t c) { return c == U'|' || c == U'｜' || c == U'丨' || c == U'│' || c == U'¦'; }

bool column_rule(const ocr::Word& w, int em) {
  if (!w.box.known() || w.box.width() > em) return false;
  bool any = false;
  for (char32_t c : to_u32(w.text)) {
    if (bar(c)) any = true;
    else if (c != U' ' && !u_ispunct(static_cast<UChar32>(c))) return false;
  }
  return any;
}

// Text a reader can stand by: a Han character, a letter or a digit in it.
bool solid(const ocr::Word& w) {
  for (char32_t c : to_u32(w.text)) {
    const chars::Cls k = chars::classify(c);
    if (k == chars::Cls::han || (c < 0x80 && std::isalnum(static_cast<int>(c))) || (c >= U'０' && c <= U'ｚ')) return true;
  }
  return false;
}

int median(std::vector<int> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The em of a line: the median height of its words.
int line_em(const ocr::Line& l) {
  std::vector<int> h;
  for (const auto& w : l.words)
    if (w.box.known() && solid(w)) h.push_back(w.box.height());
  return median(h);
}

// Every solid word on the page, by the middle of its height, for the page-level test.
struct Ink {
  BBox box;
  size_t line;
};

class PageInk {
 public:
  explicit PageInk(const std::vector<LinePiece>& ps) {
    for (size_t i = 0; i < ps.size(); ++i)
      for (const auto& w : ps[i].line.words)
        if (w.box.known() && w.box.width() > 0 && solid(w)) ink_.push_back(Ink{w.box, i});
    std::sort(ink_.begin(), ink_.end(), [](const Ink& a, const Ink& b) { return mid(a.box) < mid(b.box); });
  }

  // Whether x is a gutter around rows y0..y1 of line `self`: within four ems above and below,
  // no other row's text reaches within a quarter em of x (characters set solid leave white
  // slivers between them that line up from row to row; a gutter is wider), and at least three
  // rows end left of it and three start right of it within an em and a half (column edges, not
  // a ragged stretch of white).
  bool gutter(int x, int y0, int y1, int em, size_t self) const {
    const int lo = y0 - 4 * em, hi = y1 + 4 * em;
    auto it = std::lower_bound(ink_.begin(), ink_.end(), lo, [](const Ink& a, int y) { return mid(a.box) < y; });
    int cover = 0, left = 0, right = 0;
    const int reach = em * 3 / 2, half = em / 4;
    for (size_t seen = 0; it != ink_.end() && mid(it->box) <= hi && seen < 4096; ++it, ++seen) {
      if (it->line == self) continue;
      const BBox& b = it->box;
      if (b.x0 < x + half && b.x1 > x - half) {
        if (++cover > 1) return false;
      } else if (b.x1 <= x && x - b.x1 < reach) {
        ++left;
      } else if (b.x0 >= x && b.x0 - x < reach) {
        ++right;
      }
    }
    return left >= 3 && right >= 3 && cover * 6 <= std::min(left, right);
  }

 private:
  static int mid(const BBox& b) { return (b.y0 + b.y1) / 2; }
  std::vector<Ink> ink_;
};

// Pieces of one line: its words split before each word marked in `cut_before`.
std::vector<LinePiece> split(const LinePiece& p, const std::vector<bool>& cut_before) {
  std::vector<LinePiece> parts;
  bool fresh = true;
  for (size_t k = 0; k < p.line.words.size(); ++k) {
    if (cut_before[k]) fresh = true;
    if (fresh) {
      parts.push_back(p);
      parts.back().line.words.clear();
      parts.back().line.box = BBox{};
      fresh = false;
    }
    parts.back().line.words.push_back(p.line.words[k]);
  }
  for (auto& q : parts) {
    for (const auto& w : q.line.words) q.line.box = unite(q.line.box, w.box);
    q.line.size = 0;  // the source's size was the whole row's
  }
  return parts;
}

bool boxed_words(const ocr::Line& l) {
  if (l.words.size() < 2) return false;
  for (const auto& w : l.words)
    if (!w.box.known()) return false;
  return true;
}

// Within the line: wide gaps and column rules. A rule is the gutter: the bar goes, the next word
// starts a new piece; marks the engine read into the rule's word stay, on their side of it
// ("，|": a comma ending the left column's line).
std::vector<LinePiece> cut_in_line(const LinePiece& p, ReflowReport& report) {
  if (!boxed_words(p.line)) return {p};
  std::vector<int> h;
  for (const auto& w : p.line.words) h.push_back(w.box.height());
  const int em = median(h);
  LinePiece out = p;
  out.line.words.clear();
  std::vector<bool> cut;
  bool any = false, after_rule = false;
  for (size_t k = 0; k < p.line.words.size(); ++k) {
    const ocr::Word& w = p.line.words[k];
    const bool wide = k > 0 && (w.box.x0 - p.line.words[k - 1].box.x1) * 5 > em * 6;
    if (!column_rule(w, em)) {
      out.line.words.push_back(w);
      cut.push_back(after_rule || wide);
      any = any || wide;
      after_rule = false;
      continue;
    }
    any = after_rule = true;
    report.repairs["column-rule"] += 1;
    std::u32string before, after;
    bool seen = false;
    for (char32_t c : to_u32(w.text)) {
      if (bar(c)) seen = true;
      else if (c != U' ') (seen ? after : before) += c;
    }
    const int mid = (w.box.x0 + w.box.x1) / 2;
    if (!before.empty()) {
      out.line.words.push_back(ocr::Word{to_utf8(before), BBox{w.box.x0, w.box.y0, mid, w.box.y1}, w.conf});
      cut.push_back(wide);
    }
    if (!after.empty()) {
      out.line.words.push_back(ocr::Word{to_utf8(after), BBox{mid, w.box.y0, w.box.x1, w.box.y1}, w.conf});
      cut.push_back(true);
      after_rule = false;
    }
  }
  if (!any) return {p};
  return split(out, cut);
}

// On the page: gaps (and specks of ink) in a strip the rows around leave white.
std::vector<LinePiece> cut_on_page(const LinePiece& p, size_t self, const PageInk& ink, ReflowReport& report) {
  const ocr::Line& l = p.line;
  if (!boxed_words(l)) return {p};
  const int em = line_em(l);
  if (em <= 0) return {p};
  const size_t n = l.words.size();
  std::vector<bool> cut(n, false);
  bool any = false;
  // Between solid words a and k (speck-only words between them skipped), where white over half
  // an em or specks stand: probe every eighth of an em across the stretch (a gutter is where
  // the rows around leave white, which the specks' boxes need not show).
  size_t a = n;
  for (size_t k = 0; k < n; ++k) {
    if (!solid(l.words[k])) continue;
    const BBox& y = l.words[k].box;
    if (a < n && (k > a + 1 || y.x0 - l.words[a].box.x1 > em / 2)) {
      const BBox& x = l.words[a].box;
      const int y0 = std::min(x.y0, y.y0), y1 = std::max(x.y1, y.y1);
      const int step = std::max(1, em / 8);
      for (int px = std::min(x.x1, y.x0); px <= std::max(x.x1, y.x0) && px - x.x1 < 8 * em; px += step) {
        if (!ink.gutter(px, y0, y1, em, self)) continue;
        // Marks between the two words stay with the side of the gutter they stand on: a
        // comma ends the left column's line, an opening quote starts the right one's.
        size_t first_right = k;
        for (size_t s = a + 1; s < k; ++s)
          if ((l.words[s].box.x0 + l.words[s].box.x1) / 2 >= px) {
            first_right = s;
            break;
          }
        cut[first_right] = any = true;
        break;
      }
    }
    a = k;
  }
  if (!any) return {p};
  report.repairs["gutter-cut"] += 1;
  return split(p, cut);
}

}  // namespace

std::vector<LinePiece> cut_gutters(const ocr::Page& page, ReflowReport& report) {
  std::vector<LinePiece> pieces;
  for (size_t r = 0; r < page.regions.size(); ++r)
    for (const auto& whole : page.regions[r].lines)
      for (auto& part : cut_in_line(LinePiece{whole, r}, report)) pieces.push_back(std::move(part));
  const PageInk ink(pieces);
  std::vector<LinePiece> out;
  for (size_t i = 0; i < pieces.size(); ++i)
    for (auto& part : cut_on_page(pieces[i], i, ink, report)) out.push_back(std::move(part));
  return out;
}

}  // namespace paiban::reflow_stages
