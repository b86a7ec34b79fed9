// limits: the one wording of every "input too large" error, so users see the flag to raise.
#include "core/limits.h"

#include <cstdio>

#include "core/error.h"

namespace paiban {

std::string format_bytes(uint64_t n) {
  const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
  if (n < 1024) return std::to_string(n) + (n == 1 ? " byte" : " bytes");
  double v = static_cast<double>(n);
  int u = -1;
  while (v >= 1024 && u < 3) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, v == static_cast<double>(static_cast<uint64_t>(v)) ? "%.0f %s" : "%.1f %s", v,
                units[u]);
  return buf;
}

void throw_limit(const std::string& where, const std::string& what, const std::string& value,
                 const std::string& limit, const char* flag) {
  throw input_error(where + ": " + what + " (" + value + "), more than the limit of " + limit,
                    std::string("if the input is genuine, raise the limit with ") + flag);
}

void check_input_size(uint64_t bytes, const std::string& name, const Limits& l) {
  if (bytes > l.max_input_bytes)
    throw_limit(name, "input too large", format_bytes(bytes), format_bytes(l.max_input_bytes),
                "--max-input-size=SIZE (e.g. 100M)");
}

void check_line_length(uint64_t bytes, int line, const std::string& name, const Limits& l) {
  if (bytes > l.max_line_bytes)
    throw_limit(name + ":" + std::to_string(line), "line too long", format_bytes(bytes),
                format_bytes(l.max_line_bytes), "--max-line-length=SIZE (e.g. 8M)");
}

void check_block_count(uint64_t blocks, const std::string& where, const Limits& l) {
  if (blocks > l.max_blocks)
    throw_limit(where, "too many blocks", std::to_string(blocks), std::to_string(l.max_blocks),
                "--max-blocks=N");
}

void check_depth(int depth, const std::string& where, const Limits& l) {
  if (depth > l.max_depth)
    throw_limit(where, "nested too deeply", std::to_string(depth) + " levels", std::to_string(l.max_depth),
                "--max-depth=N");
}

void check_page_count(int pages, const std::string& where, const Limits& l) {
  if (pages > l.max_pages)
    throw_limit(where, "too many pages", std::to_string(pages), std::to_string(l.max_pages),
                "--max-pages=N");
}

}  // namespace paiban
