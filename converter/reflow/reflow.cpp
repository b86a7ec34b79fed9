// reflow: decoded column lines → Document. The stages, in order: segment → split → classify →
// assemble → label (lines cleaned and joined by normalise.cpp); one verb per file (stages.h).
#include "reflow/reflow.h"

#include <algorithm>

#include "reflow/stages.h"

namespace paiban {

namespace {

using namespace reflow_stages;

Document one_article(const std::vector<std::string>& lines, const std::string& source, ReflowReport& report,
                     bool page) {
  Layout layout = segment(lines, report, page);        // clean lines, empty-line policy, columns
  std::vector<Unit> units = split(layout, report);     // where blocks start
  classify(layout, units);                             // what each block is
  return assemble(layout, units, source, report);      // join lines, repair, build the tree
}

void shift_src(Block& b, int by) {
  if (b.src.known()) b.src.first += by, b.src.last += by;
  for (auto& c : b.children) shift_src(c, by);
}

// The text of a page holding several articles: each article reflowed on its own lines (its
// measure, empty-line policy and front matter its own), src kept as the page's line numbers.
Document page_of_articles(const std::vector<std::string>& lines, const std::vector<size_t>& starts,
                          const std::string& source, ReflowReport& report, bool page_text) {
  Document doc;
  doc.source = source;
  Page page;
  page.number = 1;
  for (size_t k = 0; k <= starts.size(); ++k) {
    size_t b = k == 0 ? 0 : starts[k - 1], e = k < starts.size() ? starts[k] : lines.size();
    std::vector<std::string> part(lines.begin() + static_cast<long>(b), lines.begin() + static_cast<long>(e));
    Document a = one_article(part, source, report, page_text);
    for (auto& blk : a.blocks) shift_src(blk, static_cast<int>(b));
    if (!a.blocks.empty()) page.articles.push_back(std::move(a));
  }
  doc.pages.push_back(std::move(page));
  return doc;
}

// The text of a whole page (split_page_text): its furniture lines read as empty lines in the
// articles (kept in the page's furniture), its articles starting at `starts`.
Document page_text(std::vector<std::string> lines, const PageText& pt, const std::vector<size_t>& starts,
                   const std::string& source, ReflowReport& report, bool page_text) {
  std::vector<Furniture> furniture;
  for (const auto& f : pt.furniture) {
    int src = static_cast<int>(f.line) + 1;
    furniture.push_back(Furniture{f.role, f.text, LineRange{src, src}, {}, {}});
    lines[f.line].clear();
  }
  Document doc = page_of_articles(lines, starts, source, report, page_text);
  doc.pages.front().furniture = std::move(furniture);
  return doc;
}

// Text whose empty lines are line spacing (column text's habit too) is a page only on more than a
// paper's date above it (an article's dateline reads alike): a folio or a later article.
bool whole_page(const PageText& pt) {
  if (!pt.starts.empty()) return true;
  for (const auto& f : pt.furniture)
    if (f.role == Furniture::Role::folio) return true;
  return false;
}

// src of lines unwoven (unweave): a block's range over the source lines its lines came from.
void remap_src(LineRange& src, const std::vector<int>& origin) {
  if (!src.known()) return;
  int lo = 0, hi = 0;
  for (int p = src.first; p <= src.last; ++p) {
    if (p < 1 || static_cast<size_t>(p) > origin.size()) continue;
    const int o = origin[static_cast<size_t>(p - 1)] + 1;
    lo = lo == 0 ? o : std::min(lo, o), hi = std::max(hi, o);
  }
  if (lo > 0) src.first = lo, src.last = hi;
}

void remap_src(Block& b, const std::vector<int>& origin) {
  remap_src(b.src, origin);
  for (auto& c : b.children) remap_src(c, origin);
}

void remap_src(Document& d, const std::vector<int>& origin) {
  for (auto& b : d.blocks) remap_src(b, origin);
  for (auto& pg : d.pages) {
    for (auto& f : pg.furniture) remap_src(f.src, origin);
    for (auto& a : pg.articles) remap_src(a, origin);
  }
}

// "line 12", "lines 3-9" in a note about lines unwoven: the source's numbers.
std::string remap_note(const std::string& note, const std::vector<int>& origin) {
  std::string out;
  size_t i = 0;
  auto number = [&](size_t& k) {
    size_t e = k;
    while (e < note.size() && e - k < 9 && note[e] >= '0' && note[e] <= '9') ++e;
    if (e == k) return;
    const size_t n = std::stoul(note.substr(k, e - k));
    out += n >= 1 && n <= origin.size() ? std::to_string(origin[n - 1] + 1) : note.substr(k, e - k);
    k = e;
  };
  while (i < note.size()) {
    const bool one = note.compare(i, 5, "line ") == 0, many = note.compare(i, 6, "lines ") == 0;
    if (!one && !many) {
      out += note[i++];
      continue;
    }
    const size_t word = one ? 5 : 6;
    out += note.substr(i, word);
    i += word;
    number(i);
    if (many && i < note.size() && note[i] == '-') out += note[i++], number(i);
  }
  return out;
}

// Whether one of the first lines may be a running head (its weekday or its folio): a look at
// the bytes before the page's furniture is searched.
bool may_be_headed(const std::vector<std::string>& lines) {
  for (size_t i = 0; i < lines.size() && i < 3; ++i)
    if (lines[i].find("星期") != std::string::npos || lines[i].find("版") != std::string::npos) return true;
  return false;
}

// A running head over the first lines that is no article's dateline: the paper's name before
// its date, or the page's number after it.
bool headed(const PageText& pt, const std::vector<std::string>& lines) {
  for (const auto& f : pt.furniture) {
    if (f.role != Furniture::Role::running_head || f.line >= 3) continue;
    const std::string& l = lines[f.line];
    const size_t first = l.find_first_not_of(" \t");
    if (first != std::string::npos && !(l[first] >= '0' && l[first] <= '9')) return true;
    if (l.find("版") != std::string::npos) return true;
  }
  return false;
}

ReflowResult reflow_lines(const std::vector<std::string>& lines, const std::string& source);

}  // namespace

// Page text read across its columns is unwoven first (unweave.cpp); src stays the input's lines.
ReflowResult reflow(const std::vector<std::string>& lines, const std::string& source) {
  std::vector<int> origin;
  ReflowReport unwoven;
  std::vector<std::string> columns = unweave(lines, origin, unwoven);
  if (origin.empty()) return reflow_lines(lines, source);
  ReflowResult r = reflow_lines(columns, source);
  remap_src(r.doc, origin);
  for (auto& n : r.report.notes) n = remap_note(n, origin);
  for (auto& w : r.report.warnings) w = remap_note(w, origin);
  for (const auto& [kind, n] : unwoven.repairs) r.report.repairs[kind] += n;
  return r;
}

namespace {

ReflowResult reflow_lines(const std::vector<std::string>& lines, const std::string& source) {
  ReflowResult r;
  Layout layout = segment(lines, r.report);              // clean lines, empty-line policy, columns
  if (layout.blanks != Blanks::none) {
    PageText pt = split_page_text(lines);                // a whole page: furniture, article starts
    if (pt.page && (layout.blanks == Blanks::breaks || whole_page(pt))) {
      ReflowReport report;
      r.doc = page_text(lines, pt, pt.starts, source, report, true);
      label_language(r.doc);
      r.report = std::move(report);
      return r;
    }
  }
  std::vector<Unit> units = split(layout, r.report);     // where blocks start
  classify(layout, units);                               // what each block is
  std::vector<size_t> starts = split_articles(layout, units);  // a page's later articles
  // A page read without empty lines (psm 6) is told by its later articles, or by a running head
  // over its first lines: its furniture then goes to the page.
  PageText pt;
  if (!starts.empty() || may_be_headed(lines)) pt = split_page_text(lines);
  if (starts.empty() && !headed(pt, lines)) {
    r.doc = assemble(layout, units, source, r.report);   // join lines, repair, build the tree
    label_language(r.doc);                                // zh-Hans or zh-Hant
    return r;
  }
  std::vector<size_t> raw;  // source line indices where the later articles start
  for (size_t i : starts) raw.push_back(static_cast<size_t>(layout.lines[i].src - 1));
  ReflowReport report;
  r.doc = page_text(lines, pt, raw, source, report, false);
  label_language(r.doc);
  r.report = std::move(report);
  return r;
}

}  // namespace

}  // namespace paiban
