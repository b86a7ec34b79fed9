// shard: `--shard K/N` takes a deterministic 1/N of the entries, so that N runs (on N machines,
// a job array, an indexed job) together cover the source exactly once.
#pragma once

#include <string>
#include <string_view>

#include "batch/batch.h"

namespace paiban::batch {

// "K/N" with 1 ≤ K ≤ N. Throws usage Error.
Shard parse_shard(const std::string& text);

// Whether the entry with this path (its normalised path, or its stored name) belongs to the
// shard. By hash of the path, not by position: adding or removing files never moves the other
// files to another shard, so each shard's DIR stays up to date across runs.
bool in_shard(std::string_view path, const Shard& shard);

// "" without sharding, "-2-of-8" with --shard 2/8: the suffix of the report and manifest names.
std::string shard_suffix(const Shard& shard);

}  // namespace paiban::batch
