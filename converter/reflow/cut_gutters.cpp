// cut_gutters: lines the engine read across a gutter, cut where the gutter runs. Tesseract reads
// a row across columns when it takes the page (psm 4, 6) or a wide block (psm 3, narrow gutters)
// for one column; the row's words then run on from one column's text into the next.
//
// Three kinds of evidence, each enough:
//  - within the line: a gap over 1.2 em, or a column rule read as a word ("|"); a gap alone
//    may be characters the engine missed, so measure_page joins those halves back where the
//    rows around run across it;
//  - within the line, headline type stepping to another size: height and pitch both change by
//    a third where two headlines side by side stand too close for a gutter;
//  - on the page: the gap lies in a strip no other row covers with text, while rows on both
//    sides of it end and start there (a column's right edge and the next one's left edge).
//    A gap inside running text (after a comma's ink) is covered by the rows above and below,
//    whose characters stand on the same grid; a gutter is covered by none.
// Marks the engine reads in a gutter stay with the side they stand on: no character is dropped
// but the bar of a rule read as "|".
#include <algorithm>
#include <cmath>
#include <cstdint>

#include <unicode/uchar.h>

#include "core/clreq.h"
#include "core/unicode.h"
#include "reflow/chars.h"
#include "reflow/page_stages.h"
#include "reflow/words.h"

namespace paiban::reflow_stages {

namespace {

using words::boxed_words;
using words::row_em;
using words::solid;

// A rule read as a word: "|" (or ｜ 丨 │ ¦), sometimes with marks its ends or specks beside it
// were taken for ("“|", a frame's corner as "|」"), no wider than an em and a half (the mark
// beside the bar widens the box: "”|" on held-out p001). A column rule, or a box frame's side.
bool bar(char32_t c) { return c == U'|' || c == U'｜' || c == U'丨' || c == U'│' || c == U'¦'; }

// So is a word of marks boxed as an upright stroke, under a sixth of an em wide and taller than
// an em: no mark's ink is that shape ("！" is three quarters of an em tall); it is the rule's,
// read as marks, and goes as a bar does (fresh87 p004, psm 4: "，" boxed 1×48 px between "…全国
// 人民代表" and "想和信仰。…" in 45 px type).
bool column_rule(const ocr::Word& w, int em) {
  if (!w.box.known() || w.box.width() * 2 > em * 3) return false;
  bool any = false, marks = false;
  for (size_t i = 0; i < w.text.size();) {
    const char32_t c = chars::decode(w.text, i);
    if (bar(c)) any = true;
    else if (c != U' ' && !u_ispunct(static_cast<UChar32>(c))) return false;
    else marks = marks || c != U' ';
  }
  return any || (marks && w.box.width() * 6 < em && w.box.height() * 20 > em * 21);
}

// Why a line is cut before a word: not at all, at a gutter (a rule, white on the page), or at a
// wide gap alone.
enum Cut : char { none = 0, gutter = 1, gap = 2 };

// Pieces of one line: its words split before each word marked in `cut_before`.
std::vector<LinePiece> split(const LinePiece& p, const std::vector<char>& cut_before, bool exact) {
  std::vector<LinePiece> parts;
  std::vector<char> why;  // the cut before each part
  bool fresh = true;
  for (size_t k = 0; k < p.line.words.size(); ++k) {
    if (cut_before[k] != none) fresh = true;
    if (fresh) {
      parts.push_back(p);
      parts.back().line.words.clear();
      parts.back().line.box = BBox{};
      why.push_back(parts.size() == 1 ? static_cast<char>(none) : cut_before[k]);
      fresh = false;
    }
    parts.back().line.words.push_back(p.line.words[k]);
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    LinePiece& q = parts[i];
    for (const auto& w : q.line.words) q.line.box = unite(q.line.box, w.box);
    // Words reaching past the engine's row box both above and below are row-tall boxes given to
    // characters, not the piece's type: the row box bounds it. (Past one side only, the piece
    // may be a headline in a body row read across; its words' boxes stand.)
    if (q.line.box.known() && p.line.box.known() && q.line.box.y0 < p.line.box.y0 && q.line.box.y1 > p.line.box.y1)
      q.line.box.y0 = p.line.box.y0, q.line.box.y1 = p.line.box.y1;
    if (!exact) q.line.size = 0;  // an engine's size was the whole row's; a text layer's is the type's
    if (i > 0) q.cut_left = why[i] == gutter, q.gap_left = why[i] == gap;
    if (i + 1 < parts.size()) q.cut_right = why[i + 1] == gutter, q.gap_right = why[i + 1] == gap;
  }
  return parts;
}

// Where the words before word k end. A line's first word of text the engine boxed as a dot
// (fresh76 p006: "”央视" boxed 1 px wide and 3 high, 130 px left of the next word) reaches as far
// as its characters need. (Elsewhere a dot may stand before a gutter: psm 6 rows across columns.)
int ink_end(const std::vector<ocr::Word>& ws, size_t k, int em) {
  const ocr::Word& w = ws[k - 1];
  const int need = static_cast<int>(chars::ems(w.text) * em);
  const bool dot = k == 1 && solid(w) && w.box.width() * 4 < need && w.box.height() * 2 < em;
  return dot ? std::max(w.box.x1, w.box.x0 + need) : w.box.x1;
}

// Within the line: wide gaps and column rules. A rule is the gutter: the bar goes, the next word
// starts a new piece; marks the engine read into the rule's word stay, on their side of it
// ("，|": a comma ending the left column's line). A text layer's bars are its own characters.
void cut_in_line(LinePiece&& p, int body, bool exact, ReflowReport& report, std::vector<LinePiece>& out_pieces) {
  if (!boxed_words(p.line)) return out_pieces.push_back(std::move(p));
  std::vector<int> h;
  for (const auto& w : p.line.words) h.push_back(w.box.height());
  const int em = median(h);
  const size_t n = p.line.words.size();
  // A mark at the end of a line in type half again the page's body, under half that type and
  // standing apart from it, is a neighbouring text's, read into the row (a body line's "：" after
  // a headline's last word); a body line's own marks stay.
  const ocr::Word& last = p.line.words[n - 1];
  const bool stray = body > 0 && em * 2 > body * 3 && !solid(last) && last.box.height() * 2 < em &&
                     (last.box.x0 - p.line.words[n - 2].box.x1) * 2 > em;
  bool needed = stray;
  // A rule's word may hold a mark beside the bar ("，|"): its width is judged against the
  // characters' pitch, which boxes tight round the ink undercount.
  const int pitch_em = row_em(p.line);
  for (size_t k = 0; k < n && !needed; ++k)
    needed = (!exact && column_rule(p.line.words[k], pitch_em)) ||
             (k > 0 && (p.line.words[k].box.x0 - ink_end(p.line.words, k, em)) * 5 > em * 6);
  if (!needed) return out_pieces.push_back(std::move(p));
  LinePiece out = p;
  out.line.words.clear();
  std::vector<char> cut;
  bool after_rule = false;
  for (size_t k = 0; k < p.line.words.size(); ++k) {
    const ocr::Word& w = p.line.words[k];
    const bool wide = k > 0 && ((w.box.x0 - ink_end(p.line.words, k, em)) * 5 > em * 6 || (stray && k + 1 == n));
    if (exact || !column_rule(w, pitch_em)) {
      out.line.words.push_back(w);
      cut.push_back(after_rule ? gutter : wide ? gap : none);
      after_rule = false;
      continue;
    }
    after_rule = true;
    report.repairs["column-rule"] += 1;
    std::u32string before, after;
    bool seen = false;
    for (char32_t c : to_u32(w.text)) {
      if (bar(c)) seen = true;
      else if (c != U' ') (seen ? after : before) += c;
    }
    if (!seen) before.clear();  // no bar: a stroke read as marks, every one of them the rule's
    const int mid = (w.box.x0 + w.box.x1) / 2;
    if (!before.empty()) {
      out.line.words.push_back(ocr::Word{to_utf8(before), BBox{w.box.x0, w.box.y0, mid, w.box.y1}, w.conf});
      cut.push_back(wide ? gap : none);
    }
    if (!after.empty()) {
      out.line.words.push_back(ocr::Word{to_utf8(after), BBox{mid, w.box.y0, w.box.x1, w.box.y1}, w.conf});
      cut.push_back(gutter);
      after_rule = false;
    }
  }
  for (auto& q : split(out, cut, exact)) out_pieces.push_back(std::move(q));
}

// Two headlines side by side in two sizes, their first rows read as one line, too close for a
// gutter (fresh35 p005: "以军称…汗尤" 62 px high at 68 px a character, 36 px of white, then
// "【新时代新征程新伟业" 100 px at 105). Where the words before a point and after it differ in
// both height and pitch by a third or more, each run four characters or longer in headline
// type, and the two boxes at the point do not overlap, the row is cut there. Both measures must
// agree: an engine boxes characters of one row anything from 30 to 55 px high, but sets them at
// one pitch.
void cut_at_type_step(LinePiece&& p, int body, ReflowReport& report, std::vector<LinePiece>& out) {
  const std::vector<ocr::Word>& ws = p.line.words;
  std::vector<size_t> idx;  // solid words
  for (size_t k = 0; k < ws.size(); ++k)
    if (solid(ws[k]) && ws[k].box.known()) idx.push_back(k);
  if (body <= 0 || idx.size() < 8 || !boxed_words(p.line)) return out.push_back(std::move(p));
  // Both runs' median heights in headline type: four words at least that tall (a body line has
  // none, and is not measured).
  size_t tall = 0;
  for (size_t k : idx) tall += ws[k].box.height() >= body * kHeadline;
  if (tall < 4) return out.push_back(std::move(p));
  // Height and pitch of the run idx[from, to): the median height of its words, and the distance
  // from its first word to its last over the characters before that (marks between them count:
  // the white round a colon is no wider pitch).
  auto measure = [&](size_t from, size_t to, int& height, int& pitch, double& ems) {
    std::vector<int> h;
    for (size_t i = from; i < to; ++i) h.push_back(ws[idx[i]].box.height());
    height = median(std::move(h));
    double before_last = 0;
    for (size_t k = idx[from]; k < idx[to - 1]; ++k) before_last += chars::ems(ws[k].text);
    ems = before_last + chars::ems(ws[idx[to - 1]].text);
    pitch = before_last > 0 ? static_cast<int>((ws[idx[to - 1]].box.x0 - ws[idx[from]].box.x0) / before_last) : 0;
    // A word boxed half again wider than its characters spans others' ink: no measure.
    for (size_t i = from; i < to; ++i)
      if (ws[idx[i]].box.width() * 2 > chars::ems(ws[idx[i]].text) * pitch * 3) pitch = 0;
  };
  auto apart = [](int a, int b) { return a > 0 && b > 0 && std::max(a, b) * 3 >= std::min(a, b) * 4; };
  // Of the points where the runs differ so, the widest white: the runs measured six words
  // either side see the step from a word or two off it.
  size_t best = 0;
  int widest = -1;
  for (size_t c = 4; c + 4 <= idx.size(); ++c) {
    int hl, pl, hr, pr;
    double el, er;
    measure(c >= 6 ? c - 6 : 0, c, hl, pl, el);
    measure(c, std::min(idx.size(), c + 6), hr, pr, er);
    if (el < 4 || er < 4 || !apart(hl, hr) || !apart(pl, pr) || (hl < hr) != (pl < pr)) continue;
    const int white = ws[idx[c]].box.x0 - ws[idx[c - 1]].box.x1;
    if (std::min(hl, hr) >= body * kHeadline && white > widest) best = c, widest = white;
  }
  if (widest < 0) return out.push_back(std::move(p));
  std::vector<char> cut(ws.size(), none);
  cut[idx[best]] = gutter;
  report.repairs["type-step-cut"] += 1;
  for (auto& q : split(p, cut, false)) out.push_back(std::move(q));
}

// The upright rules the engine found, by left edge (at most 512, as measure_page keeps). Not
// measure_page's thin ones: a rule found in part may be short, four times as tall as wide.
struct Rules {
  std::vector<BBox> upright;
  mutable size_t budget = 20'000'000;  // rules looked at, for the whole page
  // A rule found inside a word's box is a stroke of a headline's character (fresh25 p006: the
  // 丨 of 平台 under a "·" read as "。" cut the row above).
  Rules(const std::vector<BBox>& all, const PageInk& ink) {
    for (const BBox& r : all)
      if (upright.size() < 512 && r.known() && r.width() * 4 <= r.height() && !ink.in_word(r)) upright.push_back(r);
    std::sort(upright.begin(), upright.end(), [](const BBox& a, const BBox& b) { return a.x0 < b.x0; });
  }
  // The middle of a rule standing in the white from x0 to x1 beside rows y0..y1, or ending within
  // two ems above or below them, -1 if none: where the row holds a mark or speck on it, the
  // engine found part of the gutter's rule and read the rest into the row ("表，世行", the rule
  // read as "，"; white under a rule's end is no evidence: a headline's word space).
  int in(int x0, int x1, int y0, int y1, int em) const {
    for (const BBox& r : upright) {
      if (budget == 0 || r.x0 > x1) break;
      --budget;
      if (r.x1 >= x0 && r.y0 <= y1 + 2 * em && r.y1 >= y0 - 2 * em) return (r.x0 + r.x1) / 2;
    }
    return -1;
  }
};

// On the page: gaps (and specks of ink) in a strip the rows around leave white.
void cut_on_page(LinePiece&& p, size_t self, const PageInk& ink, const Rules& rules, bool exact, int body,
                 ReflowReport& report, std::vector<LinePiece>& out) {
  const ocr::Line& l = p.line;
  // A text layer names its type's size; its glyph boxes stand half as tall again (and bound it:
  // a hostile file's sizes may be anything).
  const bool named = exact && l.size > 0 && l.box.known();
  const int em = !boxed_words(l) ? 0
                 : named         ? static_cast<int>(std::lround(std::min<double>(l.size, l.box.height())))
                                 : row_em(l);
  if (em <= 0) return out.push_back(std::move(p));
  // How near other rows' text may come to a gutter: a quarter em. In a text layer, of the rows
  // around: a headline's row over body text crosses a gutter half its own em wide (fresh22 p005:
  // two headlines side by side). (On scans the engine's boxes overhang the ink: a body em there
  // found gutters in running text.)
  const int near = (exact && body > 0 ? std::min(em, body) : em) / 4;
  // A rule ending near a headline's row is judged by the body's em: two of the headline's reach
  // the rule round a box in the article above, under a phrase space (fresh13 p001).
  const bool large = body > 0 && em >= body * kHeadline;
  const size_t n = l.words.size();
  std::vector<char> cut(n, none);
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
      // Where the gutter runs: a rule the row holds a mark or speck on (the rule's rest read into
      // the row), else the first probe, every eighth of an em, that the page leaves white.
      int at = rules.in(std::min(x.x1, y.x0), std::max(x.x1, y.x0), y0, y1, large ? body : em);
      bool read = false;
      for (size_t s = a + 1; s < k && at >= 0; ++s)
        read = read || (l.words[s].box.x0 <= at + em / 4 && l.words[s].box.x1 >= at - em / 4);
      if (!read) at = -1;
      const int step = std::max(1, em / 8);
      for (int px = std::min(x.x1, y.x0); at < 0 && px <= std::max(x.x1, y.x0) && px - x.x1 < 8 * em; px += step)
        if (ink.gutter(px, y0, y1, em, near, self)) at = px;
      if (at >= 0) {
        // Marks between the two words go where they may stand (clreq §3.1.7): a comma ends the
        // left column's line (even read off a rule in the gutter's middle), an opening quote
        // starts the right one's; others stay on the side of the gutter they stand on.
        size_t first_right = k;
        for (size_t s = a + 1; s < k; ++s) {
          const std::u32string t = to_u32(l.words[s].text);
          const bool ends = !t.empty() && clreq::not_at_line_start(t.front());
          const bool opens = !t.empty() && clreq::not_at_line_end(t.back());
          if (opens || (!ends && (l.words[s].box.x0 + l.words[s].box.x1) / 2 >= at)) {
            first_right = s;
            break;
          }
        }
        cut[first_right] = gutter;
        any = true;
      }
    }
    a = k;
  }
  if (!any) return out.push_back(std::move(p));
  report.repairs["gutter-cut"] += 1;
  for (auto& q : split(p, cut, exact)) out.push_back(std::move(q));
}

}  // namespace

std::vector<LinePiece> split_piece(const LinePiece& p, const std::vector<char>& cut_before, bool exact) {
  return split(p, cut_before, exact);
}

std::vector<LinePiece> cut_gutters(const ocr::Page& page, int body, ReflowReport& report) {
  std::vector<LinePiece> pieces;
  pieces.reserve(page.line_count());
  for (size_t r = 0; r < page.regions.size(); ++r)
    for (const auto& whole : page.regions[r].lines) {
      LinePiece piece;
      piece.line = whole, piece.region = r;
      if (!page.exact) tidy_row_box(piece.line);
      std::vector<LinePiece> in_line;
      cut_in_line(std::move(piece), body, page.exact, report, in_line);
      // An engine's rows only: a text layer's lines are its extractor's, not read across.
      for (auto& q : in_line)
        if (page.exact) pieces.push_back(std::move(q));
        else cut_at_type_step(std::move(q), body, report, pieces);
    }
  if (!page.exact) drop_rule_marks(pieces, report);
  const PageInk ink(pieces);
  const Rules rules(page.rules, ink);
  std::vector<LinePiece> out;
  out.reserve(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) cut_on_page(std::move(pieces[i]), i, ink, rules, page.exact, body, report, out);
  // Headline rows woven two or three deep are cut from the lowest up (fresh62 p004). A text
  // layer's too: it joins a row's pieces under an em apart, and two headlines may stand closer
  // (fresh88 p005, set by XeLaTeX: 0.6 em on each of their rows).
  std::vector<BBox> cut = cut_headline_rows(out, body, page.exact, report);
  for (int pass = 0; pass < 2 && !cut.empty(); ++pass) cut = cut_headline_rows(out, body, page.exact, report, &cut);
  return out;
}

}  // namespace paiban::reflow_stages
