// Helpers for the batch tests: a sandbox folder, archives of every kind written with
// libarchive's writer (any entry type and name, which the zip/tar tools refuse to make),
// running `paiban batch`, and reading its report.csv.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "test_util.h"

extern char** environ;

namespace paiban::batch_test {

namespace fs = std::filesystem;

using test::read_file;
using test::write_file;

// The sample article (input/ in the repo) and deterministic variants of it: digits rotated
// and the headline numbered, so that every variant is a different, sample-sized article.
inline const std::string& sample() {
  static const std::string s = read_file(fs::path(PAIBAN_SOURCE_DIR) / "input/lvliang-cppcc-2024.txt");
  return s;
}
inline std::string variant(int i) {
  std::string s = sample();
  for (char& c : s)
    if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + i) % 10);
  size_t first_text = s.find_first_not_of("\r\n");
  size_t eol = s.find('\n', first_text);
  if (eol != std::string::npos) s.insert(eol, "（" + std::to_string(i) + "）");
  return s;
}

class Sandbox {
 public:
  Sandbox() {
    std::string tmpl = (fs::temp_directory_path() / "paiban-batch-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

// One entry of a test archive.
struct Spec {
  std::string name;
  char type = 'f';     // f file, d folder, l symlink, h hardlink, c char device, b block device, p FIFO
  std::string data;    // contents (f) or link target (l, h)
};

enum class Kind { folder, zip, tar, tgz, txz, tzst, tbz2 };
inline const char* kind_name(Kind k) {
  switch (k) {
    case Kind::folder: return "folder";
    case Kind::zip: return "zip";
    case Kind::tar: return "tar";
    case Kind::tgz: return "tgz";
    case Kind::txz: return "txz";
    case Kind::tzst: return "tzst";
    case Kind::tbz2: return "tbz2";
  }
  return "?";
}
inline const char* kind_suffix(Kind k) {
  switch (k) {
    case Kind::zip: return ".zip";
    case Kind::tar: return ".tar";
    case Kind::tgz: return ".tar.gz";
    case Kind::txz: return ".tar.xz";
    case Kind::tzst: return ".tar.zst";
    case Kind::tbz2: return ".tar.bz2";
    default: return "";
  }
}
// What a kind can hold: zip has no hard links or devices; a folder no hostile names.
inline bool can_hold(Kind k, const Spec& s) {
  if (k == Kind::zip) return s.type == 'f' || s.type == 'd' || s.type == 'l';
  if (k == Kind::folder)
    return (s.type == 'f' || s.type == 'd' || s.type == 'l' || s.type == 'p') && s.name[0] != '/' &&
           s.name.find("..") == std::string::npos;
  return true;
}

// Writes `specs` as an archive of `kind` (or a folder) at `path`; returns the path made.
inline fs::path make_source(const fs::path& base, Kind kind, const std::vector<Spec>& specs) {
  fs::path path = base.string() + kind_suffix(kind);
  if (kind == Kind::folder) {
    fs::create_directories(path);
    for (const Spec& s : specs) {
      if (!can_hold(kind, s)) continue;
      fs::path p = path / s.name;
      fs::create_directories(p.parent_path());
      if (s.type == 'f') write_file(p, s.data);
      if (s.type == 'd') fs::create_directories(p);
      if (s.type == 'l') fs::create_symlink(s.data, p);
      if (s.type == 'p') ::mkfifo(p.c_str(), 0644);
    }
    return path;
  }
  archive* a = archive_write_new();
  if (kind == Kind::zip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    if (kind == Kind::tgz) archive_write_add_filter_gzip(a);
    if (kind == Kind::txz) archive_write_add_filter_xz(a);
    if (kind == Kind::tzst) archive_write_add_filter_zstd(a);
    if (kind == Kind::tbz2) archive_write_add_filter_bzip2(a);
  }
  archive_write_open_filename(a, path.c_str());
  for (const Spec& s : specs) {
    if (!can_hold(kind, s)) continue;
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, s.name.c_str());
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1700000000, 0);
    switch (s.type) {
      case 'f': archive_entry_set_filetype(e, AE_IFREG); archive_entry_set_size(e, static_cast<la_int64_t>(s.data.size())); break;
      case 'd': archive_entry_set_filetype(e, AE_IFDIR); archive_entry_set_perm(e, 0755); break;
      case 'l': archive_entry_set_filetype(e, AE_IFLNK); archive_entry_set_symlink(e, s.data.c_str()); break;
      case 'h': archive_entry_set_filetype(e, AE_IFREG); archive_entry_set_hardlink(e, s.data.c_str()); break;
      case 'c': archive_entry_set_filetype(e, AE_IFCHR); archive_entry_set_rdev(e, makedev(1, 3)); break;
      case 'b': archive_entry_set_filetype(e, AE_IFBLK); archive_entry_set_rdev(e, makedev(8, 0)); break;
      case 'p': archive_entry_set_filetype(e, AE_IFIFO); break;
    }
    archive_write_header(a, e);
    if (s.type == 'f') archive_write_data(a, s.data.data(), s.data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return path;
}

// The paiban binary started with `args`, its stderr in a temporary file.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    std::vector<std::string> argv_s = {PAIBAN_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_s) argv.push_back(s.data());
    argv.push_back(nullptr);
    errfd_ = ::mkstemp(errpath_);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, errfd_, 2);
    if (posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(errfd_);
    ::unlink(errpath_);
  }
  void signal(int sig) { ::kill(pid_, sig); }
  // The exit code, or 128 + the signal that ended it.
  int wait(std::string* err = nullptr) {
    int status = 0;
    if (pid_ <= 0 || ::waitpid(pid_, &status, 0) != pid_) return -1;
    pid_ = -1;
    if (err) *err = read_file(errpath_);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  char errpath_[40] = "/tmp/paiban-batch-stderr-XXXXXX";
  int errfd_ = -1;
};

// Runs the paiban binary with `args`; stderr goes to `err` when given.
inline int run_paiban(const std::vector<std::string>& args, std::string* err = nullptr) {
  return Child(args).wait(err);
}

// report.csv → rows (RFC 4180 quoting), each a map of column → value.
inline std::vector<std::map<std::string, std::string>> read_report_csv(const fs::path& p) {
  std::string text = read_file(p);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += text[++i];
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> m;
    for (size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(m);
  }
  return out;
}

// Every file under `root` (relative path → bytes), links and specials marked as such.
inline std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = fs::relative(it->path(), root).string();
    if (it->is_symlink()) files[rel] = "<symlink>";
    else if (it->is_regular_file()) files[rel] = read_file(it->path());
    else if (!it->is_directory()) files[rel] = "<special>";
  }
  return files;
}

}  // namespace paiban::batch_test
