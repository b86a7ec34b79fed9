// make_up_pdf: article files in rank order → one made-up newspaper page as PDF bytes
// (makeup/ arranges the modules, pdf/ writes them).
#pragma once

#include <string>
#include <vector>

#include "core/limits.h"
#include "makeup/makeup.h"

namespace paiban {

// Loads every input (raw text or article XML, as `typeset` does), makes up one page in `style`
// and writes it. Throws Error naming the input that cannot be read or does not fit; nothing is
// written by this function, so a failure leaves no partial PDF.
struct NamedInput {
  std::string name;   // as the user named it (messages)
  std::string bytes;
};
std::string make_up_pdf(const std::vector<NamedInput>& inputs, const std::string& style,
                        const std::string& encoding, const Limits& limits, bool gray, MakeUpReport* report);

}  // namespace paiban
