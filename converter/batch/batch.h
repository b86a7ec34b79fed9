// batch: a folder or an archive of articles → the per-article pipeline on a worker pool →
// outputs mirrored under DIR + report. Stages: list (sources) → check (safety) → plan (names,
// shard) → read → convert (pool) → record (manifest, report). Documented in docs/batch.md.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/limits.h"

namespace paiban::batch {

struct Formats {
  bool xml = true, txt = true, pdf = true;
  std::string label() const;  // "xml,txt,pdf"
};

// `--shard K/N`: this run takes the inputs whose path hashes to K (1-based) out of N.
struct Shard {
  int k = 1, n = 1;
  bool active() const { return n > 1; }
};

// Limits against decompression bombs and oversized inputs (docs/batch.md "Safety").
struct Limits {
  std::uint64_t max_entry_size = 16ull << 20;  // bytes of one input once decompressed
  double max_ratio = 100;                       // decompressed bytes per compressed byte
  std::uint64_t ratio_floor = 1ull << 20;       // an entry's ratio is judged past this many bytes
  // A whole archive's ratio is judged past 16 × max_entry_size (256 MiB by default): small
  // archives of near-identical articles, which xz packs 800:1, are no threat.
  std::uint64_t archive_floor() const { return 16 * max_entry_size; }
};

enum class ProgressMode { automatic, live, plain, quiet };

struct Options {
  std::string src;  // folder or archive
  std::string out;  // DIR
  Formats formats;
  std::string style = "broadsheet";
  int jobs = 0;  // 0 = the number of cores this process may use
  Shard shard;
  bool force = false;
  ProgressMode progress = ProgressMode::automatic;
  Limits limits;
  // Per-article limits (line length, blocks, XML depth, pages); the input size is max_entry_size.
  paiban::Limits article_limits;
  // Set (to the signal number) by the caller's SIGINT/SIGTERM handler: stop feeding work,
  // finish the files in hand, write the report, return 128 + signal.
  const std::atomic<int>* stop = nullptr;
};

// Runs the whole batch. Returns the exit code: 0 all converted (or up to date), 3 some inputs
// failed or were refused, 128+N when stopped by signal N. Throws Error when SRC or DIR is
// unusable (nothing was converted).
int run(const Options& opts);

// The default for --jobs: CPUs this process may run on (sched affinity, at least 1).
int default_jobs();

}  // namespace paiban::batch
