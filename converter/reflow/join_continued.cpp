// join_continued: two articles side by side whose headlines are pieces of one engine line, cut
// where their rows part (cut_headline_rows, cut_gutters), are one article where its text runs on
// from the left one's last line into the right one's first: the left ends mid-sentence at its
// column's edge and the right starts flush, no paragraph's first line (fresh52 p002: "俄称控制"
// and "索列达尔附近交通枢纽 乌称打击俄" of one headline, cut over the gutter under a space of
// it, its second row "军指挥所" under the left piece alone; the first column's "…红利曼以" runs on
// as "及顿涅茨克等方向打击…" at the top of the second). So are a headline with no text and the
// headline right under it (lost_row).
#include <algorithm>

#include "reflow/page_stages.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

// Whether two space-separated lists of source line ids share one.
bool share_id(const std::string& a, const std::string& b) {
  size_t at = 0;
  while (at < a.size()) {
    size_t end = a.find(' ', at);
    if (end == std::string::npos) end = a.size();
    const std::string id = a.substr(at, end - at);
    for (size_t p = b.find(id); !id.empty() && p != std::string::npos; p = b.find(id, p + 1))
      if ((p == 0 || b[p - 1] == ' ') && (p + id.size() == b.size() || b[p + id.size()] == ' ')) return true;
    at = end + 1;
  }
  return false;
}

// The headlines hold pieces of one engine line on one row, the left's before the right's. Their
// first 16 lines each are looked at (a head is sorted by rows; hostile input may give it many).
bool cut_from_one_line(const PageLayout& L, const PageArticle& a, const PageArticle& b) {
  for (size_t p = 0; p < std::min<size_t>(a.head.size(), 16); ++p)
    for (size_t q = 0; q < std::min<size_t>(b.head.size(), 16); ++q) {
      const PageLine &x = L.lines[a.head[p]], &y = L.lines[b.head[q]];
      if (x.box.x1 <= y.box.x0 && one_engine_row(x, y)) return true;
    }
  return false;
}

// The text of a runs on into b: a's last line stops within an em of its column's right edge with
// no clause ended (clreq's stops, a colon or a semicolon, a closing mark), and b's first line
// after its headline fills its column from its left edge (no paragraph's indented first line, no
// heading), right of a's last, and opens no dispatch.
bool runs_on(const PageLayout& L, const PageArticle& a, const PageArticle& b) {
  if (a.order.size() <= a.head.size() || b.order.size() <= b.head.size()) return false;
  const size_t ka = a.order.size() - 1, kb = b.head.size();
  const PageLine &last = L.lines[a.order[ka]], &first = L.lines[b.order[kb]];
  const double em = L.em > 0 ? L.em : 1;
  const Geo end = geometry(last, a.columns[a.column_of[ka]], em);
  const Geo start = geometry(first, b.columns[b.column_of[kb]], em);
  const End e = last.line.end;
  return (e == End::word || e == End::pause) && end.short_by < 1 && std::abs(start.indent) < 0.5 &&
         start.short_by < 1 && first.box.x0 >= last.box.x1 && !opens_dispatch(first.line);
}

// a heads no text and b's headline stands right under it, in its type and across most of it:
// one headline whose middle row the engine did not read (fresh58 p000: "【以中国式现代化全面推进中
// 华民族伟大复兴" over the unread "——习近平总书记今年以来治国理政纪实】推" and "进人与自然和谐共生
// 绘出美丽中国更新画卷"). A row's height of white between them at most, and a half again between sizes.
bool lost_row(const PageLayout& L, const PageArticle& a, const PageArticle& b) {
  if (a.order.size() != a.head.size()) return false;
  const BBox x = group_box(L, a.head), y = group_box(L, b.head);
  const double sa = group_size(L, a.head), sb = group_size(L, b.head);
  if (sa <= 0 || sb <= 0 || std::max(sa, sb) > std::min(sa, sb) * 1.5) return false;
  const int shared = std::min(x.x1, y.x1) - std::max(x.x0, y.x0);
  return y.y0 >= x.y1 - sa / 4 && y.y0 - x.y1 <= sa * 1.5 && shared * 3 >= std::min(x.width(), y.width()) * 2;
}

}  // namespace

bool one_engine_row(const PageLine& x, const PageLine& y) {
  return std::abs(x.mid - y.mid) * 2 < std::max(x.size, y.size) && share_id(x.id, y.id);
}

void join_continued(PageLayout& L, std::vector<std::vector<size_t>>& bodies) {
  for (size_t k = 0; k + 1 < L.articles.size();) {
    PageArticle &a = L.articles[k], &b = L.articles[k + 1];
    if (a.head.empty() || b.head.empty() ||
        !((cut_from_one_line(L, a, b) && runs_on(L, a, b)) || lost_row(L, a, b))) {
      ++k;
      continue;
    }
    PageArticle joined;
    joined.head = a.head;
    joined.head.insert(joined.head.end(), b.head.begin(), b.head.end());
    sort_rows(L, joined.head, group_size(L, joined.head));
    std::vector<size_t> body = bodies[k];
    body.insert(body.end(), bodies[k + 1].begin(), bodies[k + 1].end());
    order(L, joined, body);
    a = std::move(joined);
    bodies[k] = std::move(body);
    L.articles.erase(L.articles.begin() + static_cast<long>(k) + 1);
    bodies.erase(bodies.begin() + static_cast<long>(k) + 1);
  }
}

}  // namespace paiban::reflow_stages
