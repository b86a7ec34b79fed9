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

#include <memory>
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

// Where in the input an error is: as much of it as the reader knows.
struct Where {
  std::string file;     // as the user named it ("-" for stdin); "" unknown
  long line = 0;        // 1-based; 0 unknown
  long column = 0;      // 1-based; 0 unknown
  long long byte = -1;  // 0-based byte offset, where lines mean nothing (binary input); -1 unknown
  std::string element;  // the element or entry, as the user would search for it: "<TextLine ID=\"l3\">"
  // "file:line:column: <element>" with the unknown parts left out ("" when nothing is known).
  std::string str() const;
};

class Error : public std::runtime_error {
 public:
  // message: "where: what is wrong" (where = file, file:line or file:line:column).
  Error(ExitCode code, std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), code_(code), hint_(std::move(hint)) {}
  // what: the problem alone; the message becomes "where.str(): what".
  Error(ExitCode code, Where where, const std::string& what, std::string hint = {})
      : std::runtime_error(where.str().empty() ? what : where.str() + ": " + what),
        code_(code), hint_(std::move(hint)), where_(std::move(where)) {}
  ExitCode code() const { return code_; }
  const std::string& hint() const { return hint_; }
  const Where& where() const { return where_; }  // empty when the thrower knew it only as text

  // `inner` caused this error. It is kept whole (its where, message and hint) rather than pasted
  // into this message: the outer error says where in the user's input, the inner what failed.
  Error& because(Error inner) {
    cause_ = std::make_shared<const Error>(std::move(inner));
    return *this;
  }
  const Error* cause() const { return cause_.get(); }

 private:
  ExitCode code_;
  std::string hint_;
  Where where_;
  std::shared_ptr<const Error> cause_;  // shared: Errors are copied into reports and lists
};

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
