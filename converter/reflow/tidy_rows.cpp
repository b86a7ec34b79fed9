// tidy_rows: an engine's rows made fit to be cut at their gutters. Its boxes reach past the
// ink (a word read at confidence 0 boxed over its row, a row box running on over the white), and
// a column rule thresholded into dots is read as marks at the rows' ends beside it: boxes are
// brought to the words they hold, the rule's marks dropped.
#include <algorithm>
#include <cstdlib>

#include "reflow/chars.h"
#include "reflow/page_stages.h"
#include "reflow/words.h"

namespace paiban::reflow_stages {

namespace {

using words::boxed_words;
using words::line_em;
using words::row_em;
using words::solid;

// A line's first or last word the engine read with no confidence at all, whose box spans other
// words of its line whole and reaches past them all, is a reading of their ink, its outer edge
// no edge of the line (fresh29 p005, a bilevel scan: "5%，" boxed 1077–1722 over "中" and "国共"
// at 1297–1722, reaching across the white into the next article's headline): that edge is
// brought to the words it spans. (Inside a line such a box stays: narrowed, it would open gaps.)
// Unless it holds Han characters (an em each: digits and letters are of no known width), spans
// two words or more (fresh81 p005's "阅" spans one, junk boxed three rows tall), and the white it
// reaches over beyond them is about as wide as its own characters need: they stand there, and
// its inner edge is brought to them (fresh72 p007: "落实。" boxed over its whole row at
// confidence 0, the rest 2.9 ems in, as wide as its three characters).
void narrow_junk_boxes(ocr::Line& l) {
  const size_t n = l.words.size();
  const int em = row_em(l);
  for (const size_t k : {size_t{0}, n - 1}) {
    ocr::Word& w = l.words[k];
    if (w.conf != 0) continue;
    BBox spanned;
    size_t count = 0;
    for (size_t j = 0; j < n; ++j)
      if (j != k && l.words[j].box.x0 >= w.box.x0 && l.words[j].box.x1 <= w.box.x1)
        spanned = unite(spanned, l.words[j].box), ++count;
    if (!spanned.known()) continue;
    const int need = static_cast<int>(chars::ems(w.text) * em);
    const int beyond = k == 0 ? spanned.x0 - w.box.x0 : w.box.x1 - spanned.x1;
    if (em > 0 && chars::han_count(w.text) > 0 && count >= 2 && std::abs(beyond - need) <= em) {
      if (k == 0) w.box.x1 = std::min(w.box.x1, w.box.x0 + need);
      else w.box.x0 = std::max(w.box.x0, w.box.x1 - need);
      continue;
    }
    if (k == 0) w.box.x0 = spanned.x0, l.box.x0 = std::max(l.box.x0, spanned.x0);
    else w.box.x1 = spanned.x1, l.box.x1 = std::min(l.box.x1, spanned.x1);
  }
}

// An engine's row box reaching an em or more past its words on a side holds no text there: the
// row ends at its words (fresh67 p006: "赵乐际对摩洛哥进行正式" boxed on to 1714 px, over the
// next headline "国内联播快讯" beside it, its words ending at 978).
void narrow_to_words(ocr::Line& l) {
  BBox words;
  for (const auto& w : l.words) words = unite(words, w.box);
  const int em = line_em(l);
  if (!words.known() || !l.box.known() || em <= 0) return;
  if (words.x0 - l.box.x0 >= em) l.box.x0 = words.x0;
  if (l.box.x1 - words.x1 >= em) l.box.x1 = words.x1;
}

// The em of a row by its characters' widths.
int width_em(const ocr::Line& l) {
  std::vector<int> w;
  for (const auto& x : l.words)
    if (const double n = chars::ems(x.text); n > 0 && solid(x)) w.push_back(static_cast<int>(x.box.width() / n));
  return median(std::move(w));
}

}  // namespace

void tidy_row_box(ocr::Line& l) {
  if (!boxed_words(l)) return;
  narrow_junk_boxes(l);
  narrow_to_words(l);
}

// A column rule thresholded into dots (a bilevel scan) is read as marks at the ends of the rows
// beside it: "农 ，" in one column, "， 视和网络" in the next (fresh28 p001). A mark at a row's
// end or start, narrow and standing apart from the row's text by a third of an em (a line's own
// mark is set close after its character, and none may open a line), with another such mark in
// another row at the same place within five ems above or below, is the rule's: it goes, and the
// row ends at its text. At most 64 marks are compared with each (hostile input: one column of
// a million marks). Not a mark that a row of its type within three ems runs across: no rule
// stands inside a column of text; that mark is the text's, the characters before it lost
// (fresh84 p003: "、江杉…", "，投资…", "，湖南…" an em in, their first characters lost).
void drop_rule_marks(std::vector<LinePiece>& pieces, ReflowReport& report) {
  struct Mark {
    int x, y, em, size;  // em: how far apart its row's characters stand; size: the row's type
    size_t piece;
    bool last;
  };
  std::vector<Mark> marks;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const ocr::Line& l = pieces[i].line;
    if (l.words.size() < 3 || !boxed_words(l)) continue;
    // The row's em by its boxes' height and pitch, and by its characters' widths: a bilevel
    // scan's boxes may be row-tall, two ems (then the widths tell how far apart a mark stands).
    const int tall = row_em(l), wide = width_em(l), em = std::max(tall, wide), apart = std::min(tall, wide);
    if (apart <= 0) continue;
    for (const bool last : {false, true}) {
      const size_t k = last ? l.words.size() - 1 : 0, next = last ? k - 1 : 1;
      const ocr::Word& w = l.words[k];
      if (solid(w) || w.box.width() * 2 > em) continue;
      const int gap = last ? w.box.x0 - l.words[next].box.x1 : l.words[next].box.x0 - w.box.x1;
      if (gap * 3 >= apart) marks.push_back(Mark{(w.box.x0 + w.box.x1) / 2, (w.box.y0 + w.box.y1) / 2, apart, em, i, last});
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.x < b.x; });
  std::vector<char> rule(marks.size(), 0);
  for (size_t a = 0; a < marks.size(); ++a)
    for (size_t b = a + 1; b < marks.size() && b - a <= 64 && marks[b].x - marks[a].x <= marks[a].em / 3; ++b)
      if (marks[b].piece != marks[a].piece && std::abs(marks[b].y - marks[a].y) < 5 * marks[a].em) rule[a] = rule[b] = 1;
  // Rows by their middle, to find those around a mark (128 at most looked at for each).
  std::vector<std::pair<int, size_t>> by_mid;
  for (size_t i = 0; i < pieces.size(); ++i)
    if (pieces[i].line.box.known()) by_mid.emplace_back((pieces[i].line.box.y0 + pieces[i].line.box.y1) / 2, i);
  std::sort(by_mid.begin(), by_mid.end());
  auto crossed = [&](const Mark& m) {
    auto at = std::lower_bound(by_mid.begin(), by_mid.end(), std::make_pair(m.y - 3 * m.size, size_t{0}));
    for (size_t n = 0; at != by_mid.end() && at->first <= m.y + 3 * m.size && n < 128; ++at, ++n) {
      if (at->second == m.piece) continue;
      const ocr::Line& l = pieces[at->second].line;
      const int e = row_em(l);
      // Another type (a headline over the columns): outside what the mark's row measures, by its
      // characters' pitch and by its boxes' height.
      if (e * 4 > m.size * 5 || e * 5 < m.em * 4) continue;
      if (l.box.x0 + m.size / 2 < m.x && l.box.x1 - m.size / 2 > m.x) return true;
    }
    return false;
  };
  std::vector<char> first(pieces.size(), 0), last(pieces.size(), 0);
  for (size_t m = 0; m < marks.size(); ++m)
    if (rule[m] && !crossed(marks[m])) (marks[m].last ? last : first)[marks[m].piece] = 1;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (!first[i] && !last[i]) continue;
    std::vector<ocr::Word>& ws = pieces[i].line.words;
    if (last[i]) ws.pop_back(), report.repairs["column-rule"] += 1;
    if (first[i]) ws.erase(ws.begin()), report.repairs["column-rule"] += 1;
    BBox& box = pieces[i].line.box;
    box.x0 = ws.front().box.x0, box.x1 = ws.front().box.x1;
    for (const auto& w : ws) box.x0 = std::min(box.x0, w.box.x0), box.x1 = std::max(box.x1, w.box.x1);
  }
}

}  // namespace paiban::reflow_stages
