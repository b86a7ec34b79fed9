// Option parsing shared by the subcommands: format lists and clean-text options.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "pipeline/convert.h"

namespace paiban::cli {

// "xml,txt,pdf,nitf,html" → which outputs; unknown names are usage errors.
ConvertOptions formats_from(const std::string& list);
// formats_from(list) with the input flags every command takes: --encoding, the limits, the scan
// options (bounded by the limits).
ConvertOptions convert_options(const std::string& list, const std::string& encoding, const Limits& limits,
                               const scan::Options& scan);
TextOptions text_options_from(int width, const std::string& spacing);

// --lang: the language tag to write instead of the one reflow reads from the text's Han forms.
void add_lang_flag(CLI::App* cmd, std::string& lang);

// Throws when writing `out` would overwrite the input file `in` (same file, however named).
void check_not_input(const std::string& out, const std::string& in);

}  // namespace paiban::cli
