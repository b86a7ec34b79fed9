// find_furniture: running heads and folios. A newspaper prints them in a row of their own above
// (or below) everything else on the page, at body size or smaller, near the page's edge: a row
// of lines that lies wholly above (below) every other line, within an eighth of the page.
#include <algorithm>

#include "core/clreq.h"
#include "core/date.h"
#include "reflow/chars.h"
#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// The lines of the outermost row at one edge: those whose boxes overlap the extreme line's
// vertical span. Furniture when every other line keeps clear of the row by a third of an em.
std::vector<size_t> edge_row(const PageLayout& L, bool top) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < L.lines.size(); ++i)
    if (L.lines[i].box.known()) idx.push_back(i);
  if (idx.size() < 3) return {};
  auto key = [&](size_t i) { return top ? L.lines[i].box.y0 : -L.lines[i].box.y1; };
  size_t first = *std::min_element(idx.begin(), idx.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  const BBox& e = L.lines[first].box;
  std::vector<size_t> row;
  int lo = e.y0, hi = e.y1;
  for (size_t i : idx) {
    const BBox& b = L.lines[i].box;
    if (b.y0 < e.y1 && b.y1 > e.y0) {
      row.push_back(i);
      lo = std::min(lo, b.y0), hi = std::max(hi, b.y1);
    }
  }
  const double gap = L.em / 3;
  int extent_lo = lo, extent_hi = hi;
  for (size_t i : idx) extent_lo = std::min(extent_lo, L.lines[i].box.y0), extent_hi = std::max(extent_hi, L.lines[i].box.y1);
  const int page = L.height > 0 ? L.height : extent_hi - extent_lo;
  for (size_t i : idx) {
    if (std::find(row.begin(), row.end(), i) != row.end()) continue;
    const BBox& b = L.lines[i].box;
    if (top ? b.y0 < hi + gap : b.y1 > lo - gap) return {};
  }
  for (size_t i : row) {
    const PageLine& l = L.lines[i];
    if (l.size >= L.em * kHeadline) return {};  // a headline, not a running head (which may be bold)
    // A line of text, not a head: long, or a dozen characters and more with a sentence's pause
    // in it (a column of vertical text, turned, is a short row at the page's edge), or one that
    // leaves a bracket open (the page's last row cut mid-title: "…播发《高举"), or a story's
    // dispatch (an article's first line at the page's foot, fresh80 p004's text layer: "央视网消息
    // （新闻联播）：重庆积").
    if (l.line.width > 60 || (l.line.pauses > 0 && l.line.width > 24) || clreq::leaves_open(l.line.text) ||
        opens_dispatch(l.line))
      return {};
  }
  // Near the edge: the row sits within an eighth of the page from the text's outer edge.
  int edge = top ? (L.height > 0 ? 0 : extent_lo) : (L.height > 0 ? L.height : extent_hi);
  int dist = top ? hi - edge : edge - lo;
  if (dist * 8 > page) return {};
  return row;
}

// A header row often ends the date with the page's number: "2022年2月3日 星期五 第12版".
std::u32string without_folio(const std::u32string& t) {
  if (t.empty() || t.back() != U'版') return t;
  size_t i = t.size() - 1;
  while (i > 0 && t[i - 1] >= U'0' && t[i - 1] <= U'9') --i;
  if (i == t.size() - 1 || i == 0 || t[i - 1] != U'第') return t;
  return t.substr(0, i - 1);
}

// A head whose date the engine garbled ("吕梁日报2023月1有星期四第3版"): a short line without
// sentence marks holding a weekday and figures (the year, the day, the folio). Nothing else at
// the top of a page names a weekday without a sentence around it.
bool weekday_head(const Line& l, const std::u32string& t) {
  if (l.marks > 0 || l.width > 48) return false;
  const size_t w = t.find(U"星期");
  if (w == std::u32string::npos || w + 2 >= t.size() || std::u32string_view(U"一二三四五六日天").find(t[w + 2]) == std::u32string_view::npos)
    return false;
  return std::any_of(t.begin(), t.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

// The paper's date near the top of the page is its running head even where the engine read the
// row together with other lines (psm 4/6 read straight across): a line that is only a date in
// the top eighth, and a short line without marks on its row or right above it (the paper's name).
void dated_head(PageLayout& L) {
  int top = 0, bottom = 0;
  for (const auto& l : L.lines)
    if (l.box.known()) top = std::min(top, l.box.y0), bottom = std::max(bottom, l.box.y1);
  const int page = L.height > 0 ? L.height : bottom - top;
  for (size_t i = 0; i < L.lines.size(); ++i) {
    const PageLine& d = L.lines[i];
    std::u32string t;
    for (char32_t c : d.line.text)
      if (c != U' ' && c != 0x3000 && !chars::speck_mark(c)) t += c;
    if (!d.box.known() || (d.box.y1 - top) * 8 > page || !(parse_dateline(without_folio(t)) || weekday_head(d.line, t)))
      continue;
    L.lines[i].furniture = true;
    for (auto& o : L.lines) {
      // The paper's name ("排版晚报") may stand a little lower than the date, set on its own line.
      const bool name = paper_name(o.line) && o.box.y0 < d.box.y1 + d.box.height();
      const bool near = o.box.y1 > d.box.y0 - 2 * d.box.height() && (o.box.y0 < d.box.y1 || name);
      // Large type on the row is the paper's name; type over twice the date's height whose top
      // edge only grazes the row (its middle below the date) is the first article's headline
      // (fresh73 p002, a text layer: "国际联播快讯" 139 px tall, 2 px into a 49 px date row).
      const bool headline = !name && o.box.height() > 2 * d.box.height() && (o.box.y0 + o.box.y1) / 2 >= d.box.y1;
      if (near && o.box.known() && !headline && o.line.width <= 16 && o.line.marks == 0) o.furniture = true;
    }
  }
}

// A vertical text layer's running head and folio are set across its top or bottom margin (the
// paper's name, "第1版", the date): turned, they stand upright at the turned page's left or right
// edge, within an eighth of the page, among rows that were columns; a folio's lone figures stand
// either way. Short, in body type or smaller, without sentence marks. (An engine's boxes of a
// column's scraps stand upright too: "——", "濕疾】" on the vertical set's scans.)
bool figures(const std::u32string& t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char32_t c) { return (c >= U'0' && c <= U'9') || c == U' '; });
}

void across_heads(PageLayout& L) {
  BBox text;
  for (const auto& l : L.lines) text = unite(text, l.box);
  const int left = L.width > 0 ? 0 : text.x0, right = L.width > 0 ? L.width : text.x1, page = right - left;
  for (auto& l : L.lines) {
    if (!l.box.known() || (l.box.height() <= l.box.width() && !figures(l.line.text)) || l.size >= L.em * kHeadline ||
        l.line.marks > 0)
      continue;
    const bool dated = parse_dateline(without_folio(no_spaces(l.line.text))).has_value();
    if (l.line.width > 16 && !dated) continue;
    if ((l.box.x1 - left) * 8 <= page || (right - l.box.x0) * 8 <= page) l.furniture = true;
  }
}

}  // namespace

void find_furniture(PageLayout& L) {
  if (L.em <= 0) return;
  if (L.turned && L.exact) across_heads(L);
  for (bool top : {true, false})
    for (size_t i : edge_row(L, top)) L.lines[i].furniture = true;
  dated_head(L);
}

}  // namespace paiban::reflow_stages
