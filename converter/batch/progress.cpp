#include "batch/progress.h"

#include <unistd.h>

#include <cmath>

namespace paiban::batch {

namespace {

constexpr auto kLiveEvery = std::chrono::milliseconds(100);
constexpr auto kPlainEvery = std::chrono::seconds(5);
constexpr auto kRateWindow = std::chrono::seconds(10);

std::string duration_text(double s) {
  long t = std::lround(s);
  char buf[32];
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

}  // namespace

std::string progress_text(size_t done, size_t total, size_t problems, double rate, double eta_seconds,
                          double page_rate) {
  std::string s = std::to_string(done) + "/" + std::to_string(total);
  if (problems) s += " · " + std::to_string(problems) + " failed";
  char buf[48];
  if (rate >= 0) {
    std::snprintf(buf, sizeof buf, " · %.1f files/s", rate);
    s += buf;
  }
  if (page_rate >= 0) {
    std::snprintf(buf, sizeof buf, " · %.1f pages/s", page_rate);
    s += buf;
  }
  if (eta_seconds >= 0 && done < total) s += " · ETA " + duration_text(eta_seconds);
  return s;
}

Progress::Progress(ProgressMode mode, size_t total, std::FILE* out, Now now)
    : mode_(mode), now_(now), total_(total), out_(out), start_(now_()), last_draw_(start_) {
  if (mode_ == ProgressMode::automatic) mode_ = ::isatty(::fileno(out)) ? ProgressMode::live : ProgressMode::plain;
  samples_.push_back({start_, 0, 0});
}

void Progress::advance(bool problem, size_t pages) {
  ++done_;
  pages_ += pages;
  if (problem) ++problems_;
}

double Progress::rate() const {
  auto now = now_();
  double secs = std::chrono::duration<double>(now - samples_.front().at).count();
  if (secs < 0.25) return -1;  // too early to say
  return static_cast<double>(done_ - samples_.front().done) / secs;
}

double Progress::page_rate() const {
  if (pages_ == 0) return -1;
  double secs = std::chrono::duration<double>(now_() - samples_.front().at).count();
  if (secs < 0.25) return -1;
  return static_cast<double>(pages_ - samples_.front().pages) / secs;
}

void Progress::tick() {
  auto now = now_();
  if (mode_ == ProgressMode::quiet) return;
  if (now - samples_.back().at >= std::chrono::seconds(1)) samples_.push_back({now, done_, pages_});
  while (samples_.size() > 2 && now - samples_[1].at >= kRateWindow) samples_.pop_front();
  if (now - last_draw_ < (mode_ == ProgressMode::live ? kLiveEvery : kPlainEvery) &&
      !(mode_ == ProgressMode::live && !drawn_))
    return;
  draw(now);
}

void Progress::draw(Clock::time_point now) {
  last_draw_ = now;
  double r = rate();
  double eta = r > 0 ? static_cast<double>(total_ - done_) / r : -1;
  std::string text = progress_text(done_, total_, problems_, r, eta, page_rate());
  if (mode_ == ProgressMode::live)
    std::fprintf(out_, "\r\033[K%s", text.c_str());  // carriage return + erase line: redraw in place
  else
    std::fprintf(out_, "paiban batch: %s\n", text.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void Progress::finish() {
  if (mode_ == ProgressMode::live && drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
  }
}

}  // namespace paiban::batch
