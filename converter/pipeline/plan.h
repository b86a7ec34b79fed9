// typeset_plan: a page plan (xml/plan.h) → one PDF of its pages made up (makeup/), with the
// stories that do not fit continued on the next page (jumps), bookmarks by article.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"

namespace paiban {

struct PlanReport {
  std::string debug_dump;          // each page's make-up dump, under "# page N"
  std::vector<std::string> notes;  // modules leaving holes, stories jumped
  int pages = 0;
};

// `name` is the plan's path as the user gave it: refs are relative to its folder. Throws an input
// Error naming the plan's line and the article for a bad plan, a missing or self-referencing ref,
// an article that cannot fit; nothing is written by this function (no partial PDF).
std::string typeset_plan(std::string_view bytes, const std::string& name, const std::string& style,
                         const std::string& encoding, const Limits& limits, bool gray, PlanReport* report);

}  // namespace paiban
