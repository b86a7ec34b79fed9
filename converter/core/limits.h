// Limits on what one input may demand, so a hostile or broken file fails with a clear Error
// instead of exhausting memory or time. Passed explicitly (no globals): the CLI fills one from
// its flags (cli/limit_flags.h), every stage that can blow up takes it by const reference.
// The defaults are far above any newspaper article (a long one is ~50 KB, a few pages) and
// keep the worst case bounded: reflow needs up to ~200 bytes per input byte (1 MB of
// one-character lines peaks at ~200 MB), so 8 MiB of input stays under ~2 GB.
#pragma once

#include <cstdint>
#include <string>

namespace paiban {

struct Limits {
  uint64_t max_input_bytes = 8ull << 20;   // --max-input-size: bytes of one input file
  uint64_t max_line_bytes = 2ull << 20;    // --max-line-length: bytes of one source line, as UTF-8
  uint64_t max_blocks = 100000;            // --max-blocks: blocks in one article (XML: elements)
  int max_depth = 16;                      // --max-depth: element nesting in article XML / styles
  int max_pages = 1000;                    // --max-pages: pages of one PDF
};

// "64 MiB", "1.5 KiB", "300 bytes" for messages.
std::string format_bytes(uint64_t n);

// A limit passed: what "WHAT (VALUE), more than the limit of LIMIT", and a hint naming the flag
// that raises it. `value`/`limit` are already formatted.
struct OverLimit {
  std::string what, hint;
};
OverLimit over_limit(const std::string& what, const std::string& value, const std::string& limit, const char* flag);
// What a reader reports where the input passes max_depth or max_blocks (core/xml_nesting.cpp
// puts file:line:column before it); the check_* below throw the same words.
OverLimit depth_over_limit(int depth, const Limits& limits);
OverLimit block_count_over_limit(uint64_t blocks, const Limits& limits);

// Throws an input Error "file: WHAT (VALUE), more than the limit of LIMIT" with over_limit's hint.
[[noreturn]] void throw_limit(const std::string& file, const std::string& what, const std::string& value,
                              const std::string& limit, const char* flag);

// Each check throws an input Error, its Where the file (and line) named, when the limit is passed.
// `file` is the input as the user named it, or the document's source for typeset's counts.
void check_input_size(uint64_t bytes, const std::string& file, const Limits& limits);
void check_line_length(uint64_t bytes, int line, const std::string& file, const Limits& limits);
void check_block_count(uint64_t blocks, const std::string& file, const Limits& limits);
void check_page_count(int pages, const std::string& file, const Limits& limits);

}  // namespace paiban
