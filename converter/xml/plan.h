// A page plan (schema/plan.rng): the pages of an edition and on each the articles to make up —
// by reference to an article file or written inline — with their rank and, optionally, their
// module on the page grid. Read here; the referenced files are read by pipeline/plan.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/limits.h"

namespace paiban {

struct PlanArticle {
  std::string ref;         // ref="a.xml": the article's file, relative to the plan; "" when inline
  Document doc;            // the inline <article>
  int rank = -1;           // rank="lead" 0, "second" 1, "brief" 2; -1 not given (by position)
  int width = 0;           // columns="3": the module's width in columns, the search places it
  int col0 = 0, col1 = 0;  // columns="1-3": its columns (1-based, inclusive); 0 when not fixed
  int row0 = 0, row1 = 0;  // rows="1-30": its body lines (1-based, inclusive), with a column range
  std::string short_head;  // short="…": the headline's short form over a jumped story's rest
  long line = 0;           // the element's line in the plan, for messages
};

struct PlanPage {
  std::vector<PlanArticle> articles;
  std::string ref;  // ref="page.xml": a scanned page's articles (paiban reflow's <page>), in reading order
  long line = 0;
};

struct Plan {
  std::vector<PlanPage> pages;
  bool jumps = true;  // jumps="off": a story that does not fit is an error, not continued
};

constexpr int kMaxPlanPages = 200;     // an edition; a plan of more is refused
constexpr int kMaxPlanArticles = 12;   // on one page (makeup's limit)

// Whether `bytes` is XML whose root element is <plan>.
bool looks_like_plan(std::string_view bytes);
// Parses a plan; malformed input throws an input Error "name:line:column: <element>: what".
Plan read_plan(std::string_view bytes, const std::string& name, const Limits& limits = {});

}  // namespace paiban
