#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/unicode.h"

namespace paiban::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string data(const std::string& rel) { return std::string(PAIBAN_TEST_DATA) + "/" + rel; }

std::string sample_path() { return std::string(PAIBAN_TEST_DATA) + "/../../input/lvliang-cppcc-2024.txt"; }

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size())
    out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

std::u32string non_space(std::string_view s) {
  std::u32string out;
  for (char32_t c : to_u32(s))
    if (!is_space(c)) out += c;
  return out;
}

std::string temp_dir(const std::string& tag) {
  // The process id keeps concurrent runs (several worktrees, ctest -j) apart.
  auto base = std::filesystem::temp_directory_path() / ("paiban-test-" + tag + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  return base.string();
}

Run run(const std::string& cmd, Stderr err) {
  Run r;
  FILE* p = popen((cmd + (err == Stderr::merged ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

bool have_tool(const std::string& tool) { return run("command -v " + tool).code == 0; }

Run validate_article_xml(const std::string& path) {
  if (!have_tool("xmllint")) {
    ADD_FAILURE() << "xmllint is not installed: the schema tests need it (libxml2-utils; make deps)";
    return Run{127, "xmllint missing"};
  }
  return run("xmllint --noout --relaxng " + std::string(PAIBAN_SOURCE_DIR) + "/schema/article.rng '" + path + "'");
}

Gray read_pgm(const std::string& path) {
  Gray g;
  std::string bytes = read_file(path);
  size_t i = 0;
  // The next header token, past white space and "# ..." comments (Ghostscript writes one).
  auto token = [&] {
    for (;;) {
      while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
      if (i < bytes.size() && bytes[i] == '#') {
        while (i < bytes.size() && bytes[i] != '\n') ++i;
        continue;
      }
      break;
    }
    size_t s = i;
    while (i < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    return bytes.substr(s, i - s);
  };
  if (token() != "P5") return g;
  g.w = std::stoi(token());
  g.h = std::stoi(token());
  if (token() != "255") return Gray{};
  ++i;  // the single white space before the raster
  if (bytes.size() < i + static_cast<size_t>(g.w) * g.h) return Gray{};
  g.px.assign(bytes.begin() + static_cast<long>(i), bytes.begin() + static_cast<long>(i) + g.w * g.h);
  return g;
}

}  // namespace paiban::test
