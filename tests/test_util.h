// Helpers shared by the unit tests: files, child processes, data paths.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace paiban::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string data(const std::string& rel) { return std::string(PAIBAN_TEST_DATA) + "/" + rel; }

// The sample lives in the repo's input/.
inline std::string sample_path() { return std::string(PAIBAN_TEST_DATA) + "/../../input/lvliang-cppcc-2024.txt"; }

struct Run {
  int code = -1;
  std::string out;  // stdout + stderr
};

// Runs a shell command, capturing stdout and stderr together.
inline Run run(const std::string& cmd) {
  Run r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// A fresh temporary folder per test.
inline std::string temp_dir(const std::string& tag) {
  auto base = std::filesystem::temp_directory_path() / ("paiban-test-" + tag + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  return base.string();
}

}  // namespace paiban::test
