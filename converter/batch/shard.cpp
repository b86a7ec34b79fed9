#include "batch/shard.h"

#include <cctype>

#include "batch/hash.h"
#include "core/error.h"

namespace paiban::batch {

namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty() || s.size() > 6) return false;
  out = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  size_t slash = text.find('/');
  Shard s;
  if (slash == std::string::npos || !parse_int(std::string_view(text).substr(0, slash), s.k) ||
      !parse_int(std::string_view(text).substr(slash + 1), s.n) || s.n < 1 || s.k < 1 || s.k > s.n)
    throw usage_error("--shard: '" + text + "' is not K/N with 1 <= K <= N",
                      "e.g. --shard 3/8 takes the third of eight shards");
  return s;
}

bool in_shard(std::string_view path, const Shard& shard) {
  if (shard.n <= 1) return true;
  return static_cast<int>(mix64(hash64(path)) % static_cast<std::uint64_t>(shard.n)) + 1 == shard.k;
}

std::string shard_suffix(const Shard& shard) {
  if (!shard.active()) return {};
  return "-" + std::to_string(shard.k) + "-of-" + std::to_string(shard.n);
}

}  // namespace paiban::batch
