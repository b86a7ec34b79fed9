// sweep: a run killed outright (SIGKILL, power loss) can leave the hidden temporary files of
// core/output.h's atomic writes; the next run removes those of its own outputs before starting.
#pragma once

#include <string>
#include <vector>

#include "batch/plan.h"

namespace paiban::batch {

// Removes `.NAME.tmp-XXXXXX` files next to the plan's outputs and `own_files` (the report and
// manifest, relative to root) under `root`; returns how many. Only this run's names: other
// shards may be writing into the same DIR.
size_t sweep_temp_files(const std::string& root, const Plan& plan, const std::vector<std::string>& own_files);

}  // namespace paiban::batch
