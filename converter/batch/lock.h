// lock: one run at a time per output folder (and shard). An advisory lock on DIR/.paiban-lock
// (.paiban-lock-KofN for --shard K/N, so shards into one folder still run side by side) held
// for the whole run; the file names the holder's process id for the second run's message.
#pragma once

#include <atomic>
#include <string>

namespace paiban::batch {

class RunLock {
 public:
  // Takes the lock on `dir`/.paiban-lock`suffix`. When another run holds it: throws Error
  // naming that run's process id, or with `wait` polls until it is free — returning false if
  // `stop` was set meanwhile (a signal), true once taken.
  bool take(const std::string& dir, const std::string& suffix, bool wait, const std::atomic<int>* stop);
  ~RunLock();

 private:
  int fd_ = -1;
};

}  // namespace paiban::batch
