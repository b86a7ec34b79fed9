// diagnose: describe the input lines around a reflow failure, so failures group by cause.
#pragma once

#include <string>
#include <vector>

namespace paiban::bench {

// The shape of the last non-empty line before source line `line` (1-based), judged against the
// column measure in display units: "full", "short: next cluster did not fit" (a line pushed
// short by the line-start rule or an unbreakable number), "short by ~2 (indent-sized)",
// "letter-spaced", "short", plus ", ends sentence" / ", ends digit"; "start" if there is none.
std::string line_before_shape(const std::vector<std::string>& lines, int line, int measure_units);

}  // namespace paiban::bench
