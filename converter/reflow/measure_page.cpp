// measure_page: every OCR line → its text features (as column text has them) and its geometry:
// box, type size, confidence; the page's body type size. Words are joined by their boxes: a
// space Tesseract puts between Han characters whose boxes touch is no space in print.
#include <algorithm>
#include <cmath>

#include "core/clreq.h"
#include "core/unicode.h"
#include "reflow/chars.h"
#include "reflow/page_stages.h"
#include "reflow/words.h"

namespace paiban::reflow_stages {

using chars::Cls;

BBox unite(const BBox& a, const BBox& b) {
  if (!a.known()) return b;
  if (!b.known()) return a;
  return BBox{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

BBox intersect(const BBox& a, const BBox& b) {
  const BBox in{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
  return in.known() ? in : BBox{};
}

long long area(const BBox& b) { return b.known() ? static_cast<long long>(b.width()) * b.height() : 0; }

namespace {

// Pause and stop marks in a word, as normalise counts them (the ASCII look-alikes too; a colon
// is no pause).
int pause_marks(const std::string& s) {
  int n = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = chars::decode(s, i);
    n += (clreq::is_pause_or_stop(c) && c != U'：') || c == U',' || c == U';' || c == U'!' || c == U'?';
  }
  return n;
}

char32_t first_char(const std::string& s) {
  size_t i = 0;
  return s.empty() ? 0 : chars::decode(s, i);
}

char32_t last_char(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return chars::decode(s, i);
}

bool sentence_mark(const std::string& w) {
  for (const char* m : {"，", "。", "、", "；", "！", "？"})
    if (w.find(m) != std::string::npos) return true;
  return false;
}

// A line of running text by its measure: in the body's type, a sixth either way, and ten Han
// characters long or more. A paragraph's line may hold no sentence mark ("长征三号乙运载火箭与
// 远征一号", fresh35 p000); a byline with a real space is shorter, a headline larger.
bool body_line(const ocr::Line& l, double size, int body) {
  if (body <= 0 || std::abs(size - body) * 6 > body) return false;
  size_t han = 0;
  for (const auto& w : l.words) han += chars::han_count(w.text);
  return han >= 10;
}

// The words of a line as printed. Between two words a space stays when both sides are Latin or
// digits (a word space). Between Han, Tesseract's word boxes are ink boxes, and the ink of Han
// characters set solid (or justified) stands up to half an em apart: in running text (sentence
// marks inside) every such space is dropped; in a headline or byline a gap over half an em and
// well above the line's usual gap is a real space ("本报记者 高茜"), anything else is dropped.
// A text layer's (`exact`) gaps are the print's: one of a fifth of an em or more between Han words is a
// printed space ("…控制　哈马斯…"), any narrower gap is its extractor's word break, no repair.
std::string join_words(const ocr::Line& l, int em, bool exact, const std::vector<size_t>& solid,
                       bool body_line, ReflowReport& report) {
  std::vector<int> gaps;
  bool running = body_line;
  const ocr::Word* prev = nullptr;
  for (const auto& w : l.words) {
    if (w.text.empty()) continue;
    running = running || sentence_mark(w.text);
    if (prev && prev->box.known() && w.box.known()) gaps.push_back(w.box.x0 - prev->box.x1);
    prev = &w;
  }
  int usual = 0;
  if (!gaps.empty()) {
    std::vector<int> g = gaps;
    std::nth_element(g.begin(), g.begin() + static_cast<long>(g.size() / 2), g.end());
    usual = std::max(0, g[g.size() / 2]);
  }
  std::string s;
  prev = nullptr;
  int dropped = 0;
  bool inside = false;  // the gap after the previous word was joined inside running text
  for (size_t k = 0; k < l.words.size(); ++k) {
    const ocr::Word& w = l.words[k];
    if (w.text.empty()) continue;
    if (prev) {
      Cls a = chars::classify(last_char(prev->text)), b = chars::classify(first_char(w.text));
      bool latin = !chars::is_cjk(a) && !chars::is_cjk(b);
      bool boxes = prev->box.known() && w.box.known();
      int gap = boxes ? w.box.x0 - prev->box.x1 : 0;
      bool han = a == Cls::han && b == Cls::han;
      bool wide = han && boxes && !inside && (exact ? gap * 5 >= em : !running && gap * 2 > em && gap * 2 > usual * 5);
      if (latin || wide || (!boxes && em == 0)) s += ' ';
      else ++dropped;
    }
    s += w.text;
    prev = &w;
    inside = std::find(solid.begin(), solid.end(), k) != solid.end();
  }
  if (dropped > 0 && !exact) report.repairs["han-space"] += dropped;
  return s;
}

// A line's box: the source's, or its words' where the source gives none.
BBox line_box(const ocr::Line& l) {
  BBox b = l.box;
  if (!b.known())
    for (const auto& w : l.words) b = unite(b, w.box);
  return b;
}

bool all_han(const std::string& s) {
  size_t i = 0;
  while (i < s.size())
    if (chars::classify(chars::decode(s, i)) != Cls::han) return false;
  return !s.empty();
}

// Type size from the line's geometry: the ink of a Han character is about 0.9 em high, the
// same for every character. The line box is not: brackets, quotes and a comma's tail reach
// past the Han ink, so a line with "（" stands taller than its neighbour without one, and a
// paragraph's short last line would look set in smaller type. The median height of the words
// made of Han characters only is what the type measures (capped by the line box: Tesseract
// sometimes gives a lone character a box reaching into the next line). Tesseract's x_size is
// estimated per block and may be half again too large: only where the line has no box.
double line_size(const ocr::Line& l) {
  std::vector<int> h, w, square;
  for (const auto& word : l.words)
    if (word.box.known() && all_han(word.text)) {
      h.push_back(word.box.height());
      w.push_back(word.box.width() / std::max<int>(1, static_cast<int>(to_u32(word.text).size())));
      // A character box as wide as 0.6 of its height at least: Han ink is about square, and a
      // box far taller than wide is the engine's row box given to one character.
      if (w.back() * 5 >= h.back() * 3) square.push_back(h.back());
    }
  if (!h.empty()) {
    int size = median(h);
    // Where the words' heights, the line's box and its characters' pitch all agree, they are the
    // type's, whatever the square boxes say: those were a flat 一, a speck and a stroke boxed
    // short (fresh33 p003's headline: 72 px high, a 74 px box and pitch, its square words 45).
    const int p = pitch(l);
    auto near = [](int a, int b) { return std::abs(a - b) * 8 < std::max(a, b); };
    const bool agree = h.size() >= 3 && l.box.known() && near(size, p) && near(size, l.box.height());
    if (square.size() >= 3 && !agree) size = std::min(size, median(square));
    // Han characters are square and set an em apart or more (a condensed face, 长体, narrows
    // them to four fifths; their ink is nine tenths of an em high): words a fifth again taller
    // than their characters' pitch carry the engine's row box (two printed rows read as one, a
    // row read across a gutter whose other side is set larger, a body line boxed with the white
    // above it: fresh39 p004), not the type's height. Judged on three words at least (a line
    // given as one word box says nothing of its characters), and on the pitch too: Tesseract
    // boxes some lines' characters half as wide as their ink.
    if (h.size() >= 3) size = type_height(size, std::max(median(w), p));
    return l.box.known() ? std::min(size, l.box.height()) : size;
  }
  if (l.box.known()) return l.box.height();
  return l.size;
}

// The middle of a line's type: the median of its words' middles, the box's without word boxes.
int middle(const ocr::Line& l, const BBox& box) {
  std::vector<int> m;
  for (const auto& w : l.words)
    if (w.box.known()) m.push_back((w.box.y0 + w.box.y1) / 2);
  return m.empty() ? (box.y0 + box.y1) / 2 : median(std::move(m));
}

// Whether the rows around run across the gap between pieces a (box x) and b (box y) of one row:
// text above and below every stretch of it (a short line's white ending at a gutter fails).
// Pieces of body text two ems apart at most (`once`) are the last (first) line of their text
// where none stands within two ems of the gap below (above): the rows on the other side decide
// (fresh23 p001: "乌克兰危" boxed 1.2 em past "阻碍" on a paragraph's last full line, then read
// as a headline of its own). A gutter has its columns' edges on both sides.
// A headline's halves (`headline`) have white above them: the text under them decides (fresh32
// p000: "王沪宁会见哈萨克斯坦总统" read "王六于会", 3.4 em of white, "斯坦总").
bool across(const PageInk& ink, const BBox& x, const BBox& y, int em, size_t a, size_t b, bool once,
            bool headline) {
  const int y0 = std::min(x.y0, y.y0), y1 = std::max(x.y1, y.y1), step = std::max(1, em / 4);
  using Open = PageInk::Open;
  Open open = Open::none;
  if (once && ink.white_beyond(x.x1, y.x0, y0, y1, em, a, b, false)) open = Open::below;
  else if ((once || headline) && ink.white_beyond(x.x1, y.x0, y0, y1, em, a, b, true)) open = Open::above;
  for (int px = x.x1 + step; px < y.x0; px += step)
    if (!ink.within_text(px, y0, y1, em, a, b, open)) return false;
  return true;
}

// A gutter under the white between two engine lines in headline type, x and y: a strip of it
// stays white six of their ems down, text ending left of it and starting right of it. Two
// headlines side by side over their own columns; the text under them, a headline's ems apart,
// hides a gutter of body type from `across` (fresh56 p002: "习近平会见白俄罗斯总统" and "俄称继续
// 打击乌军人员装备", 170 px apart over a 52 px gutter). Asked of white three ems wide at most:
// wider white is more often characters of one headline the engine lost, over the gutters of its
// columns (fresh31 p004: "王沪字会" and "坦总", 890 px apart). Every eighth of the body's em, 64
// probes at most. The gutter lies within two body ems of the right line's start: a headline
// starts at its column's left edge; a headline's row may run on past its columns' gutter (fresh55
// p006: "蔡奇会见柬埔寨" over two columns, its "寨" 126 px past the gutter).
bool gutter_under(const PageInk& ink, const BBox& x, const BBox& y, int em, int body, size_t self) {
  const int step = std::max({1, body / 8, (y.x0 - x.x1) / 64}), foot = std::max(x.y1, y.y1);
  for (int px = std::max(x.x1 + step, y.x0 - 2 * body); px < y.x0; px += step)
    if (ink.white_strip(px, foot, foot + 6 * em, em, std::max(1, body / 4), self)) return true;
  return false;
}

// Under a headline's halves x and y (pieces by_top[a] and on), within three ems, one row of
// body text runs from the left half's end to the right half's first character: one headline
// over its article's text, not two side by side over theirs (fresh38 p000, psm 4: "世界卫生"
// and "。俄称继续打击", the left article's text reaching past the "。" the engine read in the
// white, the headlines' next rows read as one line across).
bool spanned_below(const std::vector<LinePiece>& ps, const std::vector<size_t>& by_top, size_t a, const BBox& x,
                   const LinePiece& right, int em, const std::vector<double>& size, double body) {
  int start = right.line.box.x0;
  for (const auto& w : right.line.words)
    if (w.box.known() && words::solid(w)) {
      start = w.box.x0;
      break;
    }
  const int bottom = std::max(x.y1, right.line.box.y1);
  for (size_t b = a + 1; b < by_top.size() && b <= a + 64; ++b) {
    const BBox& r = ps[by_top[b]].line.box;
    if (r.y0 > bottom + 3 * em) break;
    if (r.y0 >= bottom - em / 4 && r.x0 <= x.x1 && r.x1 >= start && size[by_top[b]] <= body * 1.25) return true;
  }
  return false;
}

// Pieces of one printed line the engine read as two (Tesseract cuts a wide article's line where
// the gutter of the columns above it runs down, and files the halves in different blocks): on
// one row, the next starting where the last ends, less than half an em apart (a gutter is an
// em or more) or further apart where the rows around run across the gap, type alike (or, for
// the halves of one engine line cut at a wide gap alone, whatever their type). Each piece
// is joined to its nearest such neighbour on the right; a row is searched among the next lines
// by top edge only (bounded: hostile input stays linear). A text layer (`exact`) misses no
// character: pieces further apart than half an em are columns apart.
std::vector<LinePiece> join_row_pieces(std::vector<LinePiece> ps, bool exact) {
  const size_t n = ps.size();
  std::vector<size_t> by_top;
  for (size_t i = 0; i < n; ++i)
    if (ps[i].line.box.known()) by_top.push_back(i);
  std::sort(by_top.begin(), by_top.end(), [&](size_t a, size_t b) { return ps[a].line.box.y0 < ps[b].line.box.y0; });
  const size_t none = static_cast<size_t>(-1);
  std::vector<size_t> next(n, none), prev(n, none);
  std::vector<bool> inside(n, false);  // joined to the piece before across a gap within running text
  std::vector<double> size(n);
  // A text layer's size is its type's (its glyph boxes stand taller: ascent and descent).
  for (size_t i = 0; i < n; ++i) size[i] = exact && ps[i].line.size > 0 ? ps[i].line.size : line_size(ps[i].line);
  const PageInk ink(ps);
  std::vector<int> sizes;  // the body's type: the lines' median size
  for (size_t i = 0; i < n; ++i) sizes.push_back(static_cast<int>(size[i]));
  const double body = median(std::move(sizes));
  for (size_t a = 0; a < by_top.size(); ++a) {
    // Neighbours on the row start within its height above or below: scan both ways, bounded.
    const BBox& x = ps[by_top[a]].line.box;
    size_t best = none;
    int best_gap = 0;
    bool best_inside = false;
    for (size_t b = a >= 32 ? a - 32 : 0; b < by_top.size() && b < a + 32; ++b) {
      const size_t j = by_top[b];
      const BBox& y = ps[j].line.box;
      if (j == by_top[a] || prev[j] != none || ps[by_top[a]].cut_right || ps[j].cut_left) continue;
      const double small = std::min(size[by_top[a]], size[j]), big = std::max(size[by_top[a]], size[j]);
      const int overlap = std::min(x.y1, y.y1) - std::max(x.y0, y.y0);
      const int gap = y.x0 - x.x1;
      // Halves of one engine line cut at a wide gap alone: the rows around decide, not the type
      // (a few row-tall character boxes make one half look larger).
      const bool halves = ps[by_top[a]].gap_right && ps[j].gap_left && ps[by_top[a]].line.id == ps[j].line.id;
      // Two engine lines share a row by three quarters of the lower box at least; a row of a
      // column beside, set half a line lower, shares a little over half (fresh76 p006: "…卫星顺"
      // and the next column's ":的740多家…", 18 px apart at 37 px type, a junk mark between).
      if (small <= 0 || (big > small * 1.25 && !halves) ||
          overlap * 20 < std::min(x.height(), y.height()) * (halves ? 12 : 15))
        continue;
      if (gap < -small / 4 || y.x1 <= x.x1 || gap > small * 8) continue;
      // Further apart, the rows around say: their text runs across the gap (characters the
      // engine missed, a word it boxed apart), or it is white (a gutter between columns).
      // The engine's line of body text cut there alone (its two halves), two ems apart at most:
      // it may be its text's last or first line (headlines side by side stand over white:
      // fresh11 p000, psm 6). So may two engine lines of body text: Tesseract files a wide
      // column's row in pieces, in blocks of their own, at cuts that move from row to row
      // (fresh61 p004: "央视网消息（新闻联播）：" 29 px from "多国人士表示…", under the headline).
      // Not the halves of a line cut elsewhere too; a piece cut from its engine line at a wide
      // gap keeps the stricter test (fresh44 p000: "农业、科技、文化、数字经济", read apart
      // in the white of "会谈后…签署经贸、 绿色低碳…" and joined there, left an article run into
      // the next under a lost headline measured by the wide rows, and read woven).
      const LinePiece &l = ps[by_top[a]], &r = ps[j];
      const bool alone = halves && !l.cut_left && !l.gap_left && !r.cut_right && !r.gap_right;
      const bool apart = !halves && !l.gap_right && !r.gap_left;
      const bool once = (alone || apart) && small <= body * 1.25 && gap <= small * 2;
      const bool headline = alone && small >= body * kHeadline &&
                            spanned_below(ps, by_top, a, x, r, static_cast<int>(small), size, body);
      if (gap > small / 2 && (exact || !across(ink, x, y, static_cast<int>(small), by_top[a], j, once, headline)))
        continue;
      if (!exact && !halves && gap > small / 2 && gap <= small * 3 && small >= body * kHeadline &&
          gutter_under(ink, x, y, static_cast<int>(small), static_cast<int>(body), by_top[a]))
        continue;
      if (best == none || gap < best_gap) best = j, best_gap = gap, best_inside = gap > small / 2;
    }
    if (best != none) next[by_top[a]] = best, prev[best] = by_top[a], inside[best] = best_inside;
  }
  std::vector<LinePiece> out;
  std::vector<bool> used(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (prev[i] != none || used[i]) continue;
    LinePiece p = std::move(ps[i]);
    used[i] = true;
    for (size_t j = next[i]; j != none && !used[j]; j = next[j]) {
      used[j] = true;
      p.line.box = unite(p.line.box, ps[j].line.box);
      p.line.id += (p.line.id.empty() || ps[j].line.id.empty() ? "" : " ") + ps[j].line.id;
      if (inside[j] && !p.line.words.empty()) p.solid.push_back(p.line.words.size() - 1);
      for (size_t k : ps[j].solid) p.solid.push_back(k + p.line.words.size());
      for (auto& w : ps[j].line.words) p.line.words.push_back(std::move(w));
      p.line.size = exact ? std::max(p.line.size, ps[j].line.size) : 0;
    }
    out.push_back(std::move(p));
  }
  for (size_t i = 0; i < n; ++i)  // a cycle cannot form (next lies right), but keep every line
    if (!used[i]) out.push_back(std::move(ps[i]));
  return out;
}

// A line the engine read twice: Tesseract sometimes reads the top half of a headline's glyphs
// as a line of its own, inside the headline's box and over its words, as junk ("训天全人知一").
// Its ink is the headline's, already read: a line (nine tenths of its box) inside a taller
// line's box whose word boxes lie (four fifths of their area) on that line's words is left out.
// Searched among the 64 lines on either side by top edge (bounded: hostile input stays linear).
std::vector<LinePiece> drop_lines_read_twice(std::vector<LinePiece> ps, ReflowReport& report) {
  const size_t n = ps.size();
  std::vector<BBox> box(n);
  std::vector<size_t> by_top(n);
  std::vector<float> trust(n);  // mean word confidence, -1 unknown
  for (size_t i = 0; i < n; ++i) box[i] = line_box(ps[i].line), by_top[i] = i, trust[i] = ps[i].line.conf();
  // By top edge, the taller first where two start on one row (the junk starts with its line).
  std::stable_sort(by_top.begin(), by_top.end(), [&](size_t a, size_t b) {
    return box[a].y0 != box[b].y0 ? box[a].y0 < box[b].y0 : box[a].height() > box[b].height();
  });
  std::vector<bool> drop(n, false);
  for (size_t k = 0; k < n; ++k) {
    const size_t g = by_top[k];
    const BBox& gb = box[g];
    if (!gb.known() || ps[g].line.words.empty()) continue;
    const bool doubted = trust[g] >= 0 && trust[g] < 50;
    // The 64 lines on either side by top edge: on a scan turned level, junk over the end of a
    // wide headline can start a little above the headline's box, whose height is the slant's.
    for (size_t s = k >= 64 ? k - 64 : 0; s < n && s <= k + 64; ++s) {
      if (s == k) continue;
      const size_t c = by_top[s];
      const BBox& cb = box[c];
      const auto &gw = ps[g].line.words, &cw = ps[c].line.words;
      if (drop[c] || gb.height() * 5 > cb.height() * 4) continue;
      // Junk the engine itself doubted (mean confidence under a half), four fifths of its box on
      // the taller line's, which the engine stood by: its words need not fall on that line's ("综站证上尝人品王" read over
      // "【学思想强党性重实践建新功】", reaching past the headline's box at one end). Or on a line
      // twice its height, whatever that one's confidence: no line of text stands inside another's
      // ink (fresh90 p003: "_昌A" at 32, 0, 0 in the row "夸备产量" read at 0, 0, 96).
      const bool inside = trust[c] >= 50 || cb.height() >= 2 * gb.height();  // a line stood by, or one twice as tall
      if (doubted && inside && area(intersect(gb, cb)) * 5 >= area(gb) * 4) {
        drop[g] = true;
        break;
      }
      // Word pairs bounded too: a headline holds dozens of words, a hostile line millions.
      if (area(intersect(gb, cb)) * 10 < area(gb) * 9 || gw.size() * cw.size() > 65536) continue;
      long long total = 0, covered = 0;
      for (const auto& w : gw) {
        total += area(w.box);
        for (const auto& v : cw) covered += area(intersect(w.box, v.box));
      }
      if (total > 0 && covered * 5 >= total * 4) {
        drop[g] = true;
        break;
      }
    }
  }
  std::vector<LinePiece> out;
  for (size_t i = 0; i < n; ++i) {
    if (drop[i]) report.repairs["line-read-twice"] += 1;
    else out.push_back(std::move(ps[i]));
  }
  return out;
}

// Tesseract's caption class is its layout analysis guessing from a block's shape: on 513 pages
// of the development sets it named 10 lines on 3 pages captions, none a caption (running text,
// a centred heading). A caption hint from it is no evidence; a declared region type (PAGE,
// ALTO's tags) is.
ocr::Hint trusted(const ocr::Page& page, ocr::Hint h) {
  return ocr::from_tesseract(page.engine) && h == ocr::Hint::caption ? ocr::Hint::none : h;
}

}  // namespace

// The line's character pitch: its words' extent over its characters (a Latin letter or digit
// half an em). The engine's character boxes may be half as wide as the ink they stand for.
int pitch(const ocr::Line& l) {
  int x0 = 1 << 30, x1 = -(1 << 30);
  double n = 0;
  for (const auto& word : l.words) {
    if (!word.box.known()) continue;
    x0 = std::min(x0, word.box.x0), x1 = std::max(x1, word.box.x1);
    n += chars::ems(word.text);
  }
  return n >= 1 && x1 > x0 ? static_cast<int>((x1 - x0) / n) : 0;
}

int type_height(int height, int pitch) { return pitch > 0 && height * 5 > pitch * 6 ? pitch : height; }

PageLayout measure_page(const ocr::Page& page, ReflowReport& report) {
  PageLayout L;
  L.width = page.width;
  L.height = page.height;
  L.exact = page.exact;
  // Rules are thin: a graphic of another shape is no frame. A page has some dozens; past 512
  // (ruled paper read as separators) the rest are left out, so finding boxes stays linear.
  for (const BBox& r : page.rules)
    if (L.rules.size() < 512 && r.known() && std::min(r.width(), r.height()) * 8 <= std::max(r.width(), r.height()))
      L.rules.push_back(r);
  const int body = words::body_height(page);
  for (const auto& piece :
       drop_lines_read_twice(join_row_pieces(cut_gutters(page, body, report), page.exact), report)) {
    const ocr::Line& ol = piece.line;
    PageLine pl;
    pl.box = line_box(ol);
    // A text layer's size is the type's own; an engine's is measured from its ink.
    pl.size = page.exact && ol.size > 0 ? ol.size : line_size(ol);
    pl.mid = middle(ol, pl.box);
    if (pl.size <= 0) pl.size = pl.box.height();
    std::string raw = join_words(ol, page.exact ? static_cast<int>(pl.size) : pl.box.height(), page.exact,
                                 piece.solid, !page.exact && body_line(ol, pl.size, body), report);
    pl.line = clean_line(raw, ol.src, report, !page.exact);
    if (pl.line.text.empty()) continue;
    pl.line.blanks_before = ol.blanks_before;
    pl.conf = ol.conf();
    for (const auto& w : ol.words) {
      pl.best = std::max(pl.best, w.conf);
      if (w.conf >= 0 && w.conf < 50 && !words::solid(w)) pl.doubted_pauses += pause_marks(w.text);
    }
    pl.id = ol.id;
    pl.face = ol.face;
    pl.hint = trusted(page, ol.hint != ocr::Hint::none ? ol.hint : page.regions[piece.region].hint);
    pl.region = piece.region;
    L.lines.push_back(std::move(pl));
  }
  // The body size: the commonest size among lines of running text (sentence marks inside).
  std::vector<double> sizes;
  for (const auto& l : L.lines)
    if (l.line.marks > 0 && l.size > 0) sizes.push_back(l.size);
  if (sizes.empty())
    for (const auto& l : L.lines)
      if (l.size > 0) sizes.push_back(l.size);
  if (!sizes.empty()) {
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
    L.em = sizes[sizes.size() / 2];
  }
  return L;
}

}  // namespace paiban::reflow_stages
