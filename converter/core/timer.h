// Wall-clock timing for the stages' time splits (benchmarks read them; nothing decides on them).
#pragma once

#include <chrono>

namespace paiban {

// Milliseconds since construction (or the last restart()); adds them to `*sink` when it goes out of
// scope if a sink was given.
class ScopedTimer {
 public:
  explicit ScopedTimer(double* sink = nullptr) : sink_(sink) {}
  ~ScopedTimer() {
    if (sink_) *sink_ += ms();
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

  double ms() const { return std::chrono::duration<double, std::milli>(Clock::now() - start_).count(); }
  // The milliseconds so far, and starts again from now.
  double restart() {
    double m = ms();
    start_ = Clock::now();
    return m;
  }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_ = Clock::now();
  double* sink_;
};

}  // namespace paiban
