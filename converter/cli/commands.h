// Each subcommand lives in its own cmd_*.cpp and registers itself here; main.cpp runs the one chosen.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

#include "core/error.h"

namespace paiban::cli {

// The action runs after parsing; it returns the exit code or throws paiban::Error (or
// SomeInputsFailed); main prints what it throws.
using Action = std::function<int()>;

// Some of several inputs failed (`paiban convert a b c`), the others were converted: main prints
// each Error as it prints one, then "N of M inputs failed", and exits partial, or input when none
// was converted.
struct SomeInputsFailed {
  std::vector<Error> errors;
  size_t inputs = 0;
};

void add_reflow_command(CLI::App& app, Action& action);
void add_text_command(CLI::App& app, Action& action);
void add_typeset_command(CLI::App& app, Action& action);
void add_convert_command(CLI::App& app, Action& action);
void add_batch_command(CLI::App& app, Action& action);

}  // namespace paiban::cli
