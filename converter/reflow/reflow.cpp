// reflow: decoded column lines → Document. The stages, in order: segment → split → classify →
// assemble (lines cleaned and joined by normalise.cpp); one verb per file (stages.h).
#include "reflow/reflow.h"

#include "reflow/stages.h"

namespace paiban {

ReflowResult reflow(const std::vector<std::string>& lines, const std::string& source) {
  using namespace reflow_stages;
  ReflowResult r;
  Layout layout = segment(lines, r.report);              // clean lines, empty-line policy, columns
  std::vector<Unit> units = split(layout, r.report);     // where blocks start
  classify(layout, units);                               // what each block is
  r.doc = assemble(layout, units, source, r.report);     // join lines, repair, build the tree
  return r;
}

}  // namespace paiban
