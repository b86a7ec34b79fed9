// split: where blocks start. Within a column a line ends its block when it ended of its own
// accord (the next line's head would have fitted), or when a clause end meets a line shaped
// like a paragraph's first line (the lost two-character indent), or an empty line marks it.
#include "core/clreq.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

// A paragraph's first line lost its indent: it was broken by a measure about two characters
// shorter than the column's, so it would have taken its next head in a full line.
bool first_line_shaped(const Layout& L, const Column& c, size_t j) {
  int room = cap(L.lines, c, j);
  return room <= c.measure - c.tight && room > c.measure - 4 - c.tight - 1;
}

// `first`: line i starts its block, so with a lost indent it was set two characters shorter.
bool breaks_after(const Layout& L, const Column& c, size_t i, bool first) {
  const Line& a = L.lines[i];
  const Line& b = L.lines[i + 1];
  const int m = c.measure;
  if (i + 1 < L.headline) return false;  // one headline however many lines it was printed on
  // Page text: no block starts with a mark that may not start a line (clreq §3.1.7: 。，、）」…);
  // the engine read it on the next row, or past a gutter, and the sentence goes on through it.
  if (L.page && !b.text.empty() && clreq::not_at_line_start(b.text.front())) return false;
  // An empty line marks a break, except where OCR left one at a column's foot in mid-sentence:
  // a full line (or a first line, its indent lost) ending in a pause or a plain character goes on,
  // unless a shorter heading line follows. A line a little wider than the measure (the engine
  // reads some marks and digits wide) goes on too, unless it reads like a heading line.
  const int aw = a.width - a.hang, bw = b.width - b.hang;
  const bool mid = a.end == End::pause || a.end == End::word;
  bool column_foot = mid && aw >= m - 5 && (aw <= m + 2 || !heading_like(a)) && !(heading_like(b) && bw < m - 5);
  // Page text: the engine also leaves empty lines inside paragraphs, and reads one row as two
  // lines ("习近平指出，" ⏎⏎ "当今世界…"). No paragraph ends in ，、: a full line, or a row's two
  // pieces, goes on into running text (not into a heading or a dispatch, which open blocks).
  if (L.page && a.end == End::pause && !heading_like(a) && !heading_like(b) && !opens_dispatch(b) &&
      (aw >= m - 5 || aw + bw <= m + 4))
    column_foot = true;
  // A paragraph's first line, shorter by its lost indent, at a foot: the next line is full, which
  // the first line under a heading is not. (A first line without marks may be a heading: its
  // next line's width is too loose a cue, the engine reading digits and brackets half-width.)
  if (L.blanks == Blanks::breaks && b.blanks_before > 0 && first && c.indent_cue && mid && aw >= m - 9 &&
      !heading_like(a) && !heading_like(b) && bw >= m - 3 && bw <= m + 2)
    return false;
  if (L.blanks == Blanks::breaks && b.blanks_before > 0 && !column_foot) return true;
  // Page text read across a gutter: such a line's width and ending say nothing of its column's
  // paragraphs; the engine's empty lines are the only evidence left.
  if (L.page && (a.gutter || b.gutter)) return b.blanks_before > 0;
  // Page text: the engine keeps a paragraph's lines in one run, so inside a run a line that stops
  // mid-sentence goes on, unless it is a short heading line (the engine ran a heading into the text).
  if (L.page && b.blanks_before == 0 && mid_sentence(a.end) &&
      !(heading_like(a) && cap(L.lines, c, i) <= m - 4 - c.tight))
    return false;
  if (L.indents && b.indent > 0) return true;
  if (i + 1 <= L.top + 1 && (opens_subtitle(b) || opens_byline(b))) return true;
  if (a.width > m + kOver || b.width > m + kOver) return true;  // set across columns
  const int indent = first && c.indent_cue ? 4 : 0;
  bool voluntary = cap(L.lines, c, i) <= m - indent - c.tight;
  if (i <= L.top && (opens_byline(a) || opens_subtitle(a))) return true;  // one line each
  // The first line without sentence marks is the headline, unless the next line is a full one
  // (then the first is a paragraph's first line): a text after a headline starts with a short one.
  if (i == 0 && heading_like(a) &&
      (a.width - a.hang > m - 4 || cap(L.lines, c, i + 1) <= m - c.tight || heading_like(b)))
    return true;
  // A block's first line without sentence marks, wider than a first line with its indent lost:
  // a heading line (or the headline), not the start of a paragraph.
  if (first && c.indent_cue && heading_like(a) && a.width - a.hang > m - 4) return true;
  if (voluntary) {
    // A short line ends its block after a clause end, or when it is a heading line; a short line
    // inside a sentence is only loosely set (no paragraph ends in ，、).
    return ends_clause(a.end) || heading_like(a);
  }
  // Empty lines mark the breaks, except in page text, whose engine runs paragraphs together.
  if (L.blanks == Blanks::breaks && !L.page) return false;
  // A heading line wider than a paragraph's first line can be, then a paragraph's first line.
  if (heading_like(a) && a.width - a.hang > m - 4 && first_line_shaped(L, c, i + 1) &&
      b.end != End::stop && !heading_like(b))
    return true;
  // A list whose items end in ；: every ；-ended line closes an item.
  if (a.end == End::semicolon && c.semicolon_ends) return true;
  bool clause_end = a.end == End::stop || (a.end == End::colon && c.colon_ends);
  if (!clause_end) return false;
  // A full line ending a sentence: the next line's shape decides.
  if (!c.indent_cue) return true;
  if (first_line_shaped(L, c, i + 1)) return true;
  bool next_short = cap(L.lines, c, i + 1) <= m - 4 - c.tight - 1;
  return next_short && heading_like(b);
}

// A join a person may want to check: a full line ends a sentence and the next line is only a
// little too wide for a paragraph's first line.
void note_close_call(const Layout& L, const Column& c, size_t i, ReflowReport& report) {
  const Line& a = L.lines[i];
  if (a.end != End::stop || !c.indent_cue || L.blanks == Blanks::breaks) return;
  int room = cap(L.lines, c, i + 1), limit = c.measure - c.tight;
  if (room <= limit || room > limit + 2) return;
  report.notes.push_back("line " + std::to_string(L.lines[i + 1].src) + ": may start a paragraph (line " +
                         std::to_string(a.src) + " ends a sentence at full width); read as going on");
}

}  // namespace

std::vector<Unit> split(const Layout& L, ReflowReport& report) {
  std::vector<Unit> units;
  for (size_t ci = 0; ci < L.columns.size(); ++ci) {
    const Column& c = L.columns[ci];
    size_t start = c.begin;
    for (size_t i = c.begin; i + 1 < c.end; ++i) {
      if (!breaks_after(L, c, i, i == start)) {
        note_close_call(L, c, i, report);
        continue;
      }
      units.push_back(Unit{Kind::paragraph, start, i + 1, ci, !c.main});
      start = i + 1;
    }
    if (start < c.end) units.push_back(Unit{Kind::paragraph, start, c.end, ci, !c.main});
    if (!c.main) {
      report.notes.push_back("lines " + std::to_string(L.lines[c.begin].src) + "-" +
                                std::to_string(L.lines[c.end - 1].src) + ": set at another measure (" +
                                std::to_string(c.measure / 2) + " characters), read as a box");
    }
  }
  return units;
}

}  // namespace paiban::reflow_stages
