// Errors carry a message and a hint, are printed once in main, and map to exit codes.
//
// Naming: a function whose failure is an Error it throws (bad input, a missing file, a font
// that will not load) has a plain verb name: read_xml, load_style, write_file_atomic. Its
// Error reaches main, or a batch's per-input catch, untouched. try_* is kept for a function
// that hands its failure back as a value instead of throwing (none in the converter today:
// xml_chars::check_raw's Problem, over_limit's OverLimit and the scan module's error
// out-parameters describe a problem rather than attempt an action); check_* throws only when a
// limit is passed.
#pragma once

#include <string>

#include "paiban/error.h"  // ExitCode, Where, Error: public, the library throws them

namespace paiban {

// what() of `e`, then of each cause, joined by `sep`.
std::string what_with_causes(const Error& e, const std::string& sep);
// The hint to show for `e`: its own, else its nearest cause's that has one.
const std::string& hint_with_causes(const Error& e);

inline Error input_error(std::string message, std::string hint = {}) {
  return Error(ExitCode::input, std::move(message), std::move(hint));
}
inline Error input_error(Where where, const std::string& what, std::string hint = {}) {
  return Error(ExitCode::input, std::move(where), what, std::move(hint));
}
inline Error usage_error(std::string message, std::string hint = {}) {
  return Error(ExitCode::usage, std::move(message), std::move(hint));
}

}  // namespace paiban
