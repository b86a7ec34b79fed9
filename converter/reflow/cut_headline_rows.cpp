// cut_headline_rows: the first rows of two headlines side by side, read by the engine as one
// line, cut where they part (fresh39 p004: "【江河奔腾看" over one article and "国际联播快讯"
// over the next, 37 px of white between their boxes, under a fifth of their em: no gap
// cut_gutters reads as a gutter, and the columns' gutter below is narrower than a quarter of it).
//
// Two kinds of evidence, both needed:
//  - the headlines' next rows, in their type and just under the row, part at the white: none
//    runs across it, and one ends or starts within an em of it;
//  - a strip under the white stays white down four of the headline's ems, with text ending
//    left of it and starting right of it (PageInk::white_strip): a gutter under the row,
//    judged there alone (the articles above may set their gutter elsewhere: fresh28 p007).
// A headline over its own columns whose next row happens to end over a gutter, at a gap of its
// first row, would be cut too: three things must meet for that.
// Rows woven two or three deep (fresh62 p004: "【以中国式现 中国空间站" over "代化全面推进 第三次
// 太空", the rows under them apart) are cut from the lowest up: a second and third call cut a
// row whose next rows part only once the row under it is cut, over the white cut there.
// A text layer's rows too: it joins pieces of a row under an em apart (fresh88 p005's PDF, set by
// XeLaTeX: two headlines 0.6 em apart on each of three rows, a picture under the white).
#include <algorithm>
#include <optional>

#include "core/clreq.h"
#include "core/unicode.h"
#include "reflow/page_stages.h"
#include "reflow/words.h"

namespace paiban::reflow_stages {

namespace {

using words::boxed_words;
using words::line_em;
using words::solid;

// Type sizes a half apart at most: rows of one headline (an engine boxes some of a row's
// characters a third taller: fresh28 p007).
bool alike(int a, int b) { return a > 0 && b > 0 && std::max(a, b) * 2 <= std::min(a, b) * 3; }

// The rows in headline type under piece i (top within an em below its foot, a quarter em above
// it), of its type, reaching under its box. At most 64 are looked at, by top edge.
std::vector<size_t> rows_under(const std::vector<LinePiece>& ps, const std::vector<size_t>& by_top,
                               const std::vector<int>& em, size_t i) {
  const BBox& b = ps[i].line.box;
  std::vector<size_t> out;
  auto first = std::lower_bound(by_top.begin(), by_top.end(), b.y1 - em[i] / 4,
                                [&](size_t k, int y) { return ps[k].line.box.y0 < y; });
  for (size_t seen = 0; first != by_top.end() && seen < 64; ++first, ++seen) {
    const size_t j = *first;
    const BBox& r = ps[j].line.box;
    if (r.y0 > b.y1 + em[i]) break;
    if (j != i && alike(em[i], em[j]) && r.x1 > b.x0 && r.x0 < b.x1) out.push_back(j);
  }
  return out;
}

// The headlines' next rows part at the white from lo to hi: none runs across it, and one ends
// within an em left of it or starts within an em right of it (one headline goes on there; the
// other may too, or may not).
bool part_at(const std::vector<LinePiece>& ps, const std::vector<size_t>& under, int lo, int hi, int em) {
  bool near = false;
  for (size_t j : under) {
    const BBox& r = ps[j].line.box;
    if (r.x0 < lo && r.x1 > hi) return false;
    near = near || (r.x1 <= hi && r.x1 >= lo - em) || (r.x0 >= lo && r.x0 <= hi + em);
  }
  return near;
}

constexpr char kCut = 1, kDrop = 2;  // a word the row is cut before; a word that goes

// The marks between the two headlines' words a and k, the row cut before k: one read with
// little confidence is the white's (a speck, a rule's end: fresh28 p007's "”" at 16, boxed
// across the white, would widen the left headline's box over the right one's column); an
// opening mark starts the right headline, any other ends the left one (clreq §3.1.7).
void place_marks(const ocr::Line& l, size_t a, size_t k, std::vector<char>& cut) {
  size_t first_right = k;
  for (size_t s = a + 1; s < k; ++s) {
    const ocr::Word& w = l.words[s];
    if (w.conf >= 0 && w.conf < 50) {
      cut[s] = kDrop;
      continue;
    }
    const std::u32string t = to_u32(w.text);
    if (first_right == k && !t.empty() && clreq::not_at_line_end(t.back())) first_right = s;
  }
  if (first_right < k) cut[k] = 0, cut[first_right] = kCut;
}

}  // namespace

std::vector<BBox> cut_headline_rows(std::vector<LinePiece>& ps, int body, bool exact, ReflowReport& report,
                                    const std::vector<BBox>* below) {
  std::vector<BBox> whites;  // the whites cut, each as tall as its row
  if (body <= 0) return whites;
  const size_t n = ps.size();
  std::vector<int> em(n, 0);
  std::vector<size_t> by_top;
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (!ps[i].line.box.known()) continue;
    by_top.push_back(i);
    // A line given as one box (a text row with no words' boxes): its height is its type's.
    const bool boxed = boxed_words(ps[i].line);
    em[i] = boxed ? line_em(ps[i].line) : ps[i].line.box.height();
    any = any || (boxed && em[i] >= body * kHeadline);
  }
  if (!any) return whites;
  std::sort(by_top.begin(), by_top.end(), [&](size_t a, size_t b) { return ps[a].line.box.y0 < ps[b].line.box.y0; });
  std::optional<PageInk> ink;  // built once a row's next rows part at a gap
  std::vector<std::pair<size_t, std::vector<char>>> cuts;  // pieces to cut, before which words
  size_t budget = 4096;  // headline rows looked at (hostile input: a million of them)
  for (size_t i = 0; i < n && budget > 0; ++i) {
    const ocr::Line& l = ps[i].line;
    if (em[i] < body * kHeadline || !boxed_words(l)) continue;
    --budget;
    const std::vector<size_t> under = rows_under(ps, by_top, em, i);
    if (under.empty()) continue;
    std::vector<char> cut(l.words.size(), 0);
    bool cutting = false;
    size_t a = l.words.size();  // the last solid word before k
    for (size_t k = 0; k < l.words.size(); ++k) {
      if (!solid(l.words[k])) continue;
      if (a < l.words.size()) {
        const int lo = l.words[a].box.x1, hi = l.words[k].box.x0;
        // (White over an em and a fifth was cut in the line already: cut_gutters.)
        // Again (`below`): only over a white cut in the row right under this one (the first 256
        // whites are looked at: hostile input may cut thousands).
        auto over_cut = [&]() {
          for (size_t w = 0; w < below->size() && w < 256; ++w) {
            const BBox& b = (*below)[w];
            if (std::min(b.x1, hi) > std::max(b.x0, lo) && b.y0 >= l.box.y1 - em[i] / 4 && b.y0 <= l.box.y1 + em[i])
              return true;
          }
          return false;
        };
        if (hi > lo && (hi - lo) * 5 <= em[i] * 6 && part_at(ps, under, lo, hi, em[i]) && (!below || over_cut())) {
          if (!ink) ink.emplace(ps);
          // Every eighth of the body's em, 64 probes at most (hostile boxes may be anything).
          const int step = std::max({1, body / 8, (hi - lo) / 64});
          for (int px = lo; px <= hi && !cut[k]; px += step)
            if (ink->white_strip(px, l.box.y1, l.box.y1 + 4 * em[i], em[i], body / 4, i)) cut[k] = kCut, cutting = true;
          if (cut[k]) place_marks(l, a, k, cut), whites.push_back(BBox{lo, l.box.y0, hi, l.box.y1});
        }
      }
      a = k;
    }
    if (cutting) cuts.emplace_back(i, std::move(cut));
  }
  if (cuts.empty()) return whites;
  std::vector<LinePiece> out;
  out.reserve(n + cuts.size());
  size_t c = 0;
  for (size_t i = 0; i < n; ++i) {
    if (c < cuts.size() && cuts[c].first == i) {
      report.repairs["headline-row-cut"] += 1;
      const std::vector<char>& cut = cuts[c++].second;
      LinePiece kept = ps[i];
      kept.line.words.clear();
      std::vector<char> before;
      for (size_t k = 0; k < cut.size(); ++k) {
        if (cut[k] == kDrop) {
          report.repairs["mark-in-white"] += 1;
          continue;
        }
        kept.line.words.push_back(ps[i].line.words[k]);
        before.push_back(cut[k] == kCut);
      }
      for (auto& q : split_piece(kept, before, exact)) out.push_back(std::move(q));
    } else {
      out.push_back(std::move(ps[i]));
    }
  }
  ps = std::move(out);
  return whites;
}

}  // namespace paiban::reflow_stages
