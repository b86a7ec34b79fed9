// Each subcommand lives in its own cmd_*.cpp and registers itself here; main.cpp runs the one chosen.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace paiban::cli {

// The action runs after parsing; it returns the exit code or throws paiban::Error.
using Action = std::function<int()>;

void add_reflow_command(CLI::App& app, Action& action);
void add_text_command(CLI::App& app, Action& action);
void add_typeset_command(CLI::App& app, Action& action);
void add_convert_command(CLI::App& app, Action& action);
void add_batch_command(CLI::App& app, Action& action);

}  // namespace paiban::cli
