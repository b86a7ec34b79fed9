// The limit flags every subcommand that reads an article shares (core/limits.h): --max-input-size,
// --max-line-length, --max-blocks, --max-depth, --max-pages. Sizes take K/M/G suffixes (1024-based).
#pragma once

#include <CLI/CLI.hpp>

#include "core/limits.h"

namespace paiban::cli {

// `input_size`: false where the command has its own size limit (batch's --max-entry-size).
void add_limit_flags(CLI::App* cmd, Limits& limits, bool input_size = true);

}  // namespace paiban::cli
