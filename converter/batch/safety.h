// safety: what an entry may be before anything is read from it or written for it
// (docs/batch.md "Safety"). Nothing outside DIR is ever written; hostile entries are refused.
#pragma once

#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "batch/batch.h"

namespace paiban::batch {

struct PathCheck {
  std::string rel;     // normalised: '/'-separated, no "", "." or ".." parts; "" = the root itself
  std::string reason;  // non-empty: refused, and why
};

// An entry's stored name → a relative path under DIR, or the reason it is refused: absolute
// paths, drive letters, ".." parts and control characters. Backslashes count as separators
// (archives made on Windows use them).
PathCheck check_entry_path(std::string_view name);

// Why an entry that is not a regular file or a folder is refused ("a symbolic link to …").
std::string describe_special(char kind, std::string_view target = {});

// "16M", "512K", "2G", "1000" (bytes; K/M/G are powers of 1024) → bytes. Throws usage Error.
std::uint64_t parse_size(const std::string& text, const std::string& flag);

// Watches one entry being decompressed: too large, or expanding too much per compressed byte.
class EntryGuard {
 public:
  EntryGuard(const SourceLimits& limits, std::uint64_t raw_at_start) : limits_(limits), raw0_(raw_at_start) {}
  // After each chunk: total bytes so far and the compressed source position. "" = fine,
  // otherwise why reading stops; `bomb` says whether it is a refusal (ratio) or a failure (size).
  std::string check(std::uint64_t bytes, std::uint64_t raw_now, bool& bomb) const;

 private:
  const SourceLimits& limits_;
  std::uint64_t raw0_;
};

// The whole archive: declared sizes so far against the archive's size on disk.
std::string check_archive_ratio(const SourceLimits& limits, std::uint64_t declared_total,
                                std::uint64_t archive_bytes);

// Creates folders under DIR and checks that, with links resolved, each lies inside DIR: the
// last guard that nothing escapes it (even if someone put a symbolic link into DIR).
// Thread-safe; each folder is checked once.
class SafeDirs {
 public:
  explicit SafeDirs(const std::string& root);  // root must exist
  const std::string& root() const { return root_; }
  // `rel_dir` relative to root ("" = root). Throws Error when it cannot be made or escapes.
  void make_dir(const std::string& rel_dir);

 private:
  std::string root_;  // canonical
  std::mutex mutex_;
  std::set<std::string> made_;
};

}  // namespace paiban::batch
