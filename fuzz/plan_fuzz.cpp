// Fuzz target: the page-plan reader (<plan> of <page>s of <article ref | inline>). Anything it
// accepts is a plan within its limits with sane modules; anything else an input Error naming the
// file, on one line.
#include "fuzz_check.h"
#include "xml/plan.h"

namespace paiban::fuzz {

void plan_one(std::string_view bytes) {
  try {
    Plan p = read_plan(bytes, "fuzz.xml");
    check(!p.pages.empty() && p.pages.size() <= static_cast<size_t>(kMaxPlanPages), "pages out of bounds");
    for (const PlanPage& pg : p.pages) {
      check(pg.ref.empty() != pg.articles.empty() && pg.articles.size() <= static_cast<size_t>(kMaxPlanArticles),
            "a page by ref with articles, or neither; or too many articles");
      for (const PlanArticle& a : pg.articles) {
        check(a.ref.empty() ? !a.doc.blocks.empty() : a.doc.blocks.empty(), "an article both by ref and inline, or neither");
        check((a.col0 > 0) == (a.row0 > 0), "a module with columns but no rows, or rows but no columns");
        check(a.col1 >= a.col0 && a.row1 >= a.row0, "a range that ends before it starts");
        check(a.rank >= -1 && a.rank <= 2, "a rank out of range");
        check(a.line > 0, "an article without its line");
      }
    }
  } catch (const Error& e) {
    check_error(e, "fuzz.xml");
  }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::plan_one)
