// batch: a folder or an archive of articles → the per-article pipeline on a worker pool →
// outputs mirrored under DIR + report; the stages, in order, are run.cpp's. Documented in
// docs/batch.md.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/limits.h"
#include "ocr/scan/scan.h"

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

// What reading a source (folder or archive) may cost, against decompression bombs and oversized
// entries (docs/batch.md "Safety"); paiban::Limits (core/limits.h) bounds each article's content.
struct SourceLimits {
  std::uint64_t max_entry_size = 16ull << 20;  // bytes of one input once decompressed
  double max_ratio = 100;                       // decompressed bytes per compressed byte
  std::uint64_t ratio_floor = 1ull << 20;       // an entry's ratio is judged past this many bytes
  // A whole archive's ratio is judged past 16 × max_entry_size (256 MiB by default): small
  // archives of near-identical articles, which xz packs 800:1, are no threat.
  std::uint64_t archive_floor() const { return 16 * max_entry_size; }
  // Listing a compressed tar decompresses through every entry, read or not: at most this many
  // bytes (1 GiB by default, or --max-ratio × the archive's size when that is more).
  std::uint64_t skip_budget(std::uint64_t archive_bytes) const {
    double by_ratio = max_ratio * static_cast<double>(archive_bytes);
    return std::max<std::uint64_t>(64 * max_entry_size, by_ratio > 1e18 ? ~0ull : static_cast<std::uint64_t>(by_ratio));
  }
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
  bool wait = false;  // --wait: another run holds DIR's lock → wait for it instead of stopping
  ProgressMode progress = ProgressMode::automatic;
  SourceLimits limits;
  // `--name-encoding`: the encoding of an archive's names that are not UTF-8; "" = detect
  // from all of them together (docs/batch.md "Names").
  std::string name_encoding;
  // `--max-memory`: the workers together start only inputs whose estimated memory fits in it
  // (pipeline/memory.h); one estimated above it is failed. 0 = no budget.
  std::uint64_t max_memory = 0;
  scan::Options scan;    // how scans are read: --ocr-lang, --dpi, --psm, --max-pixels, --keep-ocr
  std::string lang;      // `--lang`: the articles' language tag; "" = detect per article
  std::string encoding;  // `--encoding`: the articles' text encoding; "" = detect per file
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
