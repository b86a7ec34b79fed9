// split_articles: the plain text of a whole page (Tesseract's txt, psm 3/4/6) may hold several
// articles. A later article starts at a headline: a block of at most three lines without
// sentence marks, after a block that ended a sentence, set apart by an empty line (the OCR's
// own block evidence), and either printed wider than the page's text columns (a headline spans
// its article's columns) or followed by a subtitle or byline. A heading inside an article is
// none of these: it sits within a column and a paragraph follows it.
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

bool headline_unit(const Layout& L, const Unit& u, int measure) {
  if (u.end - u.begin > 3) return false;
  bool wide = false;
  for (size_t i = u.begin; i < u.end; ++i) {
    const Line& l = L.lines[i];
    if (!heading_like(l) || opens_subtitle(l) || opens_byline(l)) return false;
    wide = wide || l.width - l.hang > measure + 2;  // no body line reaches past its measure
  }
  return wide;
}

int body_measure(const Layout& L) {
  int m = 0;
  for (const auto& c : L.columns)
    if (c.main && (m == 0 || c.measure < m)) m = c.measure;
  return m;
}

}  // namespace

std::vector<size_t> split_articles(const Layout& L, const std::vector<Unit>& units) {
  std::vector<size_t> starts;
  const int measure = body_measure(L);
  if (measure <= 0 || L.blanks != Blanks::breaks) return starts;
  for (size_t k = 1; k + 1 < units.size(); ++k) {
    const Unit& u = units[k];
    const Line& first = L.lines[u.begin];
    const Line& before = L.lines[units[k - 1].end - 1];
    if (first.blanks_before == 0 || !(ends_clause(before.end) || before.end == End::closing)) continue;
    if (u.end - u.begin > 3) continue;
    const Line& next = L.lines[units[k + 1].begin];
    bool front = opens_subtitle(next) || opens_byline(next);
    bool heading = true;
    for (size_t i = u.begin; i < u.end; ++i) heading = heading && heading_like(L.lines[i]);
    if (heading && (front || headline_unit(L, u, measure))) starts.push_back(u.begin);
  }
  return starts;
}

}  // namespace paiban::reflow_stages
