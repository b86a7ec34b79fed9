// classify: what each unit is. At the top: the headline, a "——" subtitle, a □ byline. In the
// body: headings (short lines without sentence punctuation, merged when printed on several
// lines), paragraphs, and boxes (units of a column at another measure).
#include <algorithm>

#include "core/clreq.h"
#include "core/date.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

bool starts_with(const std::u32string& t, std::u32string_view p) {
  return t.size() >= p.size() && std::u32string_view(t).substr(0, p.size()) == p;
}

// Reporter credits newspapers print under the headline (GB/T 15834 has no rule; house style),
// in Simplified and in Traditional forms (Taiwan and Hong Kong papers: 本報記者).
bool credit_words(const std::u32string& t, size_t at) { return credit_at(t, at) > 0; }

const Line& last_line(const Layout& L, const Unit& u) { return L.lines[u.end - 1]; }

bool unit_heading_like(const Layout& L, const Unit& u) {
  if (u.end - u.begin > 4) return false;
  for (size_t i = u.begin; i < u.end; ++i)
    if (!heading_like(L.lines[i])) return false;
  return true;
}

// The first unit is the headline when it does not read as a paragraph: no clause-ending mark.
bool headline_like(const Layout& L, const Unit& u) {
  if (u.end - u.begin > 2) return false;
  const Line& l = last_line(L, u);
  if (l.end == End::pause || l.end == End::semicolon || l.end == End::colon) return false;
  char32_t c = l.text.back();
  return c != U'。' && c != U'.';
}

// A line that is only a date ("2025年1月10日 星期五") above the headline or among the subtitle
// and byline: the paper's dateline, the article's date rather than a block.
bool dateline_unit(const Layout& L, const Unit& u) {
  return !u.boxed && u.end - u.begin == 1 && parse_dateline(L.lines[u.begin].text).has_value();
}

}  // namespace

size_t credit_at(std::u32string_view t, size_t at) {
  size_t n = 0;
  for (std::u32string_view w : {U"本报记者", U"本报通讯员", U"本报特约", U"本报讯", U"记者", U"通讯员",
                                U"特约记者", U"新华社", U"文/", U"文／", U"本報記者", U"本報通訊員", U"本報特約",
                                U"本報訊", U"記者", U"通訊員", U"特約記者", U"新華社"}) {
    if (t.size() >= at + w.size() && t.substr(at, w.size()) == w) n = std::max(n, w.size());
  }
  return n;
}

// A closing bracket with no opening one before it on the line: the line goes on from one above.
bool closes_unopened(std::u32string_view t) {
  int depth = 0;
  for (char32_t c : t) {
    if (clreq::is_opening(c)) ++depth;
    else if (clreq::is_closing(c) && --depth < 0) return true;
  }
  return false;
}

// A dash opening a line that closes a bracket the line above opened is the middle of a title
// ("【以中国式现代化全面推进中华民族伟大复兴" over "——习近平总书记今年以来治国理政纪实】推进…"),
// not a subtitle.
bool opens_subtitle(const Line& l) {
  const auto& t = l.text;
  if (t.empty()) return false;
  const bool dash = t[0] == U'—' || t[0] == U'―' || t[0] == U'─' || starts_with(t, U"－－") || starts_with(t, U"--");
  return dash && !closes_unopened(t);
}

bool opens_byline(const Line& l) {
  const auto& t = l.text;
  if (t.empty() || l.pauses > 0) return false;
  if (t[0] == U'□' || t[0] == U'■' || t[0] == U'◻') return true;
  // OCR reads the □ marker as 口 (the character "mouth"): a marker when a space or a credit follows.
  if (t[0] == U'口') return t.size() > 1 && (t[1] == U' ' || t[1] == 0x3000 || credit_words(t, 1));
  // Taiwan and Hong Kong papers bracket the credit on a line of its own: 【記者王小明／台北報導】,
  // 〔記者…〕 (kept as printed; the same credit run into the paragraph stays in it, like 本报讯).
  static const std::u32string_view kPairs[] = {U"【】", U"〔〕", U"［］", U"[]"};
  for (std::u32string_view pair : kPairs)
    if (t.size() > 2 && t.front() == pair[0] && t.back() == pair[1] && credit_words(t, 1)) return true;
  return dispatch_line(t) || (credit_words(t, 0) && t.find(U' ') != std::u32string::npos);
}

// A dispatch credit (電頭) on a line of its own: 本报讯, 本報訊, 本報台北訊, 本报北京讯. Run into
// the first paragraph it stays there as its lead-in (house style; GB/T 15834 has no rule).
bool dispatch_line(std::u32string_view t) {
  if (t.size() < 3 || t.size() > 8) return false;
  bool paper = t.substr(0, 2) == U"本报" || t.substr(0, 2) == U"本報";
  return paper && (t.back() == U'讯' || t.back() == U'訊');
}

// Picture captions (图片说明) as Chinese papers print them: "图为……", "图：……", "上图：", "▲……",
// and a credit closing them: "（新华社记者 王小明 摄）", "（资料图片）", "（受访者供图）".
bool opens_caption(std::u32string_view t) {
  for (std::u32string_view w : {U"图为", U"圖為", U"图：", U"圖：", U"图:", U"圖:", U"上图：", U"下图：", U"左图：",
                                U"右图：", U"上圖：", U"下圖：", U"左圖：", U"右圖：", U"▲", U"△"})
    if (t.substr(0, w.size()) == w && t.size() > w.size() + 1) return true;
  return false;
}

bool closes_caption(std::u32string_view t) {
  while (!t.empty() && (t.back() == U' ' || t.back() == U'。')) t.remove_suffix(1);
  if (t.empty() || (t.back() != U'）' && t.back() != U')')) return false;
  t.remove_suffix(1);
  for (std::u32string_view w : {U"摄", U"攝", U"资料图片", U"資料圖片", U"供图", U"供圖", U"图片", U"圖片"})
    if (t.size() >= w.size() && t.substr(t.size() - w.size()) == w) return true;
  return false;
}

bool caption_block(const Layout& L, size_t begin, size_t end) {
  if (end - begin > 3) return false;
  for (size_t k = begin + 1; k < end; ++k)
    if (L.lines[k].blanks_before > 0) return false;
  return opens_caption(L.lines[begin].text) || closes_caption(L.lines[end - 1].text);
}

// A dispatch (电头) opening a story's text: the agency or paper and where it reports from —
// "本报讯", "新华社北京3月5日电", "本报北京3月5日电", "中新网3月5日电", "央视网消息（新闻联播）：".
// Never a heading, however short the engine cut the line ("央视网消息（新闻联" in a narrow column).
bool opens_dispatch(const Line& l) {
  const std::u32string s = no_spaces(l.text);
  const std::u32string_view v(s);
  for (std::u32string_view w : {U"本报讯", U"本報訊", U"新华社", U"新華社", U"中新社", U"中新网", U"据新华社"})
    if (v.substr(0, w.size()) == w) return true;
  const size_t msg = v.find(U"消息");  // 央视网消息, 人民网消息
  if (msg != std::u32string_view::npos && msg >= 2 && msg <= 6) return true;
  // The wire's "…日电" after the paper's, agency's or site's name, no sentence before it.
  const size_t wired = v.find(U"日电");
  if (wired == std::u32string_view::npos || wired > 20) return false;
  const std::u32string_view head = v.substr(0, wired);
  if (head.find_first_of(U"，。、；") != std::u32string_view::npos) return false;
  for (std::u32string_view w : {U"社", U"報", U"报", U"网", U"網"})
    if (head.find(w) != std::u32string_view::npos) return true;
  return false;
}

bool heading_like(const Line& l) {
  return l.pauses == 0 && (l.end == End::word || l.end == End::closing) && !opens_dispatch(l);
}

bool paper_name(const Line& l) {
  return heading_like(l) && l.width <= 12 && !l.text.empty() && (l.text.back() == U'报' || l.text.back() == U'刊');
}

void classify(const Layout& L, std::vector<Unit>& units) {
  size_t u = 0;
  while (u < units.size() && u < 2 && dateline_unit(L, units[u])) units[u++].dateline = true;
  const size_t head = u;  // the first unit after datelines above the headline
  bool printed = L.headline > 1 && u == 0 && units[0].end == L.headline;  // a headline on several lines
  if (u < units.size() && !units[u].boxed && (printed || headline_like(L, units[u]))) units[u++].kind = Kind::headline;
  // Subtitle and byline follow the headline, one line each (a dateline may sit among them).
  for (; u < units.size() && u < head + 4; ++u) {
    Unit& x = units[u];
    if (x.end - x.begin != 1 || x.boxed) break;
    const Line& l = L.lines[x.begin];
    if (dateline_unit(L, x)) x.dateline = true;
    else if (opens_subtitle(l) && u > head) x.kind = Kind::subtitle;
    else if (opens_byline(l)) x.kind = Kind::byline;
    else break;
  }
  // Body: runs of heading-like units become one heading when a paragraph follows them.
  std::vector<Unit> out(units.begin(), units.begin() + static_cast<long>(u));
  // A page's text holds its pictures' captions among the articles' blocks (column text has none):
  // one block of the engine's, a paragraph run on across an empty line is none (fresh23 p003).
  auto caption = [&](const Unit& x) { return L.page && !x.boxed && caption_block(L, x.begin, x.end); };
  while (u < units.size()) {
    if (caption(units[u])) {
      out.push_back(units[u++]);
      out.back().kind = Kind::caption;
      continue;
    }
    size_t r = u;
    while (r < units.size() && unit_heading_like(L, units[r]) && !caption(units[r]) && units[r].column == units[u].column)
      ++r;
    bool followed = r < units.size() && units[r].column == units[u].column;
    if (r == u || !followed) {
      for (size_t k = u; k < std::max(r, u + 1); ++k) out.push_back(units[k]);
      u = std::max(r, u + 1);
      continue;
    }
    Unit h = units[u];
    h.kind = Kind::heading;
    for (size_t k = u + 1; k < r; ++k) {
      const Unit& n = units[k];
      bool blank = L.lines[n.begin].blanks_before > 0;
      if ((L.blanks == Blanks::breaks && blank) || n.end - h.begin > 4) {
        out.push_back(h);  // a separate heading: an empty section before the next one
        h = n;
        h.kind = Kind::heading;
        continue;
      }
      h.end = n.end;
    }
    out.push_back(h);
    u = r;
  }
  units = std::move(out);
}

}  // namespace paiban::reflow_stages
