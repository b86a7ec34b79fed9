// Errors carry a message and a hint, are printed once in main, and map to exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace paiban {

// Documented in README.md ("Exit codes"); tests check each.
enum class ExitCode : int {
  ok = 0,
  input = 1,     // bad input: missing/unreadable file, undecodable text, malformed XML, bad style
  usage = 2,     // bad command line (CLI11 parse errors, unknown encoding or format names)
  partial = 3,   // batch: some inputs failed, the rest converted
  internal = 4,  // a bug or an environment problem (out of memory, cannot write output)
};

class Error : public std::runtime_error {
 public:
  // message: "where: what is wrong" (where = file, file:line or file:line:column).
  Error(ExitCode code, std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), code_(code), hint_(std::move(hint)) {}
  ExitCode code() const { return code_; }
  const std::string& hint() const { return hint_; }

 private:
  ExitCode code_;
  std::string hint_;
};

inline Error input_error(std::string message, std::string hint = {}) {
  return Error(ExitCode::input, std::move(message), std::move(hint));
}
inline Error usage_error(std::string message, std::string hint = {}) {
  return Error(ExitCode::usage, std::move(message), std::move(hint));
}

}  // namespace paiban
