// paiban's errors, public (the library throws them): what is wrong, where in the input, and a hint
// saying what to do. Every function of include/paiban/paiban.h throws Error and nothing else on
// bad input.
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

}  // namespace paiban
