// convert_one: one input's bytes → up to date? → the per-article pipeline → outputs written
// atomically under DIR → its report line and manifest record. Runs on the pool's workers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "batch/batch.h"
#include "batch/entry.h"
#include "batch/manifest.h"
#include "batch/plan.h"
#include "batch/safety.h"
#include "batch/sources.h"
#include "pipeline/convert.h"

namespace paiban::batch {

// Shared read-only by all workers (SafeDirs locks itself).
struct WorkContext {
  const Converter* converter = nullptr;
  ConvertOptions convert;
  Manifest* manifest = nullptr;  // read; workers append kRunning/kMemory records (thread-safe)
  std::string key;  // manifest_key()
  bool force = false;
  SafeDirs* dirs = nullptr;
  std::uint64_t max_memory = 0;       // --max-memory: an input estimated above it is failed; 0 = none
  std::uint64_t journal_from = 64ull << 20;  // inputs estimated to need this much get a kRunning record
};

// The memory one input is estimated to need in a worker (pipeline/memory.h).
std::uint64_t work_bytes(std::uint64_t input_bytes, const WorkContext& ctx);

struct Done {
  size_t task = 0;
  Item item;
  std::optional<Record> record;  // set when outputs were written: append to the manifest
};

// `session` reads scans: one per worker, so each worker keeps one Tesseract for all its pages.
Done convert_one(const Task& task, size_t task_index, Loaded&& loaded, const WorkContext& ctx,
                 scan::Session* session = nullptr);

}  // namespace paiban::batch
