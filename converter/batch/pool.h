// pool: a reader thread → a bounded queue → N workers → the calling thread, which collects
// results and shows progress. Memory is bounded by the pool (queue capacity + one input per
// worker, each at most --max-entry-size), never by the size of the archive; with a budget
// (--max-memory) the workers together start only the work that fits in it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

#include "batch/convert_one.h"

namespace paiban::batch {

struct Job {
  size_t task = 0;
  Loaded loaded;
};

struct PoolFunctions {
  // On the reader thread: calls push(job) for each input in order; push returns false once
  // the run is stopping, and produce should then return.
  std::function<void(const std::function<bool(Job&&)>& push)> produce;
  std::function<Done(Job&&, int worker)> work;  // on worker 0…jobs-1's thread; must not throw
  std::function<void(Done&&)> collect;    // on the calling thread, in completion order
  std::function<void()> tick;             // on the calling thread, at least every tick_every
  std::function<bool()> stopping;         // true: start no new work
  // With a budget: the memory a job needs (estimated); a worker starts a job only while the
  // jobs in hand and it fit in the budget together, or when no other job is in hand.
  std::function<std::uint64_t(const Job&)> cost;
  std::uint64_t budget = 0;               // 0 = no budget
};

// Returns when all produced jobs are done (or, when stopping, when the jobs in hand are).
// Rethrows an exception thrown by produce or collect after all threads are joined.
void run_pool(int jobs, size_t queue_capacity, std::chrono::milliseconds tick_every,
              const PoolFunctions& fn);

}  // namespace paiban::batch
