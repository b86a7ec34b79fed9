// find_articles: a page's articles and their reading order. A headline is set in type well above
// the body size; the lines of a headline printed on several lines stay one headline. Each line
// of text belongs to the nearest headline above it that its column shares; within an article,
// lines wider than its columns (headline, subtitle, a spanning box) cut it into bands, and each
// band is read column by column, left to right, each column top to bottom.
#include <algorithm>
#include <cmath>

#include "core/date.h"
#include "reflow/chars.h"

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

bool overlaps_x(const BBox& a, const BBox& b) { return std::min(a.x1, b.x1) > std::max(a.x0, b.x0); }

// Headline lines: large type, no sentence inside (a headline holds at most one pause and no
// full stop: GB/T 15834 §4.1.3.1 — a title takes none).
// One "。" between two Han characters is allowed: the engine's reading of a kicker's middle dot
// ("【一线调研·加快形成" read as "【一线调研。加快形").
bool headline_line(const PageLayout& L, const PageLine& l) {
  if (l.furniture || l.size < L.em * kHeadline || opens_subtitle(l.line)) return false;
  const std::u32string& t = l.line.text;
  const size_t stop = t.find(U'。');
  const bool dot = stop != std::u32string::npos && stop > 0 && stop + 1 < t.size() && t.find(U'。', stop + 1) == std::u32string::npos &&
                   chars::classify(t[stop - 1]) == chars::Cls::han && chars::classify(t[stop + 1]) == chars::Cls::han;
  return l.line.pauses <= 1 && l.line.end != End::stop && (stop == std::u32string::npos || dot);
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

// Whether running text (sentence marks inside) lies within 1.5 em above and below the group,
// across most of its width. Not in a text layer: it names the type, and type at a headline's size
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
    above = above || (o.box.y1 <= b.y0 + L.em / 2 && b.y0 - o.box.y1 < L.em * 1.5);
    below = below || (o.box.y0 >= b.y1 - L.em / 2 && o.box.y0 - b.y1 < L.em * 1.5);
  }
  return above && below;
}

// Body lines by top edge: what stands under a headline.
struct Under {
  std::vector<std::pair<int, size_t>> tops;
  // Two pieces side by side on a headline's row (a left of b) are two articles' headlines when,
  // in the body lines within six of their sizes below (a picture may stand between a headline and
  // its text: fresh20 p007), the right one starts a column (a line starts at its left edge), the
  // left one stops over an em short of the column under its end (it heads its own text, and runs
  // on to a next line), and none runs across the white between them. A headline read in pieces
  // at a phrase's space runs across its columns, or is centred over them; its space may fall over
  // a gutter, but its left phrase then reaches the gutter (fresh7 p005). At most 256 lines are looked at (hostile input: a million lines under one).
  bool two_heads(const PageLayout& L, const BBox& a, const BBox& b, double size) const {
    const int from = std::max(a.y1, b.y1), to = from + static_cast<int>(size * 6);
    bool starts = false, short_of = false;
    size_t seen = 0;
    for (auto it = std::lower_bound(tops.begin(), tops.end(), std::make_pair(from, size_t{0}));
         it != tops.end() && it->first <= to && seen < 256; ++it, ++seen) {
      const BBox& o = L.lines[it->second].box;
      if (o.x0 < a.x1 && o.x1 > b.x0) return false;
      starts = starts || std::abs(o.x0 - b.x0) * 2 < L.em;
      short_of = short_of || (o.x0 < a.x1 && o.x1 > a.x1 + L.em);
    }
    return starts && short_of;
  }
};

// Two headlines side by side taken for one read in two pieces (fresh26 p007, XeLaTeX: the
// left one as wide as its column, the right one's first line a gutter off, its second line
// under it alone): where every line under the top row stands under one piece only, centred on
// it or flush with it and not centred on the row, the other piece heads an article of its own.
void split_beside(const PageLayout& L, std::vector<std::vector<size_t>>& groups) {
  const size_t n = groups.size();
  for (size_t gi = 0; gi < n; ++gi) {
    std::vector<size_t>& g = groups[gi];
    if (g.size() < 3) continue;
    size_t top = g.front();
    for (size_t k : g)
      if (L.lines[k].box.y0 < L.lines[top].box.y0) top = k;
    const BBox& t = L.lines[top].box;
    std::vector<size_t> row, rest;
    for (size_t k : g) {
      const BBox& b = L.lines[k].box;
      (std::min(b.y1, t.y1) - std::max(b.y0, t.y0) > std::min(b.height(), t.height()) / 2 ? row : rest).push_back(k);
    }
    if (row.size() != 2 || rest.empty()) continue;
    if (L.lines[row[1]].box.x0 < L.lines[row[0]].box.x0) std::swap(row[0], row[1]);
    const BBox &a = L.lines[row[0]].box, &b = L.lines[row[1]].box;
    const int whole = (a.x0 + b.x1) / 2;
    // Which piece every later line stands under alone: 0 (left), 1 (right), -1 neither.
    int side = -2;
    for (size_t k : rest) {
      const BBox& r = L.lines[k].box;
      const double em = L.lines[k].size;
      const int mid = (r.x0 + r.x1) / 2;
      int s = -1;
      for (int p = 0; p < 2 && s < 0; ++p) {
        const BBox& o = p == 0 ? a : b;
        const BBox& other = p == 0 ? b : a;
        const bool apart = p == 0 ? r.x1 < other.x0 : r.x0 > other.x1;
        const bool placed = std::abs(mid - (o.x0 + o.x1) / 2) < em || std::abs(r.x0 - o.x0) < em / 2;
        if (apart && placed && std::abs(mid - whole) > em) s = p;
      }
      side = side == -2 || side == s ? s : -1;
    }
    if (side < 0) continue;
    const size_t alone = row[side == 0 ? 1 : 0];
    g.erase(std::remove(g.begin(), g.end(), alone), g.end());
    groups.push_back({alone});
  }
}

// Runs of headline lines one under the other (a gap under one line of their size, sizes alike):
// one headline each.
std::vector<std::vector<size_t>> headlines(const PageLayout& L) {
  std::vector<size_t> cand;
  Under under_heads;
  for (size_t i = 0; i < L.lines.size(); ++i) {
    if (headline_line(L, L.lines[i])) cand.push_back(i);
    else if (!L.lines[i].furniture) under_heads.tops.emplace_back(L.lines[i].box.y0, i);
  }
  std::sort(under_heads.tops.begin(), under_heads.tops.end());
  std::sort(cand.begin(), cand.end(), [&](size_t a, size_t b) { return L.lines[a].box.y0 < L.lines[b].box.y0; });
  std::vector<std::vector<size_t>> groups;
  std::vector<BBox> boxes;  // each group's box
  for (size_t i : cand) {
    const PageLine& l = L.lines[i];
    // A headline's next line goes with the group it stands under before one it stands beside:
    // two headlines side by side a gutter apart each take their own next line.
    int under = -1, next_to = -1;
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
      bool below = overlaps_x(gb, l.box) && l.box.y0 - gb.y1 < small * 1.0;
      bool beside = std::min(gb.y1, l.box.y1) - std::max(gb.y0, l.box.y0) > small / 2 &&
                    std::max(gb.x0, l.box.x0) - std::min(gb.x1, l.box.x1) < small * apart;
      if (below && big < small * 1.3 && under < 0) under = static_cast<int>(gi);
      if (beside && big < small * alike && next_to < 0 &&
          !under_heads.two_heads(L, gb.x0 < l.box.x0 ? gb : l.box, gb.x0 < l.box.x0 ? l.box : gb, small))
        next_to = static_cast<int>(gi);
    }
    if (const int gi = under >= 0 ? under : next_to; gi >= 0) {
      groups[static_cast<size_t>(gi)].push_back(i);
      boxes[static_cast<size_t>(gi)] = unite(boxes[static_cast<size_t>(gi)], l.box);
    } else {
      groups.push_back({i});
      boxes.push_back(l.box);
    }
  }
  split_beside(L, groups);
  // Pieces of a headline the engine read apart (a character's strokes, a phrase on a line box
  // of its own) lie within that headline's box: they join it. A lone character elsewhere is a
  // fragment of a picture or rule, no headline.
  auto gbox = [&](const std::vector<size_t>& g) {
    BBox b;
    for (size_t k : g) b = unite(b, L.lines[k].box);
    return b;
  };
  auto chars = [&](const std::vector<size_t>& g) {
    size_t n = 0;
    for (size_t k : g) n += L.lines[k].line.text.size();
    return n;
  };
  for (size_t g = 0; g < groups.size(); ++g) {
    const BBox b = gbox(groups[g]);
    for (size_t h = 0; h < groups.size(); ++h) {
      if (h == g || groups[h].empty() || chars(groups[h]) <= chars(groups[g])) continue;
      const BBox o = gbox(groups[h]);
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
  groups.erase(std::remove_if(groups.begin(), groups.end(), [&](const auto& g) { return !trusted(L, g); }), groups.end());
  // Running text close above and below (in its column, within a line's space) makes a line
  // read large a line of that text: a headline stands above its text, apart.
  std::vector<bool> in(L.lines.size(), false);
  for (const auto& g : groups)
    for (size_t k : g) in[k] = true;
  groups.erase(std::remove_if(groups.begin(), groups.end(), [&](const auto& g) { return inside_text(L, in, g); }),
               groups.end());
  // A smaller headline right under a bigger one is its subtitle (or a second deck), not an
  // article of its own.
  std::vector<std::vector<size_t>> out;
  for (const auto& g : groups) {
    const PageLine& l = L.lines[g.front()];
    bool deck = false;
    for (const auto& o : out) {
      const PageLine& p = L.lines[o.back()];
      deck = deck || (overlaps_x(p.box, l.box) && l.box.y0 >= p.box.y1 - p.size / 4 &&
                      l.box.y0 - p.box.y1 < 2 * l.size && l.size < p.size);
    }
    if (!deck) out.push_back(g);
  }
  // A headline's lines in reading order: row by row, left to right within a row.
  for (auto& g : out)
    std::sort(g.begin(), g.end(), [&](size_t a, size_t b) {
      const BBox &x = L.lines[a].box, &y = L.lines[b].box;
      bool same_row = std::min(x.y1, y.y1) - std::max(x.y0, y.y0) > std::min(x.height(), y.height()) / 2;
      return same_row ? x.x0 < y.x0 : x.y0 < y.y0;
    });
  return out;
}

BBox group_box(const PageLayout& L, const std::vector<size_t>& g) {
  BBox b;
  for (size_t i : g) b = unite(b, L.lines[i].box);
  return b;
}

// The width of line i's column: a paragraph's short last line covers only part of it, and may
// miss the headline centred over the column. The lines the engine read next to it (eight each
// way, its block's) starting where it starts and within three ems above or below give it.
BBox column_reach(const PageLayout& L, size_t i) {
  const BBox& b = L.lines[i].box;
  std::vector<int> starts, ends;
  for (size_t j = i >= 8 ? i - 8 : 0; j < L.lines.size() && j <= i + 8; ++j) {
    const BBox& o = L.lines[j].box;
    if (L.lines[j].furniture || o.y0 - b.y1 > L.em * 3 || b.y0 - o.y1 > L.em * 3) continue;
    if (std::abs(o.x0 - b.x0) * 2 <= L.em) ends.push_back(o.x1);
    // In a text layer, a line set in from its column's edges (a paragraph's indented first line,
    // a centred heading) lies within the lines around it: theirs are its column's edges. (An
    // engine's rows read across a gutter lie round lines of both columns: not there.)
    else if (L.exact && j != i && o.x0 < b.x0 && o.x1 >= b.x1) starts.push_back(o.x0), ends.push_back(o.x1);
  }
  // Their usual edges, not the furthest: a row the engine read across a gutter and no stage
  // cut reaches into the next column.
  BBox reach = b;
  if (!starts.empty()) reach.x0 = std::min(reach.x0, median(starts));
  if (!ends.empty()) reach.x1 = std::max(reach.x1, median(ends));
  return reach;
}

// The article a body line belongs to: among headlines above it, the lowest one sharing its
// column; with none sharing it, the nearest one above (white across and down); with none above, -1.
// `tops`: the headlines' top edges, sorted.
int owner(const PageLayout& L, const std::vector<BBox>& heads, const std::vector<BBox>& across,
          const std::vector<int>& tops, size_t i) {
  const PageLine& l = L.lines[i];
  const BBox reach = column_reach(L, i);
  auto above = [&](int top) { return top <= l.box.y0 + L.em / 2; };  // a headline's top edge
  // Sharing a column is more than grazing it: a headline's box may reach a few points into
  // the next article's column (a mark the engine read into its row, its own row box).
  auto shares = [&](const BBox& b) {
    return std::min(b.x1, reach.x1) - std::max(b.x0, reach.x0) > std::min(L.em, l.box.width() / 2.0);
  };
  // The white beside a headline is its own down to the next headline only: the stretch it heads
  // across counts for the lowest headlines above the line alone (those no other lies under; one
  // set beside the lowest on its rows counts too).
  auto under_another = [&](const BBox& b) {  // a headline's top from b's foot to the line's
    auto it = std::lower_bound(tops.begin(), tops.end(), b.y1);
    return it != tops.end() && above(*it);
  };
  int best = -1, near = -1;
  long best_y = 0, near_d = 0;
  for (size_t h = 0; h < heads.size(); ++h) {
    const BBox& b = heads[h];
    if (!above(b.y0)) continue;
    if (shares(b) || (shares(across[h]) && !under_another(b))) {
      if (best < 0 || b.y1 > best_y) best = static_cast<int>(h), best_y = b.y1;
    } else {
      // Nearest by the white between the boxes, across and down: a centred headline over two
      // columns owns the short first line under it, not a headline far above that ends closer.
      long d = std::max({0, b.x0 - l.box.x1, l.box.x0 - b.x1}) + std::max(0, l.box.y0 - b.y1);
      if (near < 0 || d < near_d) near = static_cast<int>(h), near_d = d;
    }
  }
  return best >= 0 ? best : near;
}

int percentile(std::vector<int> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

size_t trusted_han(const PageLine& l) {
  // Large headline type is read with low confidence on most of its characters (国 91, 凡 26,
  // 联播 6, 快讯 47); one word read well and a mean of 40 still vouch for it, junk reads 0–13.
  const bool vouched = l.conf >= 40 && l.best >= 80;
  if (l.conf >= 0 && l.conf < 50 && !vouched) return 0;
  size_t han = 0;
  for (char32_t c : l.line.text) han += chars::classify(c) == chars::Cls::han;
  return han;
}

void set_edges(const PageLayout& L, PageColumn& c) {
  std::vector<int> x0, x1;
  for (size_t i : c.lines) x0.push_back(L.lines[i].box.x0), x1.push_back(L.lines[i].box.x1);
  if (x0.empty()) return;
  // Full lines reach both edges; first lines are indented, last lines short: the edges are
  // what most lines reach, not the extremes (a stray box may overhang).
  c.x0 = percentile(x0, 0.15);
  c.x1 = percentile(x1, 0.8);
}

namespace {

// The end of the printed row starting at v[r] (v sorted by middles): pieces the engine read apart
// on one row have the middles of their type less than half its size apart.
size_t row_end(const PageLayout& L, const std::vector<size_t>& v, size_t r) {
  const PageLine& first = L.lines[v[r]];
  size_t e = r + 1;
  while (e < v.size() && (L.lines[v[e]].mid - first.mid) * 2 < std::max(first.size, L.lines[v[e]].size)) ++e;
  return e;
}

// A column's lines top to bottom; pieces of one printed row (the engine's line boxes may be two
// rows tall) left to right.
void sort_rows(const PageLayout& L, std::vector<size_t>& v) {
  std::sort(v.begin(), v.end(), [&](size_t a, size_t b) { return L.lines[a].mid < L.lines[b].mid; });
  for (size_t r = 0; r < v.size();) {
    const size_t e = row_end(L, v, r);
    std::sort(v.begin() + static_cast<long>(r), v.begin() + static_cast<long>(e),
              [&](size_t a, size_t b) { return L.lines[a].box.x0 < L.lines[b].box.x0; });
    r = e;
  }
}

// The printed rows a column's lines (in sort_rows order) stand on: pieces of one row count once.
size_t rows(const PageLayout& L, const std::vector<size_t>& v) {
  size_t n = 0;
  for (size_t r = 0; r < v.size(); r = row_end(L, v, r)) ++n;
  return n;
}

// Columns of one band: lines whose spans overlap by half the narrower one share a column.
std::vector<PageColumn> columns(const PageLayout& L, std::vector<size_t> lines) {
  std::sort(lines.begin(), lines.end(), [&](size_t a, size_t b) { return L.lines[a].box.x0 < L.lines[b].box.x0; });
  std::vector<PageColumn> cols;
  std::vector<std::pair<int, int>> span;
  for (size_t i : lines) {
    const BBox& b = L.lines[i].box;
    bool joined = false;
    for (size_t c = 0; c < cols.size() && !joined; ++c) {
      int ov = std::min(span[c].second, b.x1) - std::max(span[c].first, b.x0);
      if (ov * 2 >= std::min(span[c].second - span[c].first, b.width())) {
        cols[c].lines.push_back(i);
        span[c] = {std::min(span[c].first, b.x0), std::max(span[c].second, b.x1)};
        joined = true;
      }
    }
    if (!joined) {
      cols.push_back(PageColumn{});
      cols.back().lines.push_back(i);
      span.push_back({b.x0, b.x1});
    }
  }
  for (auto& c : cols) {
    sort_rows(L, c.lines);
    set_edges(L, c);
  }
  std::sort(cols.begin(), cols.end(), [](const PageColumn& a, const PageColumn& b) { return a.x0 < b.x0; });
  return cols;
}

// The width of the article's columns: what lines of running text (sentence marks inside) span.
int column_width(const PageLayout& L, const std::vector<size_t>& lines) {
  std::vector<int> w;
  for (size_t i : lines)
    if (L.lines[i].line.marks > 0) w.push_back(L.lines[i].box.width());
  if (w.empty())
    for (size_t i : lines) w.push_back(L.lines[i].box.width());
  return w.empty() ? 0 : percentile(w, 0.75);
}

// Lines that cross a gutter: they overlap two columns of the article's text (the columns found
// among lines no wider than a column, on three rows at least: pieces the engine cut from one
// row stand side by side, and make no column), or, wider than its columns, they run across the
// white between two columns of two rows or more (a subtitle over a column and a short one).
// Width alone is no evidence: an article's columns may differ in width (two articles read as one
// under a headline the engine wove across both: fresh22 p005), and a wide column's full lines,
// cut into bands, would be read across the page.
std::vector<bool> spanning(const PageLayout& L, const std::vector<size_t>& body) {
  std::vector<bool> span(body.size(), false);
  const int w = column_width(L, body);
  if (w <= 0) return span;
  std::vector<size_t> narrow;
  for (size_t i : body)
    if (L.lines[i].box.width() * 10 <= w * 11) narrow.push_back(i);
  const std::vector<PageColumn> cols = columns(L, narrow);
  std::vector<size_t> n_rows(cols.size());
  std::vector<bool> real(cols.size());  // a heading or byline alone, or pieces of a row: no column
  for (size_t c = 0; c < cols.size(); ++c) {
    n_rows[c] = rows(L, cols[c].lines);
    real[c] = cols.size() == 1 || n_rows[c] >= 3;
  }
  auto covers = [](const PageColumn& c, const BBox& b) {
    return (std::min(c.x1, b.x1) - std::max(c.x0, b.x0)) * 4 > c.x1 - c.x0;
  };
  // The white between columns (by left edge) that no column before reaches into.
  std::vector<std::pair<size_t, size_t>> gutters;
  for (size_t c = 1, reach = 0; c < cols.size(); ++c) {
    if (cols[c].x0 > cols[reach].x1 && n_rows[reach] >= 2 && n_rows[c] >= 2) gutters.push_back({reach, c});
    if (cols[c].x1 > cols[reach].x1) reach = c;
  }
  for (size_t k = 0; k < body.size(); ++k) {
    const BBox& b = L.lines[body[k]].box;
    int crossed = 0;
    for (size_t c = 0; c < cols.size(); ++c) crossed += real[c] && covers(cols[c], b);
    bool across = false;
    for (const auto& [l, r] : gutters)
      across = across || (b.x0 < cols[l].x1 && b.x1 > cols[r].x0 && covers(cols[l], b) && covers(cols[r], b));
    span[k] = crossed >= 2 || (b.width() * 10 > w * 14 && across);
  }
  return span;
}

// A byline set at the head of a later column, text of the article read before it on its left:
// the article's credit, printed with its front matter (a vertical page's front matter runs down
// its right edge, the byline at the foot: v001 of the vertical set; a byline set flush right
// under a headline). Its line, or none. At most four candidates are looked at.
size_t byline_apart(const PageLayout& L, const std::vector<size_t>& body) {
  const size_t none = static_cast<size_t>(-1);
  int looked = 0;
  for (size_t k = 0; k < body.size() && looked < 4; ++k) {
    const PageLine& l = L.lines[body[k]];
    if (!opens_byline(l.line) || l.line.marks > 0) continue;
    ++looked;
    bool above = false, before = false;
    for (size_t i : body) {
      if (i == body[k]) continue;
      const BBox& o = L.lines[i].box;
      above = above || (o.y1 <= l.box.y0 && overlaps_x(o, l.box));
      before = before || o.x1 <= l.box.x0;
    }
    if (!above && before) return body[k];
  }
  return none;
}

// A column of one line: a spanning line's, or a byline's read apart.
PageColumn one_line(const PageLayout& L, size_t i) {
  PageColumn c;
  c.x0 = L.lines[i].box.x0, c.x1 = L.lines[i].box.x1;
  c.lines.push_back(i);
  return c;
}

// Reading order of one article: headline first; then bands cut by spanning lines, each read
// column by column.
void order(const PageLayout& L, PageArticle& a, std::vector<size_t> body) {
  std::sort(body.begin(), body.end(), [&](size_t x, size_t y) { return L.lines[x].box.y0 < L.lines[y].box.y0; });
  const size_t credit = byline_apart(L, body);
  if (credit < L.lines.size()) body.erase(std::find(body.begin(), body.end(), credit));
  const std::vector<bool> wide = spanning(L, body);
  auto emit_column = [&](const PageColumn& c) {
    a.columns.push_back(c);
    for (size_t i : c.lines) a.order.push_back(i), a.column_of.push_back(a.columns.size() - 1);
  };
  if (!a.head.empty()) {
    PageColumn head;
    head.lines = a.head;
    BBox hb = group_box(L, a.head);
    head.x0 = hb.x0, head.x1 = hb.x1;
    emit_column(head);
  }
  std::vector<size_t> band;
  auto flush = [&]() {
    for (const auto& c : columns(L, band)) emit_column(c);
    band.clear();
  };
  for (size_t k = 0; k < body.size(); ++k) {
    const size_t i = body[k];
    if (!wide[k]) {
      band.push_back(i);
      continue;
    }
    // A spanning line closes the band above it: every column there has ended.
    flush();
    emit_column(one_line(L, i));
  }
  flush();
  if (credit < L.lines.size()) {
    // After the headline and the subtitle lines that open the text.
    size_t at = a.head.size();
    while (at < a.order.size() && opens_subtitle(L.lines[a.order[at]].line)) ++at;
    a.columns.push_back(one_line(L, credit));
    a.order.insert(a.order.begin() + static_cast<long>(at), credit);
    a.column_of.insert(a.column_of.begin() + static_cast<long>(at), a.columns.size() - 1);
  }
  for (size_t i : a.order) a.box = unite(a.box, L.lines[i].box);
}

// The stretch of the page a headline heads: its box, widened to the page's text edges where its
// rows hold no other text. A headline set short at the left of a band the page leaves white
// beside it ("国内联播快讯" over two columns) heads the columns under that white too, and one
// alone on its rows (centred over its columns) the whole width; one with another article's text
// on its right heads its own span only. With text on its left, only as far left as it reaches
// right (centred over its columns), short of that text: more white left of a headline beside
// text is more often a picture's than its own article's. `group_of` names each
// line's headline group; `budget` bounds the lines looked at on the whole page (hostile input:
// a headline per line), past which no headline is widened.
BBox heads_across(const PageLayout& L, const std::vector<size_t>& group_of, size_t g, const BBox& b,
                  const BBox& page, size_t& budget) {
  bool left = false, right = false;  // text on the headline's rows left of it, right of it
  int left_end = page.x0;            // where that text on the left ends
  for (size_t i = 0; i < L.lines.size(); ++i) {
    if (budget == 0) return b;
    --budget;
    const BBox& o = L.lines[i].box;
    if (L.lines[i].furniture || !o.known() || group_of[i] == g) continue;
    const int rows = std::min(o.y1, b.y1) - std::max(o.y0, b.y0);
    if (rows * 2 <= std::min(o.height(), b.height())) continue;  // not on its rows
    if (o.x0 < b.x1) left = true, left_end = std::max(left_end, o.x1);
    right = right || o.x1 > b.x0;
  }
  BBox wide = b;
  if (right) return wide;
  wide.x1 = std::max(b.x1, page.x1);
  if (!left) wide.x0 = std::min(b.x0, page.x0);
  // Text well to its left: a headline centred over its columns heads as far left as right, short
  // of an em from that text (fresh13 p003: "国内联播快讯" beside another article's headline).
  else if (const int em = static_cast<int>(L.em); left_end + em < b.x0)
    wide.x0 = std::max(left_end + em, b.x0 - (wide.x1 - b.x1));
  return wide;
}

}  // namespace

void find_articles(PageLayout& L) {
  auto groups = headlines(L);
  std::vector<BBox> heads, across;
  for (const auto& g : groups) heads.push_back(group_box(L, g));
  std::vector<size_t> group_of(L.lines.size(), groups.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t i : groups[g]) group_of[i] = g;
  BBox page;  // the text's extent, furniture aside
  for (const auto& l : L.lines)
    if (!l.furniture && l.box.known()) page = unite(page, l.box);
  size_t budget = 50'000'000;
  for (size_t g = 0; g < groups.size(); ++g) across.push_back(heads_across(L, group_of, g, heads[g], page, budget));
  std::vector<int> tops;  // the headlines' top edges, sorted
  for (const auto& h : heads) tops.push_back(h.y0);
  std::sort(tops.begin(), tops.end());
  // Lines above every headline (text continued from another page, or a page without one) form
  // an article of their own, first.
  std::vector<std::vector<size_t>> body(groups.size() + 1);
  std::vector<bool> is_head(L.lines.size(), false);
  for (const auto& g : groups)
    for (size_t i : g) is_head[i] = true;
  for (size_t i = 0; i < L.lines.size(); ++i) {
    if (is_head[i] || L.lines[i].furniture) continue;
    body[static_cast<size_t>(owner(L, heads, across, tops, i) + 1)].push_back(i);
  }
  // Articles in a newspaper reader's order: by headline, top to bottom, then left to right.
  std::vector<size_t> rank(groups.size());
  for (size_t g = 0; g < rank.size(); ++g) rank[g] = g;
  std::sort(rank.begin(), rank.end(), [&](size_t a, size_t b) {
    const BBox &x = heads[a], &y = heads[b];
    bool same_row = x.y0 < y.y1 && y.y0 < x.y1;
    return same_row ? x.x0 < y.x0 : x.y0 < y.y0;
  });
  if (!body[0].empty()) {
    PageArticle a;
    order(L, a, body[0]);
    L.articles.push_back(std::move(a));
  }
  for (size_t g : rank) {
    PageArticle a;
    a.head = groups[g];
    order(L, a, body[g + 1]);
    L.articles.push_back(std::move(a));
  }
}

}  // namespace paiban::reflow_stages
