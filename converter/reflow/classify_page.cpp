// classify_page: what each block of an article is, from its type size and text. Under the
// headline: subtitles (a "——" opening, or type between body and headline), bylines (□ or a
// reporter's credit); in the body: headings (short, without sentence marks, a paragraph after
// them), captions (the source says so, or their text: 图为, a photo credit), paragraphs.
#include <algorithm>

#include "core/clreq.h"

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

double unit_size(const PageLayout& L, const PageArticle& a, const PageUnit& u) {
  double s = 0;
  for (size_t k = u.begin; k < u.end; ++k) s = std::max(s, L.lines[a.order[k]].size);
  return s;
}

bool all_heading_like(const PageLayout& L, const PageArticle& a, const PageUnit& u) {
  if (u.end - u.begin > 4) return false;
  for (size_t k = u.begin; k < u.end; ++k)
    if (!heading_like(L.lines[a.order[k]].line)) return false;
  return true;
}

ocr::Hint unit_hint(const PageLayout& L, const PageArticle& a, const PageUnit& u) {
  return L.lines[a.order[u.begin]].hint;
}

// A byline: as in column text, or a reporter's credit at the start of a short line without
// sentence marks (the space after the credit may be lost in OCR: "本报记者王小明").
// OCR of a short vertical line keeps gaps between its word boxes as spaces ("本 報記者高茜"), so
// the credit is looked for with every space closed up.
bool byline_like(const Line& l) {
  if (opens_byline(l)) return true;
  if (l.pauses > 0 || l.width > 30) return false;
  Line closed = l;
  closed.text = no_spaces(l.text);
  if (opens_byline(closed)) return true;
  const std::u32string& t = closed.text;
  for (std::u32string_view w : {U"本报记者", U"本报通讯员", U"记者", U"通讯员", U"特约记者", U"新华社记者",
                                U"本報記者", U"本報通訊員", U"記者", U"通訊員", U"特約記者", U"新華社記者"})
    if (std::u32string_view(t).substr(0, w.size()) == w && t.size() > w.size()) return true;
  return false;
}

// A caption by its text: a short block opening with 图为 or closing with a photo credit.
bool caption_like(const PageLayout& L, const PageArticle& a, const PageUnit& u) {
  if (u.end - u.begin > 3) return false;
  return opens_caption(L.lines[a.order[u.begin]].line.text) || closes_caption(L.lines[a.order[u.end - 1]].line.text);
}

// A heading's shape in body type: its lines full but the last, which is centred (a paragraph
// ends flush left).
bool heading_shape(const PageLayout& L, const PageArticle& a, const PageUnit& x) {
  for (size_t k = x.begin; k < x.end; ++k) {
    const Geo g = geometry(L.lines[a.order[k]], a.columns[a.column_of[k]], L.em);
    if (k + 1 < x.end ? g.short_by >= 0.5 : !centred(g)) return false;
  }
  return true;
}

// A paragraph's first line, not a heading: alone in its block, in body type, set in by a
// paragraph's indent and running to the column's right edge, where a heading is centred, flush
// left or short. The engine lost the line under it (fresh15 p004: "这是水球变" over white).
bool opens_paragraph(const PageLayout& L, const PageArticle& a, const PageUnit& x) {
  if (x.end - x.begin != 1 || unit_hint(L, a, x) == ocr::Hint::heading) return false;
  const PageLine& l = L.lines[a.order[x.begin]];
  if (l.size > L.em * 1.1) return false;
  const Geo g = geometry(l, a.columns[a.column_of[x.begin]], L.em);
  return g.indent >= 1.5 && g.indent <= 2.5 && g.short_by < 0.5;
}

// The pitch of an article's running text: the median step from the middle of a line's type to the
// next one's in its column, between lines of body type (0 when fewer than four such steps). Not
// the tops: a quote mark or a speck read tall moves a box's top (fresh18 p007).
int body_pitch(const PageLayout& L, const PageArticle& a) {
  std::vector<int> steps;
  for (size_t k = 0; k + 1 < a.order.size(); ++k) {
    const PageLine &p = L.lines[a.order[k]], &q = L.lines[a.order[k + 1]];
    if (a.column_of[k] != a.column_of[k + 1] || p.size > L.em * 1.1 || q.size > L.em * 1.1) continue;
    if (const int d = q.mid - p.mid; d > 0 && d < L.em * 3) steps.push_back(d);
  }
  if (steps.size() < 4) return 0;
  std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 2), steps.end());
  return steps[steps.size() / 2];
}

// A paragraph set as one, not a heading: in body type, its first line set in by a paragraph's
// indent and any others (three lines at most) flush with the column's edge, each standing at the
// running text's pitch from the line before, and the line after at that pitch too, where a
// heading takes space round it or is centred (fresh31 p000: "广电总局要求…“开机进全屏直播”", a
// paragraph of one line without a full stop; fresh28 p002: "《中央支持地方公共文化服务体系建设
// 补助资金管理办法》印发" over two; fresh32 p003: one-line paragraphs one after another).
bool set_as_paragraph(const PageLayout& L, const PageArticle& a, const PageUnit& x, int pitch) {
  if (pitch <= 0 || x.end - x.begin > 3 || x.begin == 0 || unit_hint(L, a, x) == ocr::Hint::heading) return false;
  const size_t k = x.begin, e = x.end;
  if (e >= a.order.size()) return false;
  for (size_t j = k - 1; j <= e; ++j)
    if (a.column_of[j] != a.column_of[k]) return false;
  const PageColumn& c = a.columns[a.column_of[k]];
  // In body type: the median of its lines' sizes (a line of two words boxed row-tall measures
  // taller than its type: fresh85 p002's "亿元", 41 px where its column's type is 25).
  std::vector<double> sizes;
  for (size_t j = k; j < e; ++j) sizes.push_back(L.lines[a.order[j]].size);
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
  if (sizes[sizes.size() / 2] > L.em * 1.15) return false;
  for (size_t j = k; j < e; ++j) {
    const PageLine& l = L.lines[a.order[j]];
    const Geo g = geometry(l, c, L.em);
    if (j > k) {
      if (std::abs(g.indent) >= 0.5) return false;
      continue;
    }
    // An opening bracket's ink stands in the right half of its em, and an engine may keep that
    // blank after the indent (clreq §h-compression_of_punctuation_marks_at_line_start makes
    // dropping it a choice): "《" may start half an em further in (fresh14 p005).
    const bool bracket = !l.line.text.empty() && clreq::is_opening(l.line.text.front());
    if (g.indent < 1.5 || g.indent > (bracket ? 3.0 : 2.5)) return false;
  }
  auto middle = [&](size_t j) { return L.lines[a.order[j]].mid; };
  const int tol = static_cast<int>(L.em / 4);
  for (size_t j = k; j <= e; ++j)
    if (std::abs(middle(j) - middle(j - 1) - pitch) > tol) return false;
  return true;
}

// The face of the article's running text (lines with sentence marks) where a text layer names
// faces: a block in another is set apart from it. The first 16 faces seen are counted (a page
// sets text in a handful; a hostile one in a million).
std::string body_face(const PageLayout& L, const PageArticle& a) {
  if (!L.exact) return {};
  std::vector<std::pair<const std::string*, size_t>> seen;
  for (size_t i : a.order) {
    const PageLine& l = L.lines[i];
    if (l.face.empty() || l.line.pauses == 0) continue;
    auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return *s.first == l.face; });
    if (it != seen.end()) ++it->second;
    else if (seen.size() < 16) seen.emplace_back(&l.face, 1);
  }
  auto best = std::max_element(seen.begin(), seen.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
  return best == seen.end() ? std::string() : *best->first;
}

}  // namespace

void classify_page(const PageLayout& L, const PageArticle& a, std::vector<PageUnit>& units) {
  size_t u = 0;
  if (u < units.size() && units[u].kind == Kind::headline) ++u;
  const bool has_headline = u > 0;
  // The front: subtitles and bylines right under the headline.
  for (; has_headline && u < units.size() && u < 5; ++u) {
    PageUnit& x = units[u];
    const Line& first = L.lines[a.order[x.begin]].line;
    double size = unit_size(L, a, x);
    if (opens_subtitle(first)) x.kind = Kind::subtitle;
    else if (x.end - x.begin == 1 && byline_like(first)) x.kind = Kind::byline;
    else if (size > L.em * 1.25 && all_heading_like(L, a, x)) x.kind = Kind::subtitle;
    else break;
  }
  const std::string body = body_face(L, a);
  const int pitch = body_pitch(L, a);
  for (; u < units.size(); ++u) {
    PageUnit& x = units[u];
    ocr::Hint h = unit_hint(L, a, x);
    if (h == ocr::Hint::caption || caption_like(L, a, x)) {
      x.kind = Kind::caption;
      continue;
    }
    bool followed = u + 1 < units.size();
    bool larger = unit_size(L, a, x) > L.em * 1.1;
    const std::string& face = L.lines[a.order[x.begin]].face;
    if (all_heading_like(L, a, x) && followed && !opens_paragraph(L, a, x) && !set_as_paragraph(L, a, x, pitch) &&
        (x.end - x.begin <= 2 || larger || h == ocr::Hint::heading || heading_shape(L, a, x) ||
         (!face.empty() && !body.empty() && face != body)))
      x.kind = Kind::heading;
  }
}

}  // namespace paiban::reflow_stages
