// thread_bench: how the library scales over threads (issue 14: "a thread pool gets both cores").
// Articles per second on one thread and on two, for reflow alone, typesetting alone and both, with
// the CPU time each article costs. Two threads that cost more CPU per article than one point at
// shared hardware (caches, memory bandwidth, a busy host); the same CPU per article with less than
// twice the rate points at waiting (a lock, or cores taken by other work: see the load average).
// usage: thread_bench [--articles N] [--style NAME] [ARTICLE.txt ...]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "paiban/paiban.h"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long waits() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_nvcsw;  // voluntary context switches: a thread blocked (a lock, I/O)
}

long faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;  // pages the kernel had to map: fresh memory from mmap
}

struct Run {
  double per_second = 0, cpu_ms = 0;
  long waits = 0;
  double faults = 0;
};

// `work(i)` for i in [0, n) over `threads` threads, each taking every threads-th article.
Run run(int threads, size_t n, const std::function<void(size_t)>& work) {
  const double cpu0 = process_cpu_seconds();
  const long w0 = waits(), f0 = faults();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < n; i += static_cast<size_t>(threads)) work(i);
    });
  for (auto& th : pool) th.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Run r;
  r.per_second = static_cast<double>(n) / wall;
  r.cpu_ms = (process_cpu_seconds() - cpu0) * 1000 / static_cast<double>(n);
  r.waits = waits() - w0;
  r.faults = static_cast<double>(faults() - f0) / static_cast<double>(n);
  return r;
}

// What the machine gives two threads, measured the same way: a loop in registers (no memory) and
// a stream through 16 MB (past the caches), each about one article's CPU time per unit.
uint64_t spin(uint64_t seed) {
  uint64_t x = seed | 1;
  for (int i = 0; i < 12'000'000; ++i) x ^= x << 13, x ^= x >> 7, x ^= x << 17;
  return x;
}

uint64_t stream(std::vector<uint64_t>& buffer) {
  uint64_t sum = 0;
  for (int pass = 0; pass < 8; ++pass)
    for (auto& v : buffer) sum += v, v = sum;
  return sum;
}

double load_average() {
  double l[1] = {0};
  return getloadavg(l, 1) == 1 ? l[0] : -1;
}

}  // namespace

int main(int argc, char** argv) {
  size_t count = 200;
  std::string style = "broadsheet";
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--articles") && i + 1 < argc) count = std::strtoul(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--style") && i + 1 < argc) style = argv[++i];
    else paths.push_back(argv[i]);
  }
  if (paths.empty()) paths.push_back(std::string(PAIBAN_SOURCE_DIR) + "/input/lvliang-cppcc-2024.txt");
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(slurp(p));
  if (count < 2) count = 2;
  try {
    const paiban::Typesetter typesetter(style);
    std::vector<paiban::Document> docs;
    for (const auto& t : texts) docs.push_back(paiban::reflow_bytes(t, "bench"));
    const auto reflow = [&](size_t i) { paiban::document_to_xml(paiban::reflow_bytes(texts[i % texts.size()], "bench")); };
    const auto pdf = [&](size_t i) { typesetter.pdf(docs[i % docs.size()]); };
    const auto both = [&](size_t i) { typesetter.pdf(paiban::reflow_bytes(texts[i % texts.size()], "bench")); };
    std::printf("thread_bench: at least %zu articles per run, style %s, %u cores, load average %.2f before\n", count,
                style.c_str(), std::thread::hardware_concurrency(), load_average());
    std::printf("  %-16s %11s %7s %7s %6s %11s %7s %7s %6s %7s\n", "stage", "1 thread/s", "CPU ms", "faults",
                "waits", "2 threads/s", "CPU ms", "faults", "waits", "2 / 1");
    std::vector<std::vector<uint64_t>> buffers(2, std::vector<uint64_t>(2u << 20, 1));
    std::atomic<uint64_t> sink{0};
    const auto cpu = [&](size_t i) { sink += spin(i); };
    const auto memory = [&](size_t i) { sink += stream(buffers[i % 2]); };
    const std::pair<const char*, std::function<void(size_t)>> stages[] = {
        {"reflow + xml", reflow}, {"typeset (pdf)", pdf}, {"reflow + pdf", both},
        {"ceiling: cpu", cpu},    {"ceiling: memory", memory}};
    for (const auto& [name, work] : stages) {
      // Warm (fonts opened, caches filled), and enough units for a second on one thread at least.
      const Run warm = run(1, 4, work);
      const size_t n = std::max(count, static_cast<size_t>(warm.per_second));
      const Run one = run(1, n, work), two = run(2, n, work);
      std::printf("  %-16s %11.1f %7.2f %7.0f %6ld %11.1f %7.2f %7.0f %6ld %6.2fx\n", name, one.per_second, one.cpu_ms,
                  one.faults, one.waits, two.per_second, two.cpu_ms, two.faults, two.waits,
                  two.per_second / one.per_second);
    }
    std::printf("  load average %.2f after (another process's work takes cores from the two threads)\n", load_average());
  } catch (const paiban::Error& e) {
    std::fprintf(stderr, "thread_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
