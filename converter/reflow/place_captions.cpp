// place_captions: a picture's caption belongs to the picture, not to the text's flow. In the
// scan's reading order it stands wherever the picture does — under a column, between two parts
// of one paragraph — so each article's captions go with its front matter (headline, subtitles,
// bylines), before the text, and a paragraph the caption stood in the middle of is one again.
#include <algorithm>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

bool front(Kind k) { return k == Kind::headline || k == Kind::subtitle || k == Kind::byline; }

}  // namespace

void place_captions(const PageLayout& L, PageArticle& a, std::vector<PageUnit>& units) {
  if (std::none_of(units.begin(), units.end(), [](const PageUnit& u) { return u.kind == Kind::caption; })) return;
  // The reading order laid out anew, unit by unit: front matter, captions, the rest.
  std::vector<size_t> order, column_of;
  std::vector<bool> boxed;
  std::vector<PageUnit> out;
  auto place = [&](const PageUnit& u, bool join) {  // join: the unit goes on the last one's block
    const size_t begin = order.size();
    for (size_t p = u.begin; p < u.end; ++p) {
      order.push_back(a.order[p]);
      column_of.push_back(a.column_of[p]);
      boxed.push_back(a.boxed[p]);
    }
    if (join) {
      out.back().end = order.size();
      return;
    }
    out.push_back(u);
    out.back().begin = begin;
    out.back().end = order.size();
  };
  size_t k = 0;
  for (; k < units.size() && front(units[k].kind); ++k) place(units[k], false);
  for (size_t j = k; j < units.size(); ++j)
    if (units[j].kind == Kind::caption) place(units[j], false);
  // A paragraph cut by a caption joins the one before it when that runs on mid-sentence past
  // the caption, in the same frame.
  bool after_caption = false;
  for (size_t j = k; j < units.size(); ++j) {
    const PageUnit& u = units[j];
    if (u.kind == Kind::caption) {
      after_caption = true;
      continue;
    }
    const PageUnit& last = out.back();
    place(u, after_caption && u.kind == Kind::paragraph && last.kind == Kind::paragraph && last.boxed == u.boxed &&
                 mid_sentence(L.lines[order.back()].line.end));
    after_caption = false;
  }
  a.order = std::move(order);
  a.column_of = std::move(column_of);
  a.boxed = std::move(boxed);
  units = std::move(out);
}

}  // namespace paiban::reflow_stages
