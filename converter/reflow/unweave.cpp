// unweave: the plain text of a page whose rows the engine read across two or more columns
// (Tesseract's txt where gutters are narrow, and always with psm 4/6) set back column by column.
// Such text keeps the gutter as a column rule read as "|" or as a run of spaces. A block (lines
// between empty lines, one of the engine's blocks) is unwoven when its first line shows two to
// nine pieces and most lines show as many: the last lines may show fewer (the right columns
// ended first), and up to a quarter of the others, where the engine wrote a gutter as one space
// (such a line is split at the space nearest the column's width) or a column is empty on that
// row (its pieces then go to the leftmost columns). On full lines, most pieces of the columns but
// the last must be about as wide as their column's others (a column's measure). psm 4 writes
// empty lines between the rows of a woven band; a block whose first line shows as many pieces
// goes on the band across one. Otherwise the block stays as it was read.
#include <algorithm>
#include <cstdlib>

#include "core/clreq.h"
#include "core/unicode.h"
#include "reflow/chars.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

bool blank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// A column rule read as a bar (丨 is a Han character: never taken for a rule).
bool bar(char32_t c) { return c == U'|' || c == U'｜' || c == U'│' || c == U'¦'; }

// The pieces of a line between its gutters: runs of bars and spaces holding a bar, or two
// spaces and more (the engine writes a wide gap as a run of spaces, a word gap as one).
std::vector<std::u32string> pieces(const std::u32string& line) {
  std::vector<std::u32string> out(1);
  for (size_t i = 0; i < line.size();) {
    size_t j = i;
    bool any_bar = false;
    while (j < line.size() && (line[j] == U' ' || line[j] == U'\t' || bar(line[j]))) any_bar |= bar(line[j++]);
    if (j == i) {
      out.back() += line[i++];
      continue;
    }
    if (any_bar || j - i >= 2) out.emplace_back();
    else out.back().append(j - i, U' ');
    i = j;
  }
  std::vector<std::u32string> kept;
  for (auto& p : out) {
    while (!p.empty() && p.back() == U' ') p.pop_back();
    size_t b = 0;
    while (b < p.size() && p[b] == U' ') ++b;
    if (b < p.size()) kept.push_back(p.substr(b));
  }
  return kept;
}

int width(const std::u32string& s) {
  int w = 0;
  for (char32_t c : s) w += chars::width(c);
  return w;
}

// How many pieces a raw line shows: a look at its bytes first, so column text (no bar, no two
// spaces) pays for no decoding.
size_t piece_count(const std::string& l) {
  bool may = false;
  for (size_t i = 0; i < l.size() && !may; ++i)
    may = l[i] == '|' || ((l[i] == ' ' || l[i] == '\t') && i + 1 < l.size() && (l[i + 1] == ' ' || l[i + 1] == '\t')) ||
          l.compare(i, 3, "｜") == 0 || l.compare(i, 3, "│") == 0 || l.compare(i, 2, "¦") == 0;
  return may ? pieces(to_u32(l)).size() : 1;
}

// Each column's pieces, top to bottom, with their source line indices.
using Columns = std::vector<std::vector<std::pair<std::u32string, int>>>;

// How many pieces over half the lines of a block [b, e) show (1 where no count has a
// majority): the engine may read a gutter as one mark on a line ("…基本公 ;光伏…", fresh38
// p002), so no one line decides.
size_t usual_pieces(const std::vector<std::string>& lines, size_t b, size_t e) {
  size_t count[11] = {};
  for (size_t i = b; i < e; ++i) ++count[std::min<size_t>(piece_count(lines[i]), 10)];
  for (size_t k = 2; k <= 10; ++k)
    if (count[k] * 2 > e - b) return k;
  return 1;
}

// The lines `at` of a block, most showing k pieces: their pieces by column when it is woven
// (`cut`: the lines cut), else nothing.
Columns columns(const std::vector<std::string>& lines, const std::vector<size_t>& at, size_t k, int& cut) {
  if (at.size() < 3) return {};
  // A newspaper page has at most eight or nine columns; more pieces are no columns (and would
  // make the splitting below quadratic on hostile input).
  if (k < 2 || k > 9) return {};
  std::vector<std::vector<std::u32string>> ps;
  for (size_t i : at) ps.push_back(pieces(to_u32(lines[i])));
  size_t t = ps.size();
  while (t > 0 && ps[t - 1].size() < k) --t;
  if (t < 2) return {};
  size_t fewer = 0;
  for (size_t i = 0; i < t; ++i) {
    if (ps[i].size() > k) return {};
    fewer += ps[i].size() < k;
  }
  if (fewer * 4 > t) return {};
  // A column's lines fill its measure: on full lines, more than half the pieces of the columns
  // but the last (which may end ragged) are within a quarter of their column's median width
  // (Tesseract also writes two spaces after some commas inside one column's line, and runs of
  // spaces inside one wide column's rows where it read gaps: fresh86 p004, "由视网消以     亲
  // 月 1 目，…", pieces 10 and 43 wide, then 2 and 40).
  {
    size_t alike = 0, all = 0;
    for (size_t c = 0; c + 1 < k; ++c) {
      std::vector<int> w;
      for (size_t i = 0; i < t; ++i)
        if (ps[i].size() == k) w.push_back(width(ps[i][c]));
      const int m = median(w);
      alike += static_cast<size_t>(std::count_if(w.begin(), w.end(), [&](int x) { return std::abs(x - m) * 4 <= m; }));
      all += w.size();
    }
    if (alike * 2 <= all) return {};
  }
  // A line with fewer pieces read two columns' text with one space between: split where the
  // column's width ends (the median of its pieces on full lines).
  std::vector<int> measure(k);
  for (size_t c = 0; c < k; ++c) {
    std::vector<int> w;
    for (size_t i = 0; i < t; ++i)
      if (ps[i].size() == k) w.push_back(width(ps[i][c]));
    measure[c] = median(std::move(w));
  }
  for (size_t i = 0; i < t; ++i) {
    auto& p = ps[i];
    for (size_t c = 0; c < p.size() && p.size() < k; ++c) {
      const int w = width(p[c]);
      if (w * 10 <= measure[c] * 14) continue;
      size_t best = std::u32string::npos;
      int x = 0, best_d = measure[c];
      for (size_t q = 0; q < p[c].size(); ++q) {
        if (p[c][q] == U' ' && x * 2 >= measure[c] && std::abs(x - measure[c]) < best_d) best = q, best_d = std::abs(x - measure[c]);
        x += chars::width(p[c][q]);
      }
      if (best == std::u32string::npos) continue;
      std::u32string right = p[c].substr(best + 1);
      p[c].resize(best);
      p.insert(p.begin() + static_cast<long>(c) + 1, right);
    }
  }
  cut = 0;
  for (const auto& p : ps) cut += p.size() > 1;
  // Running text on both sides: most pieces hold Han characters (a table's cells of figures do not).
  int texts = 0, all = 0;
  for (const auto& p : ps)
    for (const auto& s : p) texts += chars::han_count(s) >= 2, ++all;
  if (texts * 2 < all) return {};
  Columns cols(k);
  for (size_t i = 0; i < ps.size(); ++i) {
    auto& p = ps[i];
    // Marks that may not start a line (clreq §3.1.7) end the piece on their left: the engine
    // read a comma or a full stop standing at the gutter into the next column's piece.
    for (size_t c = 1; c < p.size(); ++c) {
      size_t n = 0;
      while (n < p[c].size() && (clreq::not_at_line_start(p[c][n]) || p[c][n] == U' ')) ++n;
      for (size_t m = 0; m < n; ++m)
        if (p[c][m] != U' ') p[c - 1] += p[c][m];
      p[c].erase(0, n);
    }
    for (size_t c = 0; c < p.size(); ++c)
      if (!p[c].empty()) cols[c].emplace_back(p[c], static_cast<int>(at[i]));
  }
  return cols;
}

}  // namespace

std::vector<std::string> unweave(const std::vector<std::string>& lines, std::vector<int>& origin, ReflowReport& report) {
  std::vector<std::string> out;
  origin.clear();
  bool woven = false;
  for (size_t i = 0; i < lines.size();) {
    if (blank(lines[i])) {
      out.push_back(lines[i]);
      origin.push_back(static_cast<int>(i));
      ++i;
      continue;
    }
    size_t e = i;
    std::vector<size_t> at;
    while (e < lines.size() && !blank(lines[e])) at.push_back(e++);
    // psm 4 writes an empty line between rows of one woven band: a block whose first line shows
    // as many pieces as this one's goes on the band across one empty line. So does one whose
    // first line shows none (its gutter read as one mark: "…基本公 ;光伏…", fresh38 p002) where
    // most of its lines show them, as most of this block's do (not a running head's two pieces
    // over a headline).
    const size_t k = piece_count(lines[i]);
    const bool woven_most = k >= 2 && usual_pieces(lines, i, e) == k;
    while (k >= 2 && k <= 9 && e + 1 < lines.size() && blank(lines[e]) && !blank(lines[e + 1])) {
      size_t f = e + 1;
      while (f < lines.size() && !blank(lines[f])) ++f;
      const size_t n = piece_count(lines[e + 1]);
      if (n != k && !(n < 2 && woven_most && usual_pieces(lines, e + 1, f) == k)) break;
      for (++e; e < f; ++e) at.push_back(e);
    }
    int cut = 0;
    const Columns cols = k >= 2 ? columns(lines, at, k, cut) : Columns{};
    if (cols.empty()) {
      for (size_t x = i; x < e; ++x) out.push_back(lines[x]), origin.push_back(static_cast<int>(x));
    } else {
      woven = true;
      report.repairs["text-gutter-cut"] += cut;
      for (const auto& col : cols)
        for (const auto& [text, src] : col) out.push_back(to_utf8(text)), origin.push_back(src);
    }
    i = e;
  }
  if (!woven) origin.clear();
  return out;
}

}  // namespace paiban::reflow_stages
