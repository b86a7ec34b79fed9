// place_captions: a picture's caption belongs to the picture, not to the text's flow. In the
// scan's reading order it stands wherever the picture does — under a column, between two parts
// of one paragraph — so each article's captions go with its front matter (headline, subtitles,
// bylines), before the text, and a paragraph the caption stood in the middle of is one again.
#include <algorithm>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

bool front(Kind k) { return k == Kind::headline || k == Kind::subtitle || k == Kind::byline; }

// The paragraph before a caption runs on past it: its last line ends mid-sentence.
bool runs_on(const PageLayout& L, const PageArticle& a, const PageUnit& u) {
  const Line& l = L.lines[a.order[u.end - 1]].line;
  return !ends_clause(l.end) && l.end != End::closing;
}

}  // namespace

void place_captions(const PageLayout& L, PageArticle& a, std::vector<PageUnit>& units) {
  if (std::none_of(units.begin(), units.end(), [](const PageUnit& u) { return u.kind == Kind::caption; })) return;
  // The units in their new order: front matter, captions, the rest; a paragraph cut by a
  // caption (the text before it runs on, the same frame on both sides) joins the next.
  std::vector<PageUnit> placed;
  size_t k = 0;
  for (; k < units.size() && front(units[k].kind); ++k) placed.push_back(units[k]);
  for (size_t j = k; j < units.size(); ++j)
    if (units[j].kind == Kind::caption) placed.push_back(units[j]);
  std::vector<std::vector<PageUnit>> rest;  // a run of units read as one block
  bool after_caption = false;
  for (size_t j = k; j < units.size(); ++j) {
    const PageUnit& u = units[j];
    if (u.kind == Kind::caption) {
      after_caption = true;
      continue;
    }
    const bool joins = after_caption && !rest.empty() && u.kind == Kind::paragraph &&
                       rest.back().back().kind == Kind::paragraph && rest.back().back().boxed == u.boxed &&
                       runs_on(L, a, rest.back().back());
    if (joins) rest.back().push_back(u);
    else rest.push_back({u});
    after_caption = false;
  }
  // Lay the reading order out anew to match: each unit's lines in turn.
  std::vector<size_t> order, column_of;
  std::vector<bool> boxed;
  std::vector<PageUnit> out;
  auto take = [&](const PageUnit& u) {
    for (size_t p = u.begin; p < u.end; ++p) {
      order.push_back(a.order[p]);
      column_of.push_back(a.column_of[p]);
      boxed.push_back(a.boxed[p]);
    }
  };
  for (const PageUnit& u : placed) {
    PageUnit v = u;
    v.begin = order.size();
    take(u);
    v.end = order.size();
    out.push_back(v);
  }
  for (const auto& run : rest) {
    PageUnit v = run.front();
    v.begin = order.size();
    for (const PageUnit& u : run) take(u);
    v.end = order.size();
    out.push_back(v);
  }
  a.order = std::move(order);
  a.column_of = std::move(column_of);
  a.boxed = std::move(boxed);
  units = std::move(out);
}

}  // namespace paiban::reflow_stages
