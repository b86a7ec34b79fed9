// regroup_headlines: the headline groups find_headlines built from lines in large type,
// mended where the engine's reading misled it: two headlines side by side taken for one
// (split_beside, split_stack_beside), one centred headline whose first row came in pieces
// (join_centred_row).
#include <algorithm>
#include <cmath>
#include <optional>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

// Whether pieces a (left) and b (right) of a headline group's top row head two articles, the
// group's later lines `rest` going to under[0] (left) and under[1] (right); `spanned` tells
// whether a line of text under the group runs across the white between a and b.
template <typename Spanned>
bool parts(const PageLayout& L, const BBox& a, const BBox& b, const std::vector<size_t>& rest,
           std::vector<size_t> (&under)[2], Spanned&& spanned) {
  const int whole = (a.x0 + b.x1) / 2;
  // Which piece each later line stands under alone: 0 (left), 1 (right), -1 neither.
  std::vector<int> side(rest.size(), -1);
  auto apart = [&](const BBox& r, int p) { return p == 0 ? r.x1 < b.x0 : r.x0 > a.x1; };
  for (size_t j = 0; j < rest.size(); ++j) {
    const BBox& r = L.lines[rest[j]].box;
    const double em = L.lines[rest[j]].size;
    const int mid = (r.x0 + r.x1) / 2;
    for (int p = 0; p < 2 && side[j] < 0; ++p) {
      const BBox& o = p == 0 ? a : b;
      const bool placed = std::abs(mid - (o.x0 + o.x1) / 2) < em || std::abs(r.x0 - o.x0) < em / 2;
      if (apart(r, p) && placed && std::abs(mid - whole) > em) side[j] = p;
    }
  }
  // A piece the engine cut from a placed line's row, within a size of it, goes with it (fresh32
  // p005: "名单" read apart from "列入负面观反").
  for (size_t j = 0; j < rest.size(); ++j)
    for (size_t q = 0; q < rest.size() && side[j] < 0; ++q) {
      if (side[q] < 0) continue;
      const PageLine &l = L.lines[rest[j]], &o = L.lines[rest[q]];
      const double size = std::max(l.size, o.size);
      const int gap = std::max(l.box.x0 - o.box.x1, o.box.x0 - l.box.x1);
      if (std::abs(l.mid - o.mid) * 2 < size && gap < size && apart(l.box, side[q])) side[j] = side[q];
    }
  // A line the engine could not read (confidence under half) wholly under one piece goes with
  // it: its box says little of where its row was set (fresh62 p004: "绘出美丽" at 0, boxed right
  // of its row's middle under the left headline).
  for (size_t j = 0; j < rest.size(); ++j) {
    const PageLine& l = L.lines[rest[j]];
    if (side[j] >= 0 || l.conf < 0 || l.conf >= 50) continue;
    if (l.box.x0 >= a.x0 && l.box.x1 <= a.x1 && apart(l.box, 0)) side[j] = 0;
    else if (l.box.x0 >= b.x0 && l.box.x1 <= b.x1 && apart(l.box, 1)) side[j] = 1;
  }
  bool each = true;
  for (size_t j = 0; j < rest.size(); ++j) {
    if (side[j] < 0) each = false;
    else under[side[j]].push_back(rest[j]);
  }
  if (!each) return false;
  // Lines under both pieces: two headlines only where no two of them share a row's top (a
  // headline read in pieces on every row has its pieces' rows level; two headlines in two
  // sizes step down at two pitches: fresh28 p003, 182 px against 149).
  // Unless each of those lines stands centred under its piece, an em narrower or more: two
  // headlines each centred over its own columns (fresh33 p007, WeasyPrint: "全国政协十四届常委会第
  // 三次会议举行全体会议" beside "李强会见美国总统气候问题特使"); a headline read in pieces
  // shares one centre, or one left edge.
  // Nor where the white between two level ones is over two of their sizes: no phrase space of
  // one headline is so wide (fresh32 p005: "乌称击退俄多次进攻" 293 px from "列入负面观察名单"
  // at 88 px type, under two headlines set flush over their own columns).
  bool level = false;
  for (size_t x : under[0])
    for (size_t y : under[1]) {
      const PageLine &p = L.lines[x], &q = L.lines[y];
      const double size = std::max(p.size, q.size);
      // (A white half a size wide or more over the top row's white, row after row, is a gutter
      // between two headlines set to their columns' edges: fresh59 p006, "俄称控制索列达尔附近交" /
      // "通枢纽 乌称打击俄军指挥" beside "韩正出席第四届中俄能源" / "商务论坛开幕式", 91–110 px
      // apart at 88 px type.)
      const bool gutter = (q.box.x0 - p.box.x1) * 2 >= size && std::min(q.box.x0, b.x0) > std::max(p.box.x1, a.x1);
      level = level || (std::abs(p.box.y0 - q.box.y0) * 8 <= size && q.box.x0 - p.box.x1 <= 2 * size && !gutter);
    }
  auto centred_under = [&](size_t k, const BBox& o) {
    const BBox& r = L.lines[k].box;
    const double em = L.lines[k].size;
    return std::abs((r.x0 + r.x1) - (o.x0 + o.x1)) < em && r.width() + em <= o.width();
  };
  bool centred = true;
  for (size_t x : under[0]) centred = centred && centred_under(x, a);
  for (size_t y : under[1]) centred = centred && centred_under(y, b);
  if (level && !centred) return false;
  // Nor where the later rows stand under one piece alone and a line of text under the group
  // runs across the white between the pieces: one headline set flush over its columns, its
  // first row read in two pieces at a phrase's space and its short last row under the left one
  // (fresh7 p005); two articles part at a gutter. (Rows under both pieces say two headlines
  // whatever the text does: the engine may read a row of text across a gutter, fresh6 p005.)
  return !((under[0].empty() || under[1].empty()) && spanned(a, b));
}

// Two headlines side by side taken for one read in pieces (fresh26 p007, XeLaTeX: the
// left one as wide as its column, the right one's first line a gutter off, its second line
// under it alone). Where every line under the top row stands under one piece alone, centred on
// it or flush with it and not centred on the row, the pieces head two articles: the lines go
// with the piece they stand under (where both have lines, only if no two of them are level).
void split_beside(const PageLayout& L, std::vector<std::vector<size_t>>& groups) {
  const size_t n = groups.size();
  // Whether a line of text within six sizes under the group runs across the white between its
  // pieces, or where their boxes overlap, across the overlap (fresh44 p006: "习近平同捷克总" boxed
  // 47 px into "统举行视频"). The page's other lines are sorted the first time it is asked.
  std::optional<LinesByTop> text;
  auto spanned = [&](const std::vector<size_t>& g, const BBox& a, const BBox& b) {
    if (!text) {
      std::vector<bool> head(L.lines.size(), false);
      for (const auto& h : groups)
        for (size_t k : h) head[k] = true;
      text.emplace(L, head);
    }
    const BBox box = group_box(L, g);
    return text->across(box.y1, box.y1 + static_cast<int>(6 * group_size(L, g)), std::min(a.x1, b.x0), std::max(a.x1, b.x0));
  };
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
    // (A headline has a few lines: a group of more than 16 is left whole, and the test of its
    // lines' rows below stays small on hostile input.)
    if (row.size() < 2 || row.size() > 8 || rest.empty() || rest.size() > 16) continue;
    std::sort(row.begin(), row.end(), [&](size_t x, size_t y) { return L.lines[x].box.x0 < L.lines[y].box.x0; });
    // The top row may come in more pieces than two (a character between phrases unread, fresh59
    // p006: "韩正出席" and "届中俄能" right of "俄称控制索列达尔附近"): each white between
    // neighbours is tried, left to right, for the gutter the two headlines part over.
    for (size_t cut = 1; cut < row.size(); ++cut) {
      BBox a, b;
      for (size_t k = 0; k < cut; ++k) a = unite(a, L.lines[row[k]].box);
      for (size_t k = cut; k < row.size(); ++k) b = unite(b, L.lines[row[k]].box);
      std::vector<size_t> under[2];
      if (!parts(L, a, b, rest, under, [&](const BBox& x, const BBox& y) { return spanned(g, x, y); })) continue;
      std::vector<size_t> right(row.begin() + static_cast<std::ptrdiff_t>(cut), row.end());
      right.insert(right.end(), under[1].begin(), under[1].end());
      std::vector<size_t> left(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(cut));
      left.insert(left.end(), under[0].begin(), under[0].end());
      g = std::move(left);
      groups.push_back(std::move(right));
      break;
    }
  }
}

// Two headlines side by side, the right one's first row lost to junk (fresh45 p005, XeLaTeX:
// "俄称继续打击乌军" read "人和合于" at 4), its later rows beside the left one's and taken for
// their pieces. Lines wholly right of the group's first row, two at least on rows of their own,
// flush with each other, a gap right of every other line, are a headline of their own: a
// headline's later rows do not reach past its first row's end by a gap. (A group of more
// than 16 lines is left whole.)
void split_stack_beside(const PageLayout& L, std::vector<std::vector<size_t>>& groups) {
  const size_t n = groups.size();
  for (size_t gi = 0; gi < n; ++gi) {
    std::vector<size_t>& g = groups[gi];
    if (g.size() < 3 || g.size() > 16) continue;
    const double size = group_size(L, g);
    size_t top = g.front();
    for (size_t k : g)
      if (L.lines[k].box.y0 < L.lines[top].box.y0) top = k;
    BBox first;
    for (size_t k : g)
      if (std::abs(L.lines[k].mid - L.lines[top].mid) * 2 < size) first = unite(first, L.lines[k].box);
    std::vector<size_t> left, right;
    for (size_t k : g) (L.lines[k].box.x0 > first.x1 ? right : left).push_back(k);
    if (right.size() < 2) continue;
    int x0 = L.lines[right.front()].box.x0, reach = first.x1;
    bool flush = true, rows = false;
    for (size_t k : right) {
      const PageLine& l = L.lines[k];
      flush = flush && std::abs(l.box.x0 - x0) <= size;
      rows = rows || std::abs(l.mid - L.lines[right.front()].mid) * 2 >= size;
      x0 = std::min(x0, l.box.x0);
    }
    for (size_t k : left) reach = std::max(reach, L.lines[k].box.x1);
    if (!flush || !rows || x0 - reach < size / 4) continue;
    g = left;
    groups.push_back(std::move(right));
  }
}

// A centred headline whose first row the engine read in pieces, losing the characters between
// them (fresh31 p003, WeasyPrint: "【新时代新征程新" … "动融" "发展】涛" … "动民营", four pieces
// over three columns, "伟业——真抓实干推" unread), made several groups. Groups whose first
// rows stand level, in one type, each within twelve sizes of the next, are one headline where a
// later row of theirs stands centred under them all and under none of them alone (its second
// row, "济创新发", centred under the whole row). Two headlines side by side each centre their
// rows under their own. At most 64 groups are looked at.
void join_centred_row(const PageLayout& L, std::vector<std::vector<size_t>>& groups) {
  struct First {
    size_t g;
    BBox row;  // the group's first row: its lines level with its top line
    double size;
  };
  std::vector<First> firsts;
  for (size_t g = 0; g < groups.size() && g < 64; ++g) {
    if (groups[g].empty()) continue;
    const double size = group_size(L, groups[g]);
    int top = L.lines[groups[g].front()].box.y0;
    for (size_t k : groups[g]) top = std::min(top, L.lines[k].box.y0);
    BBox row;
    for (size_t k : groups[g])
      if (L.lines[k].box.y0 - top < size / 2) row = unite(row, L.lines[k].box);
    firsts.push_back(First{g, row, size});
  }
  std::sort(firsts.begin(), firsts.end(), [](const First& a, const First& b) { return a.row.x0 < b.row.x0; });
  std::vector<bool> used(firsts.size(), false);
  for (size_t a = 0; a < firsts.size(); ++a) {
    if (used[a]) continue;
    // The groups level with a's first row, left to right, each near the last.
    std::vector<size_t> run{a};
    BBox whole = firsts[a].row;
    for (size_t b = a + 1; b < firsts.size(); ++b) {
      const First &x = firsts[run.back()], &y = firsts[b];
      const double small = std::min(x.size, y.size), big = std::max(x.size, y.size);
      if (used[b] || big > small * 1.3 || std::abs(y.row.y0 - firsts[a].row.y0) * 2 > small) continue;
      if (y.row.x0 - x.row.x1 > 12 * small) break;
      run.push_back(b);
      whole = unite(whole, y.row);
    }
    if (run.size() < 2) continue;
    const int mid = (whole.x0 + whole.x1) / 2;
    bool centred = false;
    for (size_t r : run)
      for (size_t k : groups[firsts[r].g]) {
        const BBox& l = L.lines[k].box;
        const double size = firsts[r].size;
        if (l.y0 - firsts[a].row.y0 < size / 2) continue;  // a first row
        const int m = (l.x0 + l.x1) / 2;
        // Centred under one piece of the row, or flush with a later piece's left edge: a headline's
        // later rows start at its left edge, never at its second piece's (fresh56 p002: "标", the
        // last row of "俄称继续打击乌军人员装备 / 乌称打击俄军防空系统等目 / 标", beside "习近平会见
        // 白俄罗斯总统" and near the middle of the two).
        bool alone = false;
        for (size_t q : run)
          alone = alone || std::abs(m - (firsts[q].row.x0 + firsts[q].row.x1) / 2) <= size ||
                  (q != run.front() && std::abs(l.x0 - firsts[q].row.x0) * 2 < size);
        centred = centred || (std::abs(m - mid) <= size && !alone && l.width() + 2 * size <= whole.width());
      }
    if (!centred) continue;
    std::vector<size_t>& into = groups[firsts[a].g];
    for (size_t i = 1; i < run.size(); ++i) {
      std::vector<size_t>& from = groups[firsts[run[i]].g];
      into.insert(into.end(), from.begin(), from.end());
      from.clear();
      used[run[i]] = true;
    }
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const std::vector<size_t>& g) { return g.empty(); }),
               groups.end());
}

}  // namespace paiban::reflow_stages
