// split_page_text: the plain text of a whole page (Tesseract's txt, psm 3/4/6) holds the page's
// running head and folio and several articles in several columns. Told apart from one
// article's column text by the page's own evidence: a running head or folio line, or a later
// article's headline. The engine's empty lines end its blocks (each set in one column), so a
// headline is a run (or runs: its lines read apart) of heading lines between running text, and
// a later article starts at one when the page says so: the text under it opens with a dispatch
// (电头: 本报讯, 新华社…电, 央视网消息), a subtitle or byline follows, it is printed wider than
// the columns around it, or it was read as several runs and the measure changes across it.
#include <algorithm>
#include <cstdlib>

#include "core/date.h"
#include "core/unicode.h"
#include "reflow/chars.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

bool digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool dash(char32_t c) { return c == U'—' || c == U'―' || c == U'─' || c == U'-' || c == U'－' || c == U'一'; }

// A folio as papers print it on a line of its own: 第12版, — 12 —, - 12 -.
bool folio(const Line& l) {
  const std::u32string s = no_spaces(l.text);
  size_t i = 0, n = s.size();
  if (n >= 3 && s[0] == U'第' && s[n - 1] == U'版') {
    for (i = 1; i + 1 < n && digit(s[i]); ++i) {}
    return i == n - 1 && i > 1;
  }
  size_t b = 0, e = n;
  while (b < n && dash(s[b])) ++b;
  while (e > b && dash(s[e - 1])) --e;
  if (b == 0 || e == n || e - b > 3) return false;
  for (i = b; i < e; ++i)
    if (!digit(s[i])) return false;
  return e > b;
}

// A line holding the paper's date (a running head: "排版日报  2023年8月8日 星期六", or the date
// alone under the paper's name): the date after at most ten characters, at most a weekday after.
bool dated(const Line& l) {
  // Quotes and bars on such a line are specks or the head's rule the engine read ("星期六 ”第16版").
  std::u32string s = no_spaces(l.text);
  s.erase(std::remove_if(s.begin(), s.end(), chars::speck_mark), s.end());
  for (size_t p = 0; p < s.size() && p <= 10; ++p) {
    if (!digit(s[p])) continue;
    size_t day = s.find(U'日', p);
    if (day == std::u32string::npos || day > p + 11) return false;
    // After the date: a weekday (星期六), and on many papers the folio too (星期六 第1版).
    size_t rest = s.size() - day - 1;
    size_t ban = s.find(U'第', day);
    bool with_folio = ban != std::u32string::npos && ban <= day + 4 && s.back() == U'版' && s.size() - ban <= 6;
    return (rest <= 3 || with_folio) && parse_dateline(std::u32string_view(s).substr(p, day + 1 - p)).has_value();
  }
  return false;
}

// The paper's name above its date: a short line of Han characters, no marks.
bool masthead(const Line& l) { return heading_like(l) && l.width <= 16; }

// Furniture as printed: the raw line, its runs of spaces (the engine's gap between the paper's
// name and its date) one space.
std::string collapsed(const std::string& raw) {
  std::string s;
  for (char c : raw) {
    bool space = c == ' ' || c == '\t' || c == '\r';
    if (space && (s.empty() || s.back() == ' ')) continue;
    s += space ? ' ' : c;
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// A line of scraps the engine read off large type or rules (psm 6 cuts a headline's row into
// "所 全", "1计 后 任 心", "一"): no mark, no piece of three characters or more. It may sit among a
// headline's lines (not counted as one of them); alone, it is a headline only above a dispatch.
bool scraps(const Line& l, const std::string& raw) {
  if (l.marks > 0) return false;
  size_t piece = 0, longest = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\t') piece = 0;
    else if ((c & 0xC0) != 0x80) longest = std::max(longest, ++piece);  // count code points
  }
  return longest < 3;
}

struct Run {
  size_t begin = 0, end = 0;  // Layout::lines [begin, end)
  size_t real = 0;            // lines that are not scraps
};

// A run of heading lines: at most three (scraps aside), none a subtitle, byline or dispatch;
// a run of scraps alone goes with the heading runs around it.
bool heading_run(const Layout& L, const Run& r, const std::vector<bool>& scrap) {
  if (r.real > 3) return false;
  for (size_t i = r.begin; i < r.end; ++i) {
    const Line& l = L.lines[i];
    if (scrap[i]) continue;
    if (!heading_like(l) || opens_subtitle(l) || opens_byline(l)) return false;
  }
  return true;
}

int measure(const Layout& L, const Run& r) {
  int m = 0;
  for (size_t i = r.begin; i < r.end; ++i)
    if (i + 1 < r.end || r.end - r.begin == 1) m = std::max(m, L.lines[i].width - L.lines[i].hang);
  return m;
}

bool differ(int a, int b) { return std::abs(a - b) > std::max(kOver, std::max(a, b) / 8); }

// Han characters that are words, not a rule or dash (which the engine reads as runs of 一).
size_t word_han(const std::u32string& t) {
  size_t n = 0;
  for (char32_t c : t) n += is_han(c) && c != U'一';
  return n;
}

// A heading run read as words: four Han characters at least (word_han), two thirds of what is
// not a space. A picture or a rule read as text gives heading-like junk ("——人",
// "一-一一一 -一一", "品 本|册撑中 让）").
bool worded(const Layout& L, const Run& r) {
  size_t han = 0, all = 0;
  for (size_t i = r.begin; i < r.end; ++i) {
    const std::u32string& t = L.lines[i].text;
    han += word_han(t);
    all += no_spaces(t).size();
  }
  return han >= 4 && han * 3 >= all * 2;
}

// Running text: a pause inside and eight Han characters (word_han) — not junk read off a
// picture with a stray "、" in it ("、 人 一AAA 、 人 4").
bool running(const Line& l) { return l.pauses > 0 && word_han(l.text) >= 8; }

// Whether the heading runs [h, t) start a later article: see the file's comment.
bool starts_article(const Layout& L, const std::vector<Run>& runs, size_t h, size_t t) {
  if (h == 0 || t >= runs.size()) return false;
  bool words = false;  // the headline's own run among the runs (a date or folio may precede it)
  for (size_t k = h; k < t && !words; ++k) words = worded(L, runs[k]);
  if (!words) return false;
  // A later article follows an earlier one's text: above the first running text, heading lines
  // are the first headline's (its lines read apart, junk among them).
  bool text = false;
  for (size_t r = 0; r < h && !text; ++r)
    for (size_t i = runs[r].begin; i < runs[r].end && !text; ++i) text = running(L.lines[i]);
  if (!text) return false;
  // A picture's caption may stand between a headline and its text (fresh20 p007): up to two
  // caption runs are looked past for the dispatch.
  size_t under = t;
  while (under + 1 < runs.size() && under < t + 2 && caption_block(L, runs[under].begin, runs[under].end)) ++under;
  const Line& next = L.lines[runs[under].begin];
  const Line& before = L.lines[runs[h - 1].end - 1];
  if (opens_dispatch(next) || opens_subtitle(next) || opens_byline(next)) return true;
  if (!(ends_clause(before.end) || before.end == End::closing)) return false;
  const int above = measure(L, runs[h - 1]), below = measure(L, runs[t]);
  int widest = 0, lines = 0;
  for (size_t k = h; k < t; ++k) widest = std::max(widest, measure(L, runs[k])), lines += runs[k].end - runs[k].begin;
  if (runs[h - 1].end - runs[h - 1].begin > 1 && runs[t].end - runs[t].begin > 1 &&
      widest > std::max(above, below) + kOver)
    return true;  // wider than the columns around it: set across them
  return t - h >= 2 && runs[h - 1].end - runs[h - 1].begin > 1 && runs[t].end - runs[t].begin > 1 &&
         differ(above, below);
}

}  // namespace

PageText split_page_text(const std::vector<std::string>& raw) {
  PageText pt;
  ReflowReport scratch;  // repairs are counted when the articles are reflowed
  const Layout L = segment(raw, scratch, true);
  const size_t n = L.lines.size();
  std::vector<bool> furniture(n, false);
  for (size_t i = 0; i < n; ++i) {
    const Line& l = L.lines[i];
    // Lower down, the engine's reading order put the head's date apart (a block of its own):
    // alone between empty lines, with its weekday (a statement's closing date has none).
    const bool alone = (i == 0 || l.blanks_before > 0) && (i + 1 == n || L.lines[i + 1].blanks_before > 0);
    const bool head = dated(l) && (i < 3 || (alone && l.text.find(U"星期") != std::u32string::npos));
    Furniture::Role role = folio(l) ? Furniture::Role::folio
                           : head   ? Furniture::Role::running_head
                                    : Furniture::Role::other;
    if (role == Furniture::Role::other) continue;
    furniture[i] = true;
    pt.furniture.push_back({static_cast<size_t>(l.src - 1), role, collapsed(raw[static_cast<size_t>(l.src - 1)])});
  }
  // The paper's name alone on the first line, where the head's date was read apart lower down.
  bool date_apart = false;
  for (const auto& f : pt.furniture) date_apart |= f.role == Furniture::Role::running_head && f.line > 2;
  // Or the name right above the date, as printed.
  const Line* first = n > 1 ? &L.lines[0] : nullptr;
  const bool name_apart = first && date_apart && paper_name(*first) && L.lines[1].blanks_before > 0;
  const bool name_over_date = first && masthead(*first) && furniture[1] && dated(L.lines[1]);
  if (first && !furniture[0] && (name_apart || name_over_date)) {
    furniture[0] = true;
    pt.furniture.insert(pt.furniture.begin(), {static_cast<size_t>(L.lines[0].src - 1), Furniture::Role::running_head,
                                               collapsed(raw[static_cast<size_t>(L.lines[0].src - 1)])});
  }
  // The runs between empty lines, furniture left out.
  std::vector<bool> scrap(n);
  std::vector<Run> runs;
  for (size_t i = 0; i < n; ++i) {
    if (furniture[i]) continue;
    scrap[i] = scraps(L.lines[i], raw[static_cast<size_t>(L.lines[i].src - 1)]);
    bool joins = !runs.empty() && runs.back().end == i && L.lines[i].blanks_before == 0;
    if (joins) ++runs.back().end;
    else runs.push_back(Run{i, i + 1});
    runs.back().real += !scrap[i];
  }
  // Each run of heading runs as a whole (a headline read apart is one): three runs, four lines at most.
  for (size_t h = 0; h < runs.size(); ++h) {
    size_t t = h, lines = 0;
    while (t < runs.size() && heading_run(L, runs[t], scrap)) lines += runs[t].real, ++t;
    if (t == h) continue;
    // Scraps alone are a headline only where a dispatch opens the text under them.
    bool named = lines >= 1 || (t < runs.size() && opens_dispatch(L.lines[runs[t].begin]));
    if (t - h <= 3 && named && lines <= 4 && starts_article(L, runs, h, t))
      pt.starts.push_back(static_cast<size_t>(L.lines[runs[h].begin].src - 1));
    h = t - 1;
  }
  pt.page = !pt.furniture.empty() || !pt.starts.empty();
  return pt;
}

}  // namespace paiban::reflow_stages
