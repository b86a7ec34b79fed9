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

OverLimit over_limit(const std::string& what, const std::string& value, const std::string& limit, const char* flag) {
  return {what + " (" + value + "), more than the limit of " + limit,
          std::string("if the input is genuine, raise the limit with ") + flag};
}

OverLimit depth_over_limit(int depth, const Limits& l) {
  return over_limit("nested too deeply", std::to_string(depth) + " levels", std::to_string(l.max_depth),
                    "--max-depth=N");
}

OverLimit block_count_over_limit(uint64_t blocks, const Limits& l) {
  return over_limit("too many blocks", std::to_string(blocks), std::to_string(l.max_blocks), "--max-blocks=N");
}

namespace {

[[noreturn]] void throw_over(Where where, OverLimit o) { throw input_error(std::move(where), o.what, std::move(o.hint)); }

}  // namespace

void throw_limit(const std::string& file, const std::string& what, const std::string& value,
                 const std::string& limit, const char* flag) {
  throw_over(Where{file, 0, 0, -1, {}}, over_limit(what, value, limit, flag));
}

void check_input_size(uint64_t bytes, const std::string& file, const Limits& l) {
  if (bytes > l.max_input_bytes)
    throw_limit(file, "input too large", format_bytes(bytes), format_bytes(l.max_input_bytes),
                "--max-input-size=SIZE (e.g. 100M)");
}

void check_line_length(uint64_t bytes, int line, const std::string& file, const Limits& l) {
  if (bytes > l.max_line_bytes)
    throw_over(Where{file, line, 0, -1, {}}, over_limit("line too long", format_bytes(bytes),
                                                        format_bytes(l.max_line_bytes), "--max-line-length=SIZE (e.g. 8M)"));
}

void check_block_count(uint64_t blocks, const std::string& file, const Limits& l) {
  if (blocks > l.max_blocks) throw_over(Where{file, 0, 0, -1, {}}, block_count_over_limit(blocks, l));
}

void check_page_count(int pages, const std::string& file, const Limits& l) {
  if (pages > l.max_pages)
    throw_limit(file, "too many pages", std::to_string(pages), std::to_string(l.max_pages), "--max-pages=N");
}

}  // namespace paiban
