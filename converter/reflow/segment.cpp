// segment: raw source lines → text lines with their features, what empty lines mean here,
// and columns: runs of lines set at one measure (the body, a box at a wider measure).
#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>

#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

// Lines that end mid-sentence (a pause or a plain character) cannot end a paragraph: whether
// they are followed by an empty line tells what empty lines mean. A short line of running text
// (marks inside) does not count: it is a paragraph's last line whose stop the engine misread
// ("…兴国之魂。”" read "…兴国硬、睡国二哎“", fresh40 p005).
Blanks blank_policy(const std::vector<Line>& lines) {
  std::vector<int> widths;
  for (const auto& l : lines) widths.push_back(l.width);
  std::sort(widths.begin(), widths.end(), std::greater<int>());
  const int full = widths.empty() ? 0 : widths[widths.size() / 4];  // the widest quarter's narrowest
  int mid = 0, mid_blank = 0, blank = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    bool has = lines[i].blanks_before > 0;
    blank += has;
    End e = lines[i - 1].end;
    const Line& l = lines[i - 1];
    if ((e == End::pause || e == End::word) && (l.marks == 0 || l.width * 4 >= full * 3)) {
      ++mid;
      mid_blank += has;
    }
  }
  if (blank == 0) return Blanks::none;
  if (mid > 0 && mid_blank * 2 >= mid) return Blanks::spacing;
  return Blanks::breaks;
}

// Leading whitespace means an indent only when some lines have it and most do not.
bool indent_policy(std::vector<Line>& lines) {
  if (lines.empty()) return false;
  int lo = std::numeric_limits<int>::max();
  for (const auto& l : lines) lo = std::min(lo, l.indent);
  size_t indented = 0;
  for (auto& l : lines) {
    l.indent -= lo;  // a margin every line shares is no indent
    indented += l.indent >= 2;
  }
  return indented > 0 && indented * 10 < lines.size() * 7;
}

// The measure of a column: the widest width that full lines share. Justified full lines fill
// it exactly; first lines (indent lost) sit below it and hanging marks a little above, both
// fewer: the widest width with at least two lines and a quarter of the commonest width's.
int common_measure(std::vector<int> w) {
  if (w.empty()) return 0;
  std::sort(w.begin(), w.end(), std::greater<int>());
  w.resize((w.size() + 1) / 2);  // the longer half: short last lines say nothing
  std::vector<std::pair<int, int>> counts;  // (width, lines), widest first
  for (int x : w) {
    if (counts.empty() || counts.back().first != x) counts.push_back({x, 0});
    ++counts.back().second;
  }
  int most = 0;
  for (const auto& c : counts) most = std::max(most, c.second);
  for (const auto& c : counts)
    if (c.second >= 2 && c.second * 4 >= most) return c.first;
  return w[0];
}

// The headline, subtitle and byline at the top may be set across columns: they say nothing
// about the measure.
// A headline printed on two or three lines: OCR page text sets it apart with empty lines.
size_t headline_lines(const std::vector<Line>& lines, Blanks blanks) {
  if (blanks != Blanks::breaks) return 1;
  size_t n = 1;
  while (n < lines.size() && lines[n].blanks_before == 0) ++n;
  if (n > 3 || n >= lines.size()) return 1;
  for (size_t i = 0; i < n; ++i)
    if (!heading_like(lines[i]) || opens_subtitle(lines[i]) || opens_byline(lines[i])) return 1;
  return n;
}

size_t top_lines(const std::vector<Line>& lines, size_t headline) {
  if (lines.empty()) return 0;
  size_t k = headline;  // the headline (or the first line of text)
  while (k < lines.size() && k < headline + 3 && (opens_subtitle(lines[k]) || opens_byline(lines[k]))) ++k;
  return k;
}

// Columns: runs of lines at one measure. Two measures at most are told apart (the body's and
// a box's, wider or narrower), by Viterbi: a line wider than a measure cannot belong to it, a
// line that fills a measure belongs to it, and switching measure costs less after a clause end.
std::vector<Column> find_columns(const std::vector<Line>& lines, size_t top) {
  const size_t n = lines.size();
  std::vector<Column> cols;
  if (n == 0) return cols;
  std::vector<int> ws;
  for (size_t i = top; i < n; ++i) ws.push_back(lines[i].width);
  // Any line wider than the rest below the top was set at a wider measure (a box), even alone.
  int wider = *std::max_element(ws.begin(), ws.end());
  // The other measure: what the lines clearly narrower than `wider` reach, when enough of them
  // reach it (full lines of a column cluster; last lines of paragraphs scatter).
  // A line of text that stops mid-sentence with room to spare was broken by a narrower measure:
  // one is evidence enough.
  std::vector<int> below;
  int underfull = 0, underfull_width = 0;
  for (size_t i = top; i < n; ++i) {
    const Line& l = lines[i];
    if (l.width >= wider - kOver - 2) continue;
    below.push_back(l.width);
    int room = l.width + (i + 1 < n ? lines[i + 1].head : 2);
    if (l.marks > 0 && (l.end == End::pause || l.end == End::word) && room < wider - kOver - 2) {
      ++underfull;
      underfull_width = std::max(underfull_width, l.width);
    }
  }
  int narrower = common_measure(below);
  // Full lines of text cluster at a measure; short heading lines without sentence marks do not count.
  int near = 0, near_text = 0;
  for (size_t i = top; i < n; ++i) {
    const Line& l = lines[i];
    if (l.width >= wider - kOver - 2 || l.width < narrower - 3) continue;
    ++near;
    // Text, not a heading: sentence marks inside, or a sentence going on past a full line.
    bool mid = l.end == End::word || l.end == End::pause;
    near_text += l.marks > 0 || (mid && i + 1 < n && l.width + lines[i + 1].head > narrower);
  }
  bool cluster = near_text >= 2 && near * 10 >= static_cast<int>(below.size()) * 3;
  // Too few lines to cluster: the widest line that stopped mid-sentence reached that measure.
  if (!cluster && underfull > 0) narrower = underfull_width;
  // Measures closer than the noise margin (an eighth of the measure when wide) cannot be told apart.
  if (below.empty() || narrower > wider - std::max(kOver + 2, wider / 8) || (!cluster && underfull == 0)) {
    cols.push_back(Column{0, n});
    return cols;
  }
  const std::array<int, 2> measure = {narrower, wider};
  auto emit = [&](size_t i, int k) -> double {
    if (i < std::max<size_t>(top, 1)) return 0.0;  // the headline may span columns
    const Line& l = lines[i];
    int w = l.width;
    if (w > measure[k] + kOver) return 4.0;  // wider than the measure
    int room = w + (i + 1 < n ? lines[i + 1].head : 2);
    if (l.marks > 0 && (l.end == End::pause || l.end == End::word) && room < measure[k] - kOver - 2 &&
        i > 0 && !ends_clause(lines[i - 1].end))
      return 3.0;  // stopped mid-sentence with room to spare: broken by a narrower measure
    if (w >= measure[k] - kOver) return 0.0;
    // A short line without sentence marks (a heading) says less about the measure than text does.
    if (l.pauses == 0 && (l.end == End::word || l.end == End::closing)) return 0.75;
    return 1.5;
  };
  std::vector<std::array<double, 2>> cost(n);
  std::vector<std::array<unsigned char, 2>> from(n);
  cost[0] = {emit(0, 0), emit(0, 1)};
  from[0] = {0, 1};
  for (size_t i = 1; i < n; ++i) {
    // A box holds whole paragraphs: changing measure inside a sentence is all but impossible.
    double sw = ends_clause(lines[i - 1].end) ? 2.0 : 6.0;
    for (int k = 0; k < 2; ++k) {
      double stay = cost[i - 1][k], move = cost[i - 1][1 - k] + sw;
      from[i][k] = static_cast<unsigned char>(stay <= move ? k : 1 - k);
      cost[i][k] = std::min(stay, move) + emit(i, k);
    }
  }
  std::vector<unsigned char> state(n);
  state[n - 1] = cost[n - 1][0] <= cost[n - 1][1] ? 0 : 1;
  for (size_t i = n - 1; i > 0; --i) state[i - 1] = from[i][state[i]];
  // The body is the measure the article's text starts in (after the headline and top lines).
  size_t first_text = std::max<size_t>(top, 1);
  while (first_text + 1 < n && lines[first_text].pauses == 0) ++first_text;
  const unsigned char body = state[std::min(first_text, n - 1)];
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && state[j] == state[i]) ++j;
    Column c{i, j};
    c.main = state[i] == body;
    cols.push_back(c);
    i = j;
  }
  return cols;
}

// Per column: the measure, how tightly full lines fill it, and the paragraph habits (a lost
// first-line indent, ；/： ending list paragraphs) learned from the breaks that are certain.
void calibrate(const std::vector<Line>& lines, size_t top, Column& c) {
  std::vector<int> w;
  for (size_t i = std::max(c.begin, top); i < c.end; ++i) w.push_back(lines[i].width);
  if (w.empty())
    for (size_t i = c.begin; i < c.end; ++i) w.push_back(lines[i].width);
  c.measure = common_measure(w);
  const int m = c.measure;
  auto cap = [&](size_t i) { return reflow_stages::cap(lines, c, i); };
  // Lines ending mid-sentence were broken by the measure: the room they leave unfilled (the next
  // line's head did not fit) shows how tight the setting is. Lines after a clause end or a
  // heading may be first lines, set shorter: left out.
  std::vector<int> slack;
  for (size_t i = c.begin; i + 1 < c.end; ++i) {
    const Line& l = lines[i];
    if ((l.end != End::pause && l.end != End::word) || l.width * 10 < m * 6) continue;
    // Sure continuation lines: body text (a pause inside) after a line that ended mid-sentence.
    if (i == c.begin || l.pauses == 0) continue;
    const Line& p = lines[i - 1];
    if (ends_clause(p.end) || (p.pauses == 0 && p.end != End::pause)) continue;
    slack.push_back(cap(i) - m - 1);
  }
  // Too few sure lines: assume a tight setting (a justified column) rather than guess.
  if (slack.size() >= 3) {
    std::sort(slack.begin(), slack.end());
    c.tight = std::clamp(-slack[slack.size() / 20], 0, 8);
  }
  // Certain breaks: a clause end the next line's head would have fitted after.
  std::vector<int> firsts;
  int semi = 0, semi_end = 0, colon = 0, colon_end = 0;
  for (size_t i = c.begin; i < c.end; ++i) {
    const Line& l = lines[i];
    // Short even for a first line: the paragraph surely ended here.
    bool voluntary = cap(i) <= m - 4 - c.tight;
    if (l.end == End::semicolon) ++semi, semi_end += voluntary;
    if (l.end == End::colon) ++colon, colon_end += voluntary;
    if (!voluntary || !ends_clause(l.end) || i + 2 >= c.end) continue;
    const Line& n = lines[i + 1];
    if (n.pauses == 0 && n.end != End::pause) continue;  // perhaps a heading
    if (cap(i + 1) > m - 4 - c.tight) firsts.push_back(n.width);
  }
  c.semicolon_ends = semi_end > 0 && semi_end * 3 >= semi;
  c.colon_ends = colon_end > 0 && colon_end * 3 >= colon;
  c.first_width = median(firsts);
  // Without evidence, assume the common case: the indent was lost and first lines are short.
  c.indent_cue = firsts.size() < 2 || c.first_width <= m - 3;
}

// Page text (the OCR's text of a whole page): each run of lines between empty lines is one of
// the engine's blocks, set in one column; a headline in large type comes as one or more short
// runs of heading lines. The headline: the leading runs of at most three heading lines each,
// four lines in all, before the text.
size_t page_headline_lines(const std::vector<Line>& lines) {
  size_t i = 0, runs = 0;
  while (i < lines.size() && runs < 3) {
    size_t j = i + 1;
    while (j < lines.size() && lines[j].blanks_before == 0) ++j;
    bool heading = j - i <= 3 && j <= 4;
    for (size_t k = i; k < j && heading; ++k)
      heading = heading_like(lines[k]) && !opens_subtitle(lines[k]) && !opens_byline(lines[k]);
    if (!heading) break;
    i = j, ++runs;
  }
  return i > 0 && i < lines.size() ? i : 1;
}

// A run's measure: its widest line that ends mid-sentence (a paragraph's last line stops short,
// and a run of two may end one paragraph and start the next); 0 when no line tells.
int run_measure(const std::vector<Line>& lines, size_t b, size_t e) {
  int m = 0;
  for (size_t i = b; i + 1 < e; ++i)
    if (mid_sentence(lines[i].end)) m = std::max(m, lines[i].width - lines[i].hang);
  return m;
}

// Page text's columns: consecutive runs whose measures agree. Articles side by side have
// columns of other measures, so a run at another measure is another column, never a box
// (column text's rule): the text of a page says nothing of frames.
std::vector<Column> page_columns(const std::vector<Line>& lines) {
  std::vector<Column> cols;
  int cm = 0;
  for (size_t b = 0; b < lines.size();) {
    size_t e = b + 1;
    while (e < lines.size() && lines[e].blanks_before == 0) ++e;
    const int m = run_measure(lines, b, e);
    const bool agree = m == 0 || cm == 0 || std::abs(m - cm) <= std::max(kOver, std::max(m, cm) / 8);
    if (cols.empty() || !agree) {
      cols.push_back(Column{b, e});
      cm = m;
    } else {
      cols.back().end = e;
      if (cm == 0) cm = m;
    }
    b = e;
  }
  return cols;
}

}  // namespace

Layout segment(const std::vector<std::string>& raw, ReflowReport& report, bool page) {
  Layout layout;
  layout.lines.reserve(raw.size() / 2 + 1);
  int blanks = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    Line l = clean_line(raw[i], static_cast<int>(i) + 1, report);
    if (l.text.empty()) {
      ++blanks;
      continue;
    }
    l.blanks_before = layout.lines.empty() ? 0 : blanks;
    blanks = 0;
    layout.lines.push_back(std::move(l));
  }
  layout.page = page;
  layout.blanks = page ? Blanks::breaks : blank_policy(layout.lines);
  layout.indents = indent_policy(layout.lines);
  layout.headline = page ? page_headline_lines(layout.lines) : headline_lines(layout.lines, layout.blanks);
  layout.top = top_lines(layout.lines, layout.headline);
  if (layout.top >= layout.lines.size()) layout.top = 0;
  layout.columns = page ? page_columns(layout.lines) : find_columns(layout.lines, layout.top);
  for (auto& c : layout.columns) calibrate(layout.lines, layout.top, c);
  return layout;
}

}  // namespace paiban::reflow_stages
