#include "batch/pool.h"

#include <condition_variable>
#include <algorithm>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace paiban::batch {

namespace {

// A queue with an optional capacity: push blocks while full, pop blocks while empty; close()
// wakes everyone, after which push fails and pop drains what is left.
template <class T>
class Channel {
 public:
  explicit Channel(size_t capacity) : capacity_(capacity) {}

  bool push(T&& v) {
    std::unique_lock<std::mutex> lock(m_);
    not_full_.wait(lock, [&] { return closed_ || capacity_ == 0 || q_.size() < capacity_; });
    if (closed_) return false;
    q_.push_back(std::move(v));
    not_empty_.notify_one();
    return true;
  }

  // false when closed and empty; `timeout` false waits forever.
  enum class Pop { item, timeout, closed };
  Pop pop(T& out, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(m_);
    auto ready = [&] { return closed_ || !q_.empty(); };
    if (timeout.count() > 0) {
      if (!not_empty_.wait_for(lock, timeout, ready)) return Pop::timeout;
    } else {
      not_empty_.wait(lock, ready);
    }
    if (q_.empty()) return Pop::closed;
    out = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return Pop::item;
  }

  void close() {
    std::lock_guard<std::mutex> lock(m_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

  // Drops what is queued (stopping: inputs not yet started stay pending).
  void clear() {
    std::lock_guard<std::mutex> lock(m_);
    q_.clear();
    not_full_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex m_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> q_;
  bool closed_ = false;
};

// Admits jobs by their estimated memory: acquire waits while the jobs in hand and this one
// would pass the budget (a job alone is always admitted: convert_one fails one that is too big).
class MemoryBudget {
 public:
  explicit MemoryBudget(std::uint64_t budget) : budget_(budget) {}
  // False when `stopping` turned true while waiting.
  bool acquire(std::uint64_t need, const std::function<bool()>& stopping) {
    if (budget_ == 0) return true;
    std::unique_lock<std::mutex> lock(m_);
    while (in_use_ > 0 && in_use_ + need > budget_) {
      if (stopping()) return false;
      freed_.wait_for(lock, std::chrono::milliseconds(100));
    }
    in_use_ += need;
    return true;
  }
  void release(std::uint64_t need) {
    if (budget_ == 0) return;
    std::lock_guard<std::mutex> lock(m_);
    in_use_ -= need;
    freed_.notify_all();
  }

 private:
  std::uint64_t budget_, in_use_ = 0;
  std::mutex m_;
  std::condition_variable freed_;
};

}  // namespace

void run_pool(int jobs, size_t queue_capacity, std::chrono::milliseconds tick_every,
              const PoolFunctions& fn) {
  Channel<Job> work(queue_capacity);
  Channel<Done> results(0);  // results are small (no file contents): unbounded
  std::exception_ptr reader_error;

  std::thread reader([&] {
    try {
      fn.produce([&](Job&& j) { return !fn.stopping() && work.push(std::move(j)); });
    } catch (...) {
      reader_error = std::current_exception();
    }
    work.close();
  });

  MemoryBudget budget(fn.cost ? fn.budget : 0);
  std::mutex live_m;
  int live = jobs;
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      Job j;
      while (work.pop(j, std::chrono::milliseconds(0)) == Channel<Job>::Pop::item) {
        const std::uint64_t need = fn.cost && fn.budget ? std::min(fn.cost(j), fn.budget) : 0;
        if (fn.stopping() || !budget.acquire(need, fn.stopping)) {
          work.clear();
          continue;
        }
        results.push(fn.work(std::move(j), w));
        budget.release(need);
      }
      std::lock_guard<std::mutex> lock(live_m);
      if (--live == 0) results.close();
    });
  }

  std::exception_ptr collect_error;
  Done d;
  for (;;) {
    auto r = results.pop(d, tick_every);
    if (r == Channel<Done>::Pop::closed) break;
    if (r == Channel<Done>::Pop::item && !collect_error) {
      try {
        fn.collect(std::move(d));
      } catch (...) {
        collect_error = std::current_exception();  // e.g. the manifest cannot be written: stop
        work.close();
        work.clear();
      }
    }
    fn.tick();
  }
  reader.join();
  for (auto& t : workers) t.join();
  if (reader_error) std::rethrow_exception(reader_error);
  if (collect_error) std::rethrow_exception(collect_error);
}

}  // namespace paiban::batch
