#include "cli/limit_flags.h"

namespace paiban::cli {

void add_limit_flags(CLI::App* cmd, Limits& l, bool input_size) {
  const char* group = "Limits (refuse hostile or broken input early; raise for genuine large articles)";
  if (input_size)
    cmd->add_option("--max-input-size", l.max_input_bytes, "Largest input file (default 8M)")
        ->transform(CLI::AsSizeValue(false))
        ->group(group);
  cmd->add_option("--max-line-length", l.max_line_bytes, "Longest source line, in UTF-8 bytes (default 2M)")
      ->transform(CLI::AsSizeValue(false))
      ->group(group);
  cmd->add_option("--max-blocks", l.max_blocks, "Most blocks in one article (default 100000)")
      ->check(CLI::PositiveNumber)
      ->group(group);
  cmd->add_option("--max-depth", l.max_depth, "Deepest element nesting in article XML (default 16; an article needs 5)")
      ->check(CLI::Range(5, 1000))
      ->group(group);
  cmd->add_option("--max-pages", l.max_pages, "Most pages in one PDF (default 1000)")
      ->check(CLI::PositiveNumber)
      ->group(group);
}

}  // namespace paiban::cli
