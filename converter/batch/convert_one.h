// convert_one: one input's bytes → up to date? → the per-article pipeline → outputs written
// atomically under DIR → its report line and manifest record. Runs on the pool's workers.
#pragma once

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
  const Manifest* manifest = nullptr;
  std::string key;  // manifest_key()
  bool force = false;
  SafeDirs* dirs = nullptr;
};

struct Done {
  size_t task = 0;
  Item item;
  std::optional<Record> record;  // set when outputs were written: append to the manifest
};

Done convert_one(const Task& task, size_t task_index, Loaded&& loaded, const WorkContext& ctx);

}  // namespace paiban::batch
