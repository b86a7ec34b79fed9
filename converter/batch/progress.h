// progress: on a terminal one live line (done/total, failures, files/s, ETA) redrawn in place;
// elsewhere (CI logs, pipes) a plain line every few seconds; nothing with --quiet.
#pragma once

#include <chrono>
#include <cstdio>
#include <deque>
#include <string>
#include <utility>

#include "batch/batch.h"

namespace paiban::batch {

// "412/1000 · 2 failed · 61.3 files/s · ETA 0:09" (rate < 0: not known yet); with scans read,
// their pages too: "12/40 · 0.4 files/s · 1.6 pages/s · ETA 1:10" (page_rate < 0: none).
std::string progress_text(size_t done, size_t total, size_t problems, double rate, double eta_seconds,
                          double page_rate = -1);

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  using Now = Clock::time_point (*)();

  // automatic: live when `out` is a terminal, plain otherwise. `now` is the clock (tests).
  Progress(ProgressMode mode, size_t total, std::FILE* out, Now now = &Clock::now);
  ProgressMode mode() const { return mode_; }

  void advance(bool problem, size_t pages = 0);  // one input done; `pages` of a scan read
  void tick();                 // redraws when due
  void finish();               // clears the live line

  double rate() const;       // files/s over the last few seconds
  double page_rate() const;  // scan pages/s over the same window; -1 before any scan

 private:
  void draw(Clock::time_point now);

  ProgressMode mode_;
  Now now_;
  size_t total_, done_ = 0, problems_ = 0, pages_ = 0;
  std::FILE* out_;
  Clock::time_point start_, last_draw_;
  bool drawn_ = false;
  struct Sample {
    Clock::time_point at;
    size_t done, pages;
  };
  std::deque<Sample> samples_;  // for the rates
};

}  // namespace paiban::batch
