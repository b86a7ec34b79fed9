#include "batch/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "core/error.h"

namespace paiban::batch {

namespace {

std::string holder_pid(int fd) {
  char buf[32] = {};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string s = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s.empty() ? "unknown" : s;
}

}  // namespace

bool RunLock::take(const std::string& dir, const std::string& suffix, bool wait, const std::atomic<int>* stop) {
  const std::string path = dir + "/.paiban-lock" + suffix;
  // O_NOFOLLOW | O_NONBLOCK: a link or a FIFO planted at the name is refused, never followed or waited on.
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error(ExitCode::internal, path + ": cannot open the run lock: " + std::strerror(errno),
                "remove whatever is at that name (paiban makes it a small regular file)");
  bool said = false;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR)
      throw Error(ExitCode::internal, path + ": cannot lock: " + std::strerror(errno),
                  "the output folder's file system must support flock()");
    if (!wait)
      throw Error(ExitCode::input,
                  dir + ": another paiban batch (process " + holder_pid(fd_) + ") is writing into this folder",
                  "wait for it to end, pass --wait to wait for it, or choose another --out");
    if (!said) {
      std::fprintf(stderr, "paiban: waiting for paiban batch process %s to finish with %s\n",
                   holder_pid(fd_).c_str(), dir.c_str());
      said = true;
    }
    if (stop && stop->load() != 0) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The lock holds all the same; only the other run's message loses our pid.
  }
  return true;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace paiban::batch
