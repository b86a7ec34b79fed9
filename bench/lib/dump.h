// dump: write a benchmark article to disk for a person to inspect (input, truth, reflow result).
#pragma once

#include <string>

#include "core/document.h"
#include "degrade.h"

namespace paiban::bench {

// The article XML of DESIGN.md §2 (kept here so the benchmark does not depend on the writer it
// may one day measure).
std::string article_xml(const Document& doc);

// One line "key=value ..." describing how an article was degraded.
std::string describe(const Degraded& d);

// DIR/NAME.txt (the column text), DIR/NAME.truth.xml and, when given, DIR/NAME.reflow.xml.
void write_dump(const std::string& dir, const std::string& name, const Degraded& d, const Document* pred);

// Checks the degrader's own promise: every truth leaf's src lines hold exactly its non-space
// text (the byline marker aside), in order, and the empty-line policy holds. "" when sound.
std::string verify_degraded(const Degraded& d);

}  // namespace paiban::bench
