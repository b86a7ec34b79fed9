// The scan flags of every command that reads input (scan/scan.h Options): --ocr-lang, --dpi,
// --psm, --max-pixels, --keep-ocr; reading an input whose size limit depends on what it is; and
// writing the kept OCR beside the outputs.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "core/limits.h"
#include "pipeline/convert.h"
#include "ocr/scan/scan.h"

namespace paiban::cli {

void add_scan_flags(CLI::App* cmd, scan::Options& options);

// The options with --max-pages as the most pages one scan file may have.
inline scan::Options with_limits(scan::Options options, const Limits& limits) {
  options.max_pages = limits.max_pages;
  return options;
}

// The whole input ("-" = stdin). A scan (by its first bytes) may be up to scan::kMaxScanBytes
// or --max-input-size, whichever is larger: a page image is big, and its pixels have their own
// limit (--max-pixels); any other input keeps --max-input-size.
std::string read_input(const std::string& path, const Limits& limits);

// Where --keep-ocr writes what the engine saw: beside `out` ("page.xml" → "page.hocr" or
// "page.alto.xml"), or beside the input when the output is stdout.
std::string kept_path(const std::string& out, const std::string& in, scan::Keep keep);

// Writes `load.kept` (when --keep-ocr asked and the engine saw anything) to kept_path; a PDF read
// from its text layer has no OCR to keep, which a note on stderr says.
void write_kept(const ScanLoad& load, const scan::Options& options, const std::string& out,
                    const std::string& in);

}  // namespace paiban::cli
