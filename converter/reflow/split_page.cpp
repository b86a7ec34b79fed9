// split_page: where blocks start in one article, from what the scan shows rather than from
// counting: a paragraph's first line is indented (two em in Chinese text, GB/T 15834 usage), its
// last line stops short of the column's right edge (by more than the next line's first
// unbreakable run); headings and captions change the type size or stand apart by more than the
// leading. The headline is one block however many lines it has.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/clreq.h"
#include "reflow/chars.h"
#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

Geo geometry(const PageLine& l, const PageColumn& c, double em) {
  Geo g;
  g.indent = (l.box.x0 - c.x0) / em;
  g.short_by = (c.x1 - l.box.x1) / em;
  return g;
}

bool centred(const Geo& g) { return g.indent >= 1 && g.short_by >= 1 && std::abs(g.indent - g.short_by) < 1.2; }

namespace {

// The white between two lines: from the foot of one's type to the head of the next, each found
// from the middle of its type and its size (an engine's row box can reach into the rows around).
double white(const PageLine& p, const PageLine& q) { return (q.mid - q.size / 2) - (p.mid + p.size / 2); }

// Body type: 0.8–1.25 of the body size (a heading's leading, or a scrap's, is no measure).
bool body(const PageLayout& L, const PageLine& l) { return l.size > L.em * 0.8 && l.size < L.em * 1.25; }

// The leading: the commonest white between successive body lines of one column.
double leading(const PageLayout& L, const PageArticle& a) {
  std::vector<double> gaps;
  for (size_t k = 0; k + 1 < a.order.size(); ++k) {
    const PageLine &p = L.lines[a.order[k]], &q = L.lines[a.order[k + 1]];
    if (a.column_of[k] == a.column_of[k + 1] && body(L, p) && body(L, q)) gaps.push_back(white(p, q));
  }
  if (gaps.empty()) return L.em / 2;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
  return gaps[gaps.size() / 2];
}

// A scrap: two or three characters in type under three quarters of the body size. Nobody sets
// such a line in running text; it is ink the engine misread (part of a character, a rule's end,
// a picture's texture) and says nothing about where a paragraph starts or ends.
// So is junk in type well above the body's that the engine itself did not trust (fewer than
// four Han characters it stands by: find_articles keeps it from being a headline).
bool scrap(const PageLayout& L, const PageLine& l) {
  return (l.line.text.size() <= 3 && l.size < L.em * 0.75) || (l.size > L.em * 1.25 && trusted_han(l) < 4);
}

// A character's width in ems as printed: Han and fullwidth marks an em, and the ASCII marks OCR
// reads for fullwidth ones ("日)，") too; Latin letters, digits and spaces half an em.
double printed_ems(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == U' ') ? 0.5 : 1; }

// The first run of a line that a break may not enter (Line::head, in display units), in ems.
double head_ems(const Line& l) {
  int w = 0;
  double ems = 0;
  for (size_t k = 0; k < l.text.size() && w < l.head; ++k) {
    w += chars::width(l.text[k]);
    ems += printed_ems(l.text[k]);
  }
  return ems;
}

// The first run of a line that a breaker following UAX #14 without East Asian tailoring may not
// enter (browsers' and Pango's, which set e-paper pages): none before or after a quotation mark
// (LB19), none inside a number or word with its signs, nor from a prefix sign into a Han
// character (LB23–25, LB23a), nor before a hyphen (LB21), nor where clreq forbids one.
// Weasyprint leaves a line four ems short before "和“5G+工" (fresh18 p003), where clreq would
// break after "和".
double glued_ems(const Line& l) {
  auto quote = [](char32_t x) { return x == U'“' || x == U'”' || x == U'‘' || x == U'’' || x == U'"' || x == U'\''; };
  auto word = [](char32_t x) {
    return x < 0x80 && (std::isalnum(static_cast<int>(x)) || x == U'+' || x == U'%' || x == U'.' || x == U'-' || x == U'$');
  };
  const std::u32string& t = l.text;
  double ems = 0;
  for (size_t k = 0; k < t.size() && t[k] != U' '; ++k) {
    const char32_t c = t[k];
    ems += printed_ems(c);
    if (k + 1 == t.size()) break;
    const char32_t n = t[k + 1];
    const bool prefix = (c == U'+' || c == U'$') && chars::classify(n) == chars::Cls::han;
    // Nor before a hyphen (LB21: × HY, × BA), "乌兹别克斯坦-2030" (fresh72 p007).
    const bool hyphen = n == U'-' || n == U'‐' || n == U'–';
    if (!quote(c) && !quote(n) && !(word(c) && word(n)) && !prefix && !hyphen && !clreq::forbids_break(c, n)) break;
  }
  return ems;
}

// The first run of a line that no breaker may enter, by clreq or by UAX #14, in ems.
double first_run_ems(const Line& l) { return std::max(head_ems(l), glued_ems(l)); }

// Whether a line (margins g) fills its column but for the first unbreakable run of the line under
// it in its column (margins gn): that one flush left, opening with a run longer than the white
// the line leaves (clreq §3.1.7: "今天（9月27" over "日），…" in a narrow column), by clreq or by
// UAX #14.
bool full_but_for(const Geo& g, const Geo& gn, const PageLine& next) {
  return std::abs(gn.indent) < 0.8 && g.short_by < first_run_ems(next.line) + 0.5;
}

// Whether a line follows the one at order[j] in its column.
bool next_in_column(const PageArticle& a, size_t j) {
  return j + 1 < a.order.size() && a.column_of[j + 1] == a.column_of[j];
}

// The same for the line at order[j] and the one after it, where that one shares its column.
bool full_before_next(const PageLayout& L, const PageArticle& a, size_t j) {
  if (!next_in_column(a, j)) return false;
  const PageColumn& c = a.columns[a.column_of[j]];
  const PageLine& next = L.lines[a.order[j + 1]];
  return full_but_for(geometry(L.lines[a.order[j]], c, L.em), geometry(next, c, L.em), next);
}

// The line at order[j] fills its column mid-sentence and the next in its column stands flush left
// under it: one paragraph goes on from the one into the other.
bool runs_into(const PageLayout& L, const PageArticle& a, size_t j) {
  if (!next_in_column(a, j)) return false;
  const PageColumn& c = a.columns[a.column_of[j]];
  const PageLine &p = L.lines[a.order[j]], &q = L.lines[a.order[j + 1]];
  const Geo gp = geometry(p, c, L.em), gq = geometry(q, c, L.em);
  return mid_sentence(p.line.end) && gp.short_by < 0.8 && std::abs(gq.indent) < 0.5;
}

// The line after order[j], in its column, is a paragraph's first: in body type, set in by a
// paragraph's indent.
bool opens_next(const PageLayout& L, const PageArticle& a, size_t j) {
  if (!next_in_column(a, j)) return false;
  const PageLine& next = L.lines[a.order[j + 1]];
  const Geo g = geometry(next, a.columns[a.column_of[j]], L.em);
  return body(L, next) && g.indent >= 1.5 && g.indent < 4;
}

// A line holding a dispatch and nothing after it ("央视网消息（新闻联播）：").
bool dispatch_alone(const Line& l) {
  return opens_dispatch(l) && l.pauses == 0 && (l.end == End::colon || l.end == End::closing);
}

// A centred heading line follows the line at order[j] in its column, after at most one more
// full one of the heading in its type: j is a heading's full first (fresh86 p006: "八部门要求加大
// 对农村" over "残疾人就业增收帮扶力" and "度"). Full, or set to j's measure: a heading in type
// larger than the body's fits fewer characters to the column, its white on both sides (fresh90
// p002: the same heading, its two full lines half an em short of the column, 12 px in, measured
// 43 and 47 px: within 0.15 of the body's em, as an engine measures one type).
bool centred_heading_next(const PageLayout& L, const PageArticle& a, size_t j) {
  const PageColumn& c = a.columns[a.column_of[j]];
  const PageLine& first = L.lines[a.order[j]];
  const auto as_first = [&](const PageLine& l) {
    return std::abs(l.box.x0 - first.box.x0) * 2 < L.em && std::abs(l.box.x1 - first.box.x1) * 2 < L.em;
  };
  for (size_t i = j + 1; i < a.order.size() && i <= j + 2 && a.column_of[i] == a.column_of[j]; ++i) {
    const PageLine& next = L.lines[a.order[i]];
    if (!heading_like(next.line)) return false;
    const Geo g = geometry(next, c, L.em);
    if (centred(g)) return true;
    if ((g.short_by >= 0.5 && !as_first(next)) || std::abs(next.size - first.size) > L.em * 0.15) return false;
  }
  return false;
}

// No printed line starts with a pause, a stop or a closing bracket (clreq §3.1.7): a line the
// engine read opening with one runs on from the line before ("…停止服务" over "。当地…").
bool opens_mid_text(const PageLine& q) {
  if (q.line.text.empty()) return false;
  const char32_t c = q.line.text.front();
  return clreq::is_pause_or_stop(c) || clreq::is_closing(c);
}

// A sentence's last few characters and its stop, the whole line.
bool tail(const Line& l) { return l.end == End::stop && l.text.size() <= 4; }

// Pieces of one printed row are one line: no block starts inside a line. Their boxes share a
// row, and so do the middles of their type: words boxed row-tall ("500" 112 high in a row of
// 36-high type) make a line's box reach into the next row.
bool one_row(const PageLine& p, const PageLine& q) {
  const int row = std::min(p.box.y1, q.box.y1) - std::max(p.box.y0, q.box.y0);
  return row * 2 > std::min(p.box.height(), q.box.height()) && std::abs(p.mid - q.mid) < std::min(p.size, q.size);
}

// A change of typeface where a text layer names it (a heading in sans or bold over body text in
// serif) starts a block, unless running text runs on across it (a bold lead-in).
bool face_changes(const PageLine& p, const PageLine& q) {
  return !p.face.empty() && !q.face.empty() && p.face != q.face && !(mid_sentence(p.line.end) && p.line.pauses > 0);
}

// Whether a scrap skipped just before order[j] (after order[k]) opened j's row: junk read in
// large type from a garbled first line, cut from the rest at a gap (fresh35 p000: "今天(12
// (12上j" before "]) ] 11时26"). The row starts at the scrap's edge, and not with j's first mark.
bool scrap_opens_row(const PageLayout& L, const PageArticle& a, size_t k, size_t j) {
  if (j - 1 <= k || a.column_of[j - 1] != a.column_of[j]) return false;
  const PageLine &s = L.lines[a.order[j - 1]], &q = L.lines[a.order[j]];
  return scrap(L, s) && one_row(s, q) && s.box.x1 <= q.box.x0 + L.em / 2;
}

// Whether a block starts at order[j], the line after order[k] (scraps between them skipped).
bool breaks_between(const PageLayout& L, const PageArticle& a, size_t k, size_t j, double lead, bool indented) {
  const PageLine& p = L.lines[a.order[k]];
  const bool opened = scrap_opens_row(L, a, k, j);
  PageLine row;
  if (opened) row = L.lines[a.order[j]], row.box.x0 = std::min(row.box.x0, L.lines[a.order[j - 1]].box.x0);
  const PageLine& q = opened ? row : L.lines[a.order[j]];
  const PageColumn& cp = a.columns[a.column_of[k]];
  const PageColumn& cq = a.columns[a.column_of[j]];
  const double em = L.em;
  if (a.boxed[k] != a.boxed[j]) return true;  // a frame's edge
  // The source says one is a caption. Tesseract's ocr_header and ocr_textfloat are its guesses
  // per line (body lines of a wide article come out as headers): the type size decides those.
  if ((p.hint == ocr::Hint::caption) != (q.hint == ocr::Hint::caption)) return true;
  // A caption's text opens or closes it (图为……, ……摄）).
  if (opens_caption(q.line.text) || closes_caption(p.line.text)) return true;
  // A line opening with a mark runs on, unless a sentence ended short and the line is indented
  // as a paragraph's first: there the mark is the engine's misreading ("1日" read "] 日").
  const Geo gp = geometry(p, cp, em), gq = geometry(q, cq, em);
  const bool opens_paragraph = p.line.end == End::stop && gp.short_by >= 1.5 && gq.indent >= 1.5 && gq.indent < 4;
  // So does one at the next column's top after a line that stops mid-sentence (fresh72 p007:
  // "，加强减贫…" there, boxed in by woven junk, after "…和鲁班工坊", full).
  const bool same_column = a.column_of[k] == a.column_of[j];
  if (opens_mid_text(q) && !opens_paragraph && !opened && (same_column || mid_sentence(p.line.end))) return false;
  if (same_column && one_row(p, q)) return false;
  if (L.exact && face_changes(p, q)) return true;
  // A sentence's last characters alone on a line, flush left under a line that stops mid-word:
  // its tail, pushed down with its stop (clreq §3.1.7), whatever size the engine boxed them at
  // (fresh7 p007: "化。" boxed 46 high under "…的振动变" in 36-high type).
  if (a.column_of[k] == a.column_of[j] && mid_sentence(p.line.end) && tail(q.line) && std::abs(gq.indent) < 0.8)
    return false;
  // A change of type (headline, subtitle, heading) comes where a text ends; mid-sentence a
  // taller measure is the ink of taller characters, unless the type differs by half again.
  const bool runs_on = mid_sentence(p.line.end) && !heading_like(p.line);
  // Running text on both sides of a sentence that runs on is one text whatever the measure.
  const bool text = runs_on && p.line.pauses > 0 && q.line.pauses > 0;
  // A line that fills its column mid-sentence, the next in its column flush left under it.
  const bool runs_into_next = mid_sentence(p.line.end) && gp.short_by < 0.8 && same_column && std::abs(gq.indent) < 0.5;
  // Such text goes on in the next line when either is running text (commas in it), however tall
  // the engine boxed one line's characters (row-tall boxes on half of them make a body line look
  // half again larger).
  const bool text_fills = runs_into_next && (p.line.pauses > 0 || q.line.pauses > 0);
  // So does a full line ending on a closing bracket over running text flush left under it, the
  // lower measured taller (a heading stands over its text in larger type, not smaller): the
  // bracket's ink keeps to the left half of its em (fresh85 p002: "保险基金（含生育保险）" over
  // "总收入29362.15亿元，其", its characters boxed row-tall).
  const bool closes_into = p.line.end == End::closing && p.size < q.size && same_column && gp.short_by < 0.8 &&
                           std::abs(gq.indent) < 0.5 && gq.short_by < 0.8 && q.line.pauses > 0;
  double small = std::min(p.size, q.size), big = std::max(p.size, q.size);
  if (!text && !text_fills && !closes_into && big > small * (runs_on ? 1.5 : 1.2)) return true;
  // A dash that opens a line opens a subtitle, unless the line before ends inside a title or a
  // quotation ("《人类文明新形态" over "——中国式现代化》"): there it is the title's own dash
  // (GB/T 15834 §4.13: a dash may stand inside a title's marks). Nor in running text, commas on
  // both sides, filling the line before mid-sentence in one type: a subtitle has no pause (fresh67
  // p004: "…在粤港澳大湾区重点工程" over "——黄茅海跨海通道建设现场，5000多名…").
  // A credit that runs into the next line opens running text ("记者今天从…" over "…会上了解到，"):
  // a byline stands on a line of its own.
  const bool dash_in_text = runs_into_next && p.line.pauses > 0 && q.line.pauses > 0 && big <= small * 1.15;
  if (opens_byline(q.line) || (opens_subtitle(q.line) && !clreq::leaves_open(p.line.text) && !dash_in_text) ||
      (opens_byline(p.line) && !runs_into_next))
    return true;
  // Centred heading lines printed one under the other stay one heading; in body type, not a
  // paragraph's first line that only looks centred, short by the next line's first unbreakable
  // run (fresh73 p003: "商务部今天(3月17" over "日)公布的…", under "…务外包稳步增长").
  if (centred(gp) && centred(gq) && heading_like(p.line) && heading_like(q.line) && same_column &&
      !(body(L, p) && full_before_next(L, a, j)))
    return false;
  // So do lines of one heading set larger than the body, the first full and running on (a
  // narrow column's heading fills its first line and centres the rest; the first may end on a
  // closing bracket, "2022中国（曲阜）", as heading_like allows), or the next standing clear of
  // both edges (the first looks off centre where the engine lost its last character; a line
  // that reaches the right edge under a centred one is a paragraph's first). Nor is a line in
  // body type, indented as a first line and reaching the right edge, a heading's: a bold heading
  // a little larger than the body, its paragraph's first line read without a mark (fresh37 p006).
  const bool first_of_paragraph = gq.indent >= 1.5 && gq.indent < 4 && gq.short_by < 0.5 && q.size < em * 1.15;
  if (same_column && heading_like(p.line) && heading_like(q.line) && small > em * 1.1 &&
      big <= small * 1.15 && white(p, q) < lead + em * 0.8 && !first_of_paragraph &&
      (gp.short_by < 1.5 || (gq.indent >= 1 && gq.short_by >= 1)))
    return false;
  // The first line's indent. After a line that fills its column mid-sentence in running text, a
  // paragraph cannot start: an indent short of two ems there is the engine's box (a rule read
  // into the first word, a character boxed short), not white. Running text: a comma in the line,
  // or a comma in the next while the line is a paragraph's first (indented) or not set larger
  // than the next ("密切…人文交" over "流，…"; a heading's last line is neither).
  // A line short by less than the next line's first unbreakable run fills it ("实" over "验，"),
  // by clreq or by UAX #14 ("水球" over "变“懒”实验": fresh7 p007).
  const bool first_line = gp.indent >= 1.5 && gp.indent < 4;
  const bool alike = p.size <= q.size * 1.05;  // not set larger than the next line
  const bool running = p.line.pauses > 0 || (q.line.pauses > 0 && (first_line || alike));
  const double q_head = first_run_ems(q.line);
  const bool fills_mid =
      mid_sentence(p.line.end) && running && (gp.short_by < 0.8 || gp.short_by < q_head) && same_column;
  // A heading in body type fills its lines and centres its last: a centred line right under a
  // full heading line, mid-title, ends that heading ("…试验十七" over "号卫星"); not a
  // paragraph's first line that only looks centred, short by the next line's first unbreakable
  // run ("今天（9月27" over "日），…").
  // (Full: to the edge, or within an em of both edges and centred, as a narrow column centres a
  // full heading line: fresh67 p006, "号A/B星和试验十七号" over "卫星".)
  const bool full_line =
      gp.short_by < 0.5 || (gp.short_by < 1 && gp.indent > 0 && std::abs(gp.indent - gp.short_by) < 0.3);
  if (same_column && heading_like(p.line) && mid_sentence(p.line.end) && full_line &&
      white(p, q) < lead + em * 0.5 && centred(gq) && heading_like(q.line) && q.line.pauses == 0 &&
      !full_before_next(L, a, j))
    return false;
  // Set in by under a paragraph's indent after a full line that stops mid-sentence, in an article
  // whose paragraphs open indented: the engine lost the line's first character (fresh68 p002:
  // "见来华出席…" one character in under "…在人民大会", full).
  const bool lost_first = indented && same_column && mid_sentence(p.line.end) && gp.short_by < 0.5 &&
                          gq.indent < 1.5 && body(L, p) && body(L, q);
  if (gq.indent >= (fills_mid ? 1.8 : 1.2) && gq.indent < 4 && !lost_first) return true;
  if (centred(gq) && heading_like(q.line)) return true;
  // A heading in body type filling its line and centring the next opens a block after a dispatch
  // alone on its line (fresh65 p007: "央视网消息（新闻联播）", its colon lost, over "25项具体措施
  // 促进家政服务" and "提质扩容"), or with space above it (fresh66 p003: "2011至2020年成有" and
  // "以来最热十年" under "…任务的一步", its stop lost, 44 px down where lines stand 22 apart).
  if (same_column && heading_like(q.line) && std::abs(gq.indent) < 0.5 && centred_heading_next(L, a, j) &&
      (dispatch_alone(p.line) || white(p, q) > lead + em * 0.4))
    return true;
  // After a sentence's end, a line without sentence marks standing alone over a paragraph's first
  // line, in an article that opens its paragraphs indented, is a block of its own: a heading, or
  // a paragraph of one line whose indent the engine lost (fresh84 p003: "成渝中线高铁开工建设" in
  // bold a little larger, between "…具有重要意义。" 0.7 em short and "成渝中线高铁昨天", indented).
  // (A caption's credit closing it, "（资料图片）", is no such line.)
  if (indented && same_column && p.line.end == End::stop && heading_like(q.line) && gq.indent < 1.2 &&
      !closes_caption(q.line.text) && opens_next(L, a, j))
    return true;
  // A line that stops short ended its paragraph, unless it stopped mid-sentence (a break the
  // scan shows but the text denies: a line cut by a picture or a box).
  // Nor did one that stops short by less than the first run of the next line a break may not
  // enter: it was full.
  // Nor did one whose next line, or the line before it, stops where it does: they run along
  // something set into the column (a picture, a box), and the text runs on mid-sentence.
  const auto ends_with_p = [&](size_t i) {
    return a.column_of[i] == a.column_of[k] && std::abs(L.lines[a.order[i]].box.x1 - p.box.x1) * 2 < em;
  };
  // (Centred lines of one heading stop alike for being centred: fresh39 p004.)
  const bool beside = !centred(gp) && ((ends_with_p(j) && gq.indent < 1) || (k > a.head.size() && ends_with_p(k - 1)));
  const bool was_full = mid_sentence(p.line.end) && same_column && (full_but_for(gp, gq, q) || beside);
  // A heading's line is followed by a paragraph's first, indented: a line like a heading's in
  // body type, flush left and short by a few characters, over the top of the next column, flush
  // left there and reading on, is text whose end the engine lost ("…值机" of "…值机柜台，确"
  // over "保旅客顺畅通行。": fresh47 p005). (A heading centred at a column's foot, or over a
  // story's dispatch, "央视网消息（新闻联播）：", is one.)
  const bool text_over_column = !same_column && heading_like(p.line) && !heading_like(q.line) && body(L, p) &&
                                body(L, q) && std::abs(gq.indent) < 0.5 && std::abs(gp.indent) < 0.5 &&
                                gp.short_by < 4 && !opens_dispatch(q.line);
  // In an article that opens its paragraphs indented, the next line flush left under this one and
  // full, no dispatch: a paragraph goes on into it unless this line is told apart as its end.
  const bool flush_full = indented && same_column && std::abs(gq.indent) < 0.5 && gq.short_by < 0.8 &&
                          !opens_dispatch(q.line);
  // Nor did a sentence that ends a few ems short over such a line, reading on: a renderer setting
  // Han text ragged leaves white where the next character would have fitted (fresh59 p003: "…约为
  // 35万。" 1.6 ems short over "本轮巴以冲突爆发以来，有大批民众", flush).
  const bool flush_on = flush_full && gp.short_by < 3 && !heading_like(q.line) && !heading_like(p.line);
  // Nor did a paragraph's first line, indented and mid-word, whose last characters the engine
  // lost, over such a line running on in the same type (fresh68 p003: "此次授课活动由中国载人航天
  // 工程办公室联合教育" 1.5 ems short, "部、" lost, over "科技部、中国科协、…").
  const bool first_cut = flush_full && p.line.end == End::word && gp.indent >= 1.5 && gp.indent < 4 &&
                         gp.short_by < 2.5 && q.line.pauses > 0 && body(L, p) && body(L, q) &&
                         std::abs(p.size - q.size) <= em * 0.1;
  // Nor did a line inside a paragraph (flush left under a full line that runs into it) whose
  // last characters the engine lost after a word or a name's closing quote, over a line flush
  // left in the same type reading on: in such an article a paragraph's first is indented (fresh80
  // p002: "…第三届“一带一路”" 1.7 ems short, "国" lost, over "际合作高峰论坛的…耶夫。"). Reading
  // on: no heading's line, or one running into the next as text does (fresh77 p003: "…伟大复兴",
  // "——" lost, over "习近平总书记今年以来治", full, over "国理政纪实》…"). At most 2.5 ems
  // short, or any length over a full line with pauses (fresh79 p004: "…深度贫困村考察有", five
  // characters lost, over "精准扶贫理念，现在，…").
  const bool inner_cut = indented && same_column && k > a.head.size() && runs_into(L, a, k - 1) &&
                         std::abs(gp.indent) < 0.5 &&
                         (p.line.end == End::word || p.line.end == End::closing) &&
                         (gp.short_by < 2.5 || (gq.short_by < 0.8 && q.line.pauses > 0)) &&
                         std::abs(gq.indent) < 0.5 && (!heading_like(q.line) || runs_into(L, a, j)) &&
                         !opens_dispatch(q.line) &&
                         body(L, p) && body(L, q) && std::abs(p.size - q.size) <= em * 0.1;
  if (gp.short_by >= 1.5 && !was_full && !flush_on && !first_cut && !inner_cut &&
      (ends_clause(p.line.end) || (heading_like(p.line) && !text_over_column) || p.line.end == End::closing))
    return true;
  // Space above a heading; a scrap skipped between the lines fills it (junk read on the page).
  // Not inside running text that runs on into the next line: white there is a row the engine
  // did not read or a picture's, not a heading's ("…一致认为，政" over "府工作报告、…").
  const PageLine& above = L.lines[a.order[j - 1]];
  const PageLine& over = a.column_of[j - 1] == a.column_of[j] && above.mid > p.mid ? above : p;
  const double gap = white(over, q);
  const bool text_runs_on = runs_into_next && p.line.pauses > 0 && q.line.pauses > 0;
  if (same_column && gap > lead + em * 0.8 && !text_runs_on) return true;
  return false;
}

// Whether an article opens its paragraphs indented: two lines at least in body type, each
// indented as a first line (one and a half to four ems) and reaching its column's right edge.
bool opens_indented(const PageLayout& L, const PageArticle& a) {
  size_t n = 0;
  for (size_t j = a.head.size(); j < a.order.size() && n < 2; ++j) {
    const PageLine& q = L.lines[a.order[j]];
    const Geo g = geometry(q, a.columns[a.column_of[j]], L.em);
    n += body(L, q) && g.indent >= 1.5 && g.indent < 4 && g.short_by < 0.8;
  }
  return n >= 2;
}

}  // namespace

std::vector<PageUnit> split_page(const PageLayout& L, const PageArticle& a) {
  std::vector<PageUnit> units;
  if (a.order.empty()) return units;
  const double lead = leading(L, a);
  const bool indented = opens_indented(L, a);
  const size_t head = a.head.size();
  size_t start = 0;
  if (head > 0) {
    units.push_back(PageUnit{Kind::headline, 0, head, false});
    start = head;
  }
  size_t last = start;  // the last line before k + 1 that is no scrap
  for (size_t k = start; k < a.order.size(); ++k) {
    const bool here_scrap = scrap(L, L.lines[a.order[k]]);
    if (!here_scrap || k == start) last = k;
    // No block breaks before a scrap, nor after one that opens a block: a scrap goes with the
    // text around it (a quote and a character boxed small, cut from their row: "“一" of "“一带一路”").
    const bool same_frame = k + 1 < a.order.size() && a.boxed[k] == a.boxed[k + 1];
    if (same_frame && (scrap(L, L.lines[a.order[k + 1]]) || (k == start && here_scrap))) continue;
    if (k + 1 < a.order.size() && !breaks_between(L, a, last, k + 1, lead, indented)) continue;
    // A block starting on a row a scrap opened starts with the scrap.
    const size_t cut = k + 1 < a.order.size() && scrap_opens_row(L, a, last, k + 1) ? k : k + 1;
    units.push_back(PageUnit{Kind::paragraph, start, cut, a.boxed[start]});
    start = cut;
  }
  return units;
}

}  // namespace paiban::reflow_stages
