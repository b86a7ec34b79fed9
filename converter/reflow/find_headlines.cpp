// find_headlines: a page's headlines. A headline line is set in type well above the body size
// and holds no sentence; the lines of one headline printed on several lines (or read by the
// engine in pieces along a row) stay one group; two articles' headlines side by side, a smaller
// deck under a headline, junk read large off a picture or a rule and a body line the engine
// read large are told apart.
#include <algorithm>
#include <cmath>

#include "core/date.h"
#include "reflow/chars.h"

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// Headline lines: large type, no sentence inside (a headline holds at most one pause and no
// full stop: GB/T 15834 §4.1.3.1 — a title takes none).
// One "。" between two Han characters is allowed: the engine's reading of a kicker's middle dot
// ("【一线调研·加快形成" read as "【一线调研。加快形"). Marks the engine read alone at under half
// confidence are not counted: ink it could not read (fresh86 p006: "信心。权，访谈)", the "，" at
// 40 where "威" stood, a kicker's second row).
bool headline_line(const PageLayout& L, const PageLine& l) {
  if (l.furniture || l.size < L.em * kHeadline || opens_subtitle(l.line)) return false;
  const std::u32string& t = l.line.text;
  // A stop opening the line is no sentence's end but a speck read as one (no stop may open a
  // line: clreq §3.1.7; fresh89 p003: "。国内联播快讯").
  const size_t stop = t.find(U'。', t.size() > 1 && t[0] == U'。' ? 1 : 0);
  const bool dot = stop != std::u32string::npos && stop > 0 && stop + 1 < t.size() && t.find(U'。', stop + 1) == std::u32string::npos &&
                   chars::classify(t[stop - 1]) == chars::Cls::han && chars::classify(t[stop + 1]) == chars::Cls::han;
  return l.line.pauses - l.doubted_pauses <= 1 && l.line.end != End::stop && (stop == std::u32string::npos || dot);
}

// A headline group worth an article: four Han characters at least on lines the engine read with
// confidence, and not the paper's date (a running head the furniture row missed).
bool trusted(const PageLayout& L, const std::vector<size_t>& g) {
  size_t han = 0;
  std::u32string text;
  for (size_t k : g) {
    const PageLine& l = L.lines[k];
    text += no_spaces(l.line.text);
    han += trusted_han(l);
  }
  return han >= 4 && !parse_dateline(text).has_value();
}

// Whether running text (sentence marks inside) lies within an em above and 1.5 em below the
// group, across most of its width: a body line read large stands a line's space from the text on
// both sides; a headline further from the text above it, the end of another article (fresh29
// p000: 1.5 em, 6 mm between stacked articles). Not in a text layer: it names the type, and type at a headline's size
// is set large whatever stands round it (fresh21 p003: a four-line headline an em under the text
// of the article above; fresh19 p003: one at 1.85 times the body's).
bool inside_text(const PageLayout& L, const std::vector<bool>& head, const std::vector<size_t>& g) {
  if (L.exact) return false;
  BBox b;
  for (size_t k : g) b = unite(b, L.lines[k].box);
  bool above = false, below = false;
  for (size_t i = 0; i < L.lines.size(); ++i) {
    const PageLine& o = L.lines[i];
    if (head[i] || o.furniture || o.line.pauses == 0) continue;
    if ((std::min(o.box.x1, b.x1) - std::max(o.box.x0, b.x0)) * 10 < b.width() * 8) continue;
    above = above || (o.box.y1 <= b.y0 + L.em / 2 && b.y0 - o.box.y1 < L.em);
    below = below || (o.box.y0 >= b.y1 - L.em / 2 && o.box.y0 - b.y1 < L.em * 1.5);
  }
  return above && below;
}

// A piece the engine could not read: little confidence, or no Han character in it ("人" at 22,
// "[|" where a row of a headline stood).
bool read_badly(const PageLine& l) { return (l.conf >= 0 && l.conf < 50) || chars::han_count(l.line.text) == 0; }

// Body lines by top edge: what stands under a headline.
struct Under {
  std::vector<std::pair<int, size_t>> tops;
  // Two pieces side by side on a headline's row (a left of b) are two articles' headlines when,
  // in the body lines within six of their sizes below (a picture may stand between a headline and
  // its text: fresh20 p007), the right one starts a column (a line starts at its left edge), the
  // left one stops over an em short of the column under its end (it heads its own text, and runs
  // on to a next line), and none runs across the white between them. A headline read in pieces
  // at a phrase's space runs across its columns, or is centred over them; its space may fall over
  // a gutter, but its left phrase then reaches the gutter (fresh7 p005). Each piece's lines are
  // looked for under its own last row (a's and b's boxes reach down their stacked rows: one
  // headline may run more rows than the other). At most 256 lines are looked at (hostile input:
  // a million lines under one).
  bool two_heads(const PageLayout& L, const BBox& a, const BBox& b, double size) const {
    const int from = std::min(a.y1, b.y1), both = std::max(a.y1, b.y1), to = both + static_cast<int>(size * 6);
    bool starts = false, short_of = false;
    size_t seen = 0;
    for (auto it = std::lower_bound(tops.begin(), tops.end(), std::make_pair(from, size_t{0}));
         it != tops.end() && it->first <= to && seen < 256; ++it, ++seen) {
      const BBox& o = L.lines[it->second].box;
      if (o.y0 >= both && o.x0 < a.x1 && o.x1 > b.x0) return false;
      starts = starts || (o.y0 >= b.y1 && o.y0 <= b.y1 + size * 6 && std::abs(o.x0 - b.x0) * 2 < L.em);
      short_of = short_of || (o.y0 >= a.y1 && o.y0 <= a.y1 + size * 6 && o.x0 < a.x1 && o.x1 > a.x1 + L.em);
    }
    return starts && short_of;
  }
  // Whether a row of a headline the engine could not read lies between box a and box b under it,
  // both in type of `size`: all it read there is a character or two read badly, inside
  // their width and wholly between them, and nothing else stands there (fresh72 p004: "乌称击退"
  // read "人" at 47 between "军火库等目标" and "多次进攻").
  bool lost_row(const PageLayout& L, const BBox& a, const BBox& b, double size) const {
    if (b.y0 - a.y1 < size * 0.5 || b.y0 - a.y1 > size * 2) return false;
    const int x0 = std::min(a.x0, b.x0), x1 = std::max(a.x1, b.x1);
    bool any = false;
    size_t seen = 0;
    for (auto it = std::lower_bound(tops.begin(), tops.end(), std::make_pair(a.y1, size_t{0}));
         it != tops.end() && it->first < b.y0 && seen < 256; ++it, ++seen) {
      const PageLine& o = L.lines[it->second];
      if (o.box.x1 <= x0 || o.box.x0 >= x1) continue;
      if (o.box.y1 > b.y0 || o.box.x0 < x0 || o.box.x1 > x1 || !read_badly(o) || no_spaces(o.line.text).size() > 2)
        return false;
      any = true;
    }
    return any;
  }
};

}  // namespace

// Runs of headline lines one under the other (a gap under one line of their size, sizes alike):
// one headline each.
std::vector<std::vector<size_t>> find_headlines(const PageLayout& L, std::vector<std::vector<size_t>>* garbled) {
  std::vector<size_t> cand;
  Under under_heads;
  // A line measured large over the next line of its heading, boxed as high and centred on it but
  // measured smaller (fresh10 p004: "美国蒙大拿州一列" 44 over "载有化学品列车脱轨" 33, both boxed
  // 52-55 high, on a 26 body): one heading, in the type of their mean size.
  auto heading_over = [&](size_t i) {
    if (i + 1 >= L.lines.size()) return false;
    const PageLine &l = L.lines[i], &n = L.lines[i + 1];
    return !n.furniture && !headline_line(L, n) && heading_like(n.line) && n.box.y0 >= l.box.y1 - l.size / 4 &&
           n.box.y0 - l.box.y1 < n.size && std::abs((n.box.x0 + n.box.x1) - (l.box.x0 + l.box.x1)) < 2 * L.em &&
           n.box.height() * 10 >= l.box.height() * 9 && l.size + n.size < 2 * L.em * kHeadline;
  };
  for (size_t i = 0; i < L.lines.size(); ++i) {
    if (headline_line(L, L.lines[i]) && !heading_over(i)) cand.push_back(i);
    else if (!L.lines[i].furniture) under_heads.tops.emplace_back(L.lines[i].box.y0, i);
  }
  std::sort(under_heads.tops.begin(), under_heads.tops.end());
  std::sort(cand.begin(), cand.end(), [&](size_t a, size_t b) { return L.lines[a].box.y0 < L.lines[b].box.y0; });
  std::vector<std::vector<size_t>> groups;
  std::vector<BBox> boxes;  // each group's box
  // A piece the engine could not read, no Han character in it and little confidence (fresh36
  // p002: "0" at 0 boxed 105 px high over a column's first line, beside a headline's second
  // row), is no phrase of the headline beside it. Nor is one boxed over twice as wide as its
  // characters, square, could stand (the same page rebuilt: "入" at 14, boxed 487 by 105 px over
  // a column's first two rows).
  auto junk = [](const PageLine& l) {
    if (l.conf < 0 || l.conf >= 50) return false;
    return chars::han_count(l.line.text) == 0 || l.box.width() > l.box.height() * l.line.width;  // width: half ems
  };
  // A piece's box down to the last headline line stacked under it, each under the one above by
  // less than a size: where a headline's text starts under its last row, not its first (fresh74
  // p002: a four-row headline over a picture beside "又一轮较强降雨影响华南地" / "区"). At most 64
  // lines are looked at.
  auto stacked = [&](BBox b, double size, bool read_well = false) {
    size_t seen = 0;
    for (size_t k : cand) {
      const BBox& o = L.lines[k].box;
      if (o.y0 <= b.y0 || !overlaps_x(b, o) || o.x0 < b.x0 - size || o.x1 > b.x1 + size) continue;
      if (read_well && read_badly(L.lines[k])) continue;
      if (o.y0 - b.y1 >= size || ++seen > 64) break;
      b.y1 = std::max(b.y1, o.y1);
    }
    return b;
  };
  // Whether piece l beside a group (box gb) on a headline's row is another headline. Each with
  // rows of its own read well under it, apart from the other's: two, each reaching its column's
  // edge (fresh68 p002: "习近平会见乌兹别克斯坦" / "总统" beside "李克强考察国家电网公司" /
  // "并慰问基层干部职工", 1.1 sizes apart), even where a first row was read badly (fresh88 p005:
  // "习近平癌俄斯", two words at 0, 0.6 sizes from "中国择间站第三", both three rows deep); one
  // headline read in pieces at a phrase's space runs its next row across the space. Else as
  // `two_heads` finds.
  auto two_headlines = [&](const BBox& gb, const PageLine& l, double small) {
    const BBox &left = gb.x0 < l.box.x0 ? gb : l.box, &right = gb.x0 < l.box.x0 ? l.box : gb;
    const BBox wl = stacked(left, small, true), wr = stacked(right, small, true);
    if (wl.y1 - left.y1 >= small / 2 && wr.y1 - right.y1 >= small / 2 && wl.x1 < wr.x0) return true;
    return under_heads.two_heads(L, stacked(left, small), stacked(right, small), small);
  };
  for (size_t i : cand) {
    const PageLine& l = L.lines[i];
    // A headline's next line goes with the group it stands under before one it stands beside:
    // two headlines side by side a gutter apart each take their own next line.
    int under = -1, next_to = -1, bridge = -1;
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const auto& g = groups[gi];
      const PageLine& p = L.lines[g.back()];
      const BBox& gb = boxes[gi];
      double small = std::min(p.size, l.size), big = std::max(p.size, l.size);
      // The next line of the headline, or the rest of its line the engine read as another line
      // (a wide space between phrases: "花开中国　春意融融" comes out as two or three lines);
      // a headline beside it across a gutter, centred over another article, stands further off
      // or is set in another size (a second article's headline, a third smaller, on the same row).
      // An engine's sizes of one line's pieces differ by up to a quarter, a text layer's not at all;
      // and a text layer has joined a line's pieces less than 0.9 em apart: pieces further apart
      // than an em (an ideographic space) are two headlines.
      const double alike = L.exact ? 1.05 : 1.3, apart = L.exact ? 1.0 : 1.5;
      bool below = overlaps_x(gb, l.box) && (l.box.y0 - gb.y1 < small * 1.0 || under_heads.lost_row(L, gb, l.box, small));
      bool beside = std::min(gb.y1, l.box.y1) - std::max(gb.y0, l.box.y0) > small / 2 &&
                    std::max(gb.x0, l.box.x0) - std::min(gb.x1, l.box.x1) < small * apart;
      if (below && big < small * 1.3 && under < 0) under = static_cast<int>(gi);
      if (beside && big < small * alike && !junk(l) && !two_headlines(gb, l, small)) {
        if (next_to < 0) next_to = static_cast<int>(gi);
        else if (bridge < 0) bridge = static_cast<int>(gi);
      }
    }
    if (const int gi = under >= 0 ? under : next_to; gi >= 0) {
      groups[static_cast<size_t>(gi)].push_back(i);
      boxes[static_cast<size_t>(gi)] = unite(boxes[static_cast<size_t>(gi)], l.box);
      // A piece between two pieces of one row, beside both, joins them: the engine read the row
      // in three pieces and the outer two came first (fresh7 p005: "【新思想引领新征程" and "工程"
      // … "实施二十年描绘村", "千万" between them).
      if (under < 0 && bridge >= 0) {
        auto& from = groups[static_cast<size_t>(bridge)];
        groups[static_cast<size_t>(gi)].insert(groups[static_cast<size_t>(gi)].end(), from.begin(), from.end());
        boxes[static_cast<size_t>(gi)] = unite(boxes[static_cast<size_t>(gi)], boxes[static_cast<size_t>(bridge)]);
        groups.erase(groups.begin() + bridge);
        boxes.erase(boxes.begin() + bridge);
      }
    } else {
      groups.push_back({i});
      boxes.push_back(l.box);
    }
  }
  split_beside(L, groups);
  split_stack_beside(L, groups);
  join_centred_row(L, groups);
  // Pieces of a headline the engine read apart (a character's strokes, a phrase on a line box
  // of its own) lie within that headline's box: they join it. A lone character elsewhere is a
  // fragment of a picture or rule, no headline.
  auto chars = [&](const std::vector<size_t>& g) {
    size_t n = 0;
    for (size_t k : g) n += L.lines[k].line.text.size();
    return n;
  };
  for (size_t g = 0; g < groups.size(); ++g) {
    const BBox b = group_box(L, groups[g]);
    for (size_t h = 0; h < groups.size(); ++h) {
      if (h == g || groups[h].empty() || chars(groups[h]) <= chars(groups[g])) continue;
      const BBox o = group_box(L, groups[h]);
      const BBox in = intersect(b, o);
      if (!in.known() || area(in) * 2 < area(b)) continue;
      groups[h].insert(groups[h].end(), groups[g].begin(), groups[g].end());
      groups[g].clear();
      break;
    }
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [&](const auto& g) { return chars(g) < 2; }), groups.end());
  // Junk the engine read in large boxes (a picture's texture, a reversed bar, a frame's rule):
  // few Han characters it trusts, or a date (the running head) — no headline.
  // A garbled group with a Han character may be a headline read badly: find_articles decides.
  auto untrusted = [&](const auto& g) { return !trusted(L, g); };
  auto han = [&](size_t k) { return chars::han_count(L.lines[k].line.text) > 0; };
  if (garbled)
    for (const auto& g : groups)
      if (untrusted(g) && std::any_of(g.begin(), g.end(), han)) garbled->push_back(g);
  groups.erase(std::remove_if(groups.begin(), groups.end(), untrusted), groups.end());
  // Running text close above and below (in its column, within a line's space) makes a line
  // read large a line of that text: a headline stands above its text, apart.
  std::vector<bool> in(L.lines.size(), false);
  for (const auto& g : groups)
    for (size_t k : g) in[k] = true;
  groups.erase(std::remove_if(groups.begin(), groups.end(), [&](const auto& g) { return inside_text(L, in, g); }),
               groups.end());
  if (garbled)
    garbled->erase(std::remove_if(garbled->begin(), garbled->end(), [&](const auto& g) { return inside_text(L, in, g); }),
                   garbled->end());
  // A smaller headline right under a bigger one is its subtitle (or a second deck), not an
  // article of its own; unless running text stands between them: the bigger one's article, one
  // line long, and the smaller one the next article's (fresh74 p000: "以军称进入加沙地带…" 195
  // px under "…中央总书记习近平主持会议", its one line of text between). At most 256 lines are looked at.
  auto text_between = [&](const BBox& p, const BBox& l) {
    size_t seen = 0;
    for (auto it = std::lower_bound(under_heads.tops.begin(), under_heads.tops.end(), std::make_pair(p.y1, size_t{0}));
         it != under_heads.tops.end() && it->first < l.y0 && seen < 256; ++it, ++seen) {
      const PageLine& o = L.lines[it->second];
      if (o.box.y1 <= l.y0 && overlaps_x(o.box, l) && o.line.pauses > 0) return true;
    }
    return false;
  };
  std::vector<std::vector<size_t>> out;
  for (const auto& g : groups) {
    const PageLine& l = L.lines[g.front()];
    bool deck = false;
    for (const auto& o : out) {
      const PageLine& p = L.lines[o.back()];
      deck = deck || (overlaps_x(p.box, l.box) && l.box.y0 >= p.box.y1 - p.size / 4 &&
                      l.box.y0 - p.box.y1 < 2 * l.size && l.size < p.size && !text_between(p.box, l.box));
    }
    if (!deck) out.push_back(g);
  }
  // A character or two of a headline's the engine read small, on a line of its own inside the
  // headline's box (fresh15 p005: the 国 of 全国人大 read as "员" at half the size), is a piece
  // of it, no text of the article under it; not a line's end with a full stop (a sloppy box may
  // reach over the text: held-out p007). Up to 64 headlines are looked at.
  std::vector<bool> taken(L.lines.size(), false);
  for (const auto& g : out)
    for (size_t k : g) taken[k] = true;
  // So is one read at its row's end, just outside its box (fresh31 p006: the 国 of 国际联播快讯
  // read "宇" at a third of the size, 30 px left of "际联播快讯"): the box is taken a size wider.
  // Outside the box, only level with a row of the headline (its middle in the row's middle
  // half), by that row's end or start: not a caption's last characters under a row's end
  // (fresh28 p007's "片）", at the foot of a row boxed a fifth taller than its type).
  std::vector<BBox> heads, wide;
  std::vector<int> sizes;
  for (size_t h = 0; h < out.size() && h < 64; ++h) {
    BBox b = group_box(L, out[h]);
    heads.push_back(b);
    sizes.push_back(static_cast<int>(group_size(L, out[h])));
    b.x0 -= sizes.back(), b.x1 += sizes.back();
    wide.push_back(b);
  }
  auto by_a_row = [&](size_t h, const PageLine& l) {
    const int size = sizes[h], mid = (l.box.y0 + l.box.y1) / 2;
    for (size_t k : out[h]) {
      const BBox& r = L.lines[k].box;
      if (std::abs(mid - (r.y0 + r.y1) / 2) * 4 <= r.height() && std::max(r.x0 - l.box.x1, l.box.x0 - r.x1) <= size)
        return true;
    }
    return false;
  };
  // Or one just under the box, flush with its left edge or centred under it: the headline's
  // last row, a character or two the engine read small (fresh41 p005, XeLaTeX: the 品 of "…有毒
  // 化学品" read "时上" at 19, boxed 58 px high under a row of 148).
  // Or one read badly over its top row, inside its width, where a row the engine could not read
  // stood: the headline's first row, a character or two read in it (fresh72 p004: "俄称打击乌"
  // read "人" at 22 and "[|", 163 px over "军火库等目标" in 170-px type); not the last characters
  // of a paragraph above, read well (fresh61 p000: "添彩"), nor a speck (fresh38 p003, psm 4: "呈"
  // boxed 10 px high).
  size_t alone_budget = 1'000'000;
  auto first_row = [&](size_t h, const PageLine& l) {
    const BBox& b = heads[h];
    const int size = sizes[h];
    const bool over = l.box.y1 <= b.y0 && b.y0 - l.box.y0 <= size * 3 / 2 && l.box.x0 >= b.x0 && l.box.x1 <= b.x1;
    return read_badly(l) && over && l.box.height() >= L.em * 0.75;
  };
  auto last_row = [&](size_t h, const PageLine& l) {
    const BBox& b = heads[h];
    const int size = sizes[h];
    const bool flush = std::abs(l.box.x0 - b.x0) <= size;
    const bool centred = std::abs((l.box.x0 + l.box.x1) - (b.x0 + b.x1)) <= 2 * size;
    return l.box.y0 >= b.y1 - size / 4 && l.box.y0 - b.y1 <= size && (flush || centred);
  };
  auto alone = [&](size_t h, const PageLine& l) {
    const int size = sizes[h];
    // Alone on its row: not a line's head cut at a rule or a gutter (fresh13 p002, psm 4); the
    // row's other pieces read badly over the headline say nothing (fresh72 p004: its lost first
    // row read "《[|", cut at the bar, 160 px over "军火库等目标"). (A million lines are looked at
    // on the page; past that, none is taken.)
    for (const PageLine& o : L.lines) {
      if (alone_budget == 0) return false;
      --alone_budget;
      if (&o != &l && !o.furniture && std::min(o.box.y1, l.box.y1) - std::max(o.box.y0, l.box.y0) > 0 &&
          std::max(o.box.x0 - l.box.x1, l.box.x0 - o.box.x1) < 3 * size && !first_row(h, o))
        return false;
    }
    return true;
  };
  for (size_t i = 0; i < L.lines.size() && !heads.empty(); ++i) {
    const PageLine& l = L.lines[i];
    if (taken[i] || l.furniture || no_spaces(l.line.text).size() > 2 || !heading_like(l.line)) continue;
    for (size_t h = 0; h < heads.size(); ++h)
      if (intersect(heads[h], l.box) == l.box || (intersect(wide[h], l.box) == l.box && by_a_row(h, l)) ||
          ((last_row(h, l) || first_row(h, l)) && alone(h, l))) {
        out[h].push_back(i);
        break;
      }
  }
  // A headline's lines in reading order: row by row by the middles of their type (a line boxed
  // two rows tall by a tall junk glyph stays on its row: fresh20 p005), left to right in a row.
  // The headline's size sets the rows: the engine may read a row's top and bottom halves apart,
  // each a piece of half the size (fresh23 p000).
  for (auto& g : out) sort_rows(L, g, group_size(L, g));
  return out;
}

size_t trusted_han(const PageLine& l) {
  // Large headline type is read with low confidence on most of its characters (国 91, 凡 26,
  // 联播 6, 快讯 47); one word read well and a mean of 40 still vouch for it, junk reads 0–13.
  const bool vouched = l.conf >= 40 && l.best >= 80;
  if (l.conf >= 0 && l.conf < 50 && !vouched) return 0;
  return chars::han_count(l.line.text);
}

}  // namespace paiban::reflow_stages
