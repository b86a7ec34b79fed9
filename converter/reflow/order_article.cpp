// order_article: an article's lines in reading order. Lines wider than its columns (headline,
// subtitle, a spanning box) cut it into bands; each band is read column by column, left to
// right, each column top to bottom, its pieces of one printed row left to right. A column's
// edges are what most of its lines reach (set_edges).
#include <algorithm>
#include <cmath>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// The end of the printed row starting at v[r] (v sorted by middles): pieces the engine read apart
// on one row have the middles of their type less than half its size apart.
size_t row_end(const PageLayout& L, const std::vector<size_t>& v, size_t r, double size = 0) {
  const PageLine& first = L.lines[v[r]];
  size_t e = r + 1;
  while (e < v.size() && (L.lines[v[e]].mid - first.mid) * 2 < std::max({first.size, L.lines[v[e]].size, size})) ++e;
  return e;
}

}  // namespace

void sort_rows(const PageLayout& L, std::vector<size_t>& v, double size) {
  std::sort(v.begin(), v.end(), [&](size_t a, size_t b) { return L.lines[a].mid < L.lines[b].mid; });
  for (size_t r = 0; r < v.size();) {
    const size_t e = row_end(L, v, r, size);
    std::sort(v.begin() + static_cast<long>(r), v.begin() + static_cast<long>(e),
              [&](size_t a, size_t b) { return L.lines[a].box.x0 < L.lines[b].box.x0; });
    r = e;
  }
}

BBox group_box(const PageLayout& L, const std::vector<size_t>& g) {
  BBox b;
  for (size_t i : g) b = unite(b, L.lines[i].box);
  return b;
}

double group_size(const PageLayout& L, const std::vector<size_t>& g) {
  double size = 0;
  for (size_t i : g) size = std::max(size, L.lines[i].size);
  return size;
}

LinesByTop::LinesByTop(const PageLayout& L, const std::vector<bool>& skip) : layout(L) {
  for (size_t i = 0; i < L.lines.size(); ++i)
    if (!L.lines[i].furniture && (i >= skip.size() || !skip[i])) tops.emplace_back(L.lines[i].box.y0, i);
  std::sort(tops.begin(), tops.end());
}

bool LinesByTop::across(int from, int to, int x0, int x1) const {
  size_t seen = 0;
  for (auto it = std::lower_bound(tops.begin(), tops.end(), std::make_pair(from, size_t{0}));
       it != tops.end() && it->first <= to && seen < 256; ++it, ++seen) {
    const BBox& o = layout.lines[it->second].box;
    if (o.x0 < x0 && o.x1 > x1) return true;
  }
  return false;
}

namespace {

int percentile(std::vector<int> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

void set_edges(const PageLayout& L, PageColumn& c) {
  std::vector<int> x0, x1;
  for (size_t i : c.lines) x0.push_back(L.lines[i].box.x0), x1.push_back(L.lines[i].box.x1);
  if (x0.empty()) return;
  // Full lines reach both edges; first lines are indented, last lines short: the edges are
  // what most lines reach, not the extremes (a stray box may overhang).
  c.x0 = percentile(x0, 0.15);
  c.x1 = percentile(x1, 0.8);
  // Two lines at least reach the right edge within an em: in a short column the percentile is
  // its longest line, which a mark read past the edge may lengthen alone (fresh12 p001: "部分摧"
  // read "部分挫，", 70 px past the 2042 its column's lines reach). Such a lone end steps in to
  // the next one that another line's end stands near, four ems in at most.
  std::sort(x1.begin(), x1.end());
  const int em = static_cast<int>(L.em);
  auto lone = [&](size_t k) {
    return (k == 0 || x1[k] - x1[k - 1] > em) && (k + 1 == x1.size() || x1[k + 1] - x1[k] > em);
  };
  size_t k = std::min(x1.size() - 1, static_cast<size_t>(0.8 * static_cast<double>(x1.size())));
  while (k > 0 && lone(k) && x1[k] >= c.x1 - em * 4) --k;
  if (!lone(k)) c.x1 = x1[k];
}

namespace {

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
      // In a text layer, starts up to a paragraph's indent apart share a left edge: a paragraph's
      // short last line under lines that are all first lines, set in (fresh32 p003: "访问。" under
      // one-line paragraphs), measures its overlap from the edge. An engine's boxes are rougher
      // (specks and pieces by a gutter): there it joined columns (fresh12–15).
      const bool indent_apart = L.exact && std::abs(span[c].first - b.x0) <= L.em * 2.5;
      int ov = std::min(span[c].second, b.x1) - (indent_apart ? std::min(span[c].first, b.x0) : std::max(span[c].first, b.x0));
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

}  // namespace

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

}  // namespace paiban::reflow_stages
