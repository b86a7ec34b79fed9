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

#include <algorithm>
#include <cstdint>
#include <cstdio>
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

// Archives written byte by byte, for names no archiver library would write as asked: zip names
// in any code page with or without the UTF-8 flag (APPNOTE 4.4.4 bit 11) and with the Info-ZIP
// Unicode Path extra field (0x7075, APPNOTE 4.6.9); ustar names in any code page, with or
// without a PAX `path` record (POSIX.1-2001 pax).
struct RawEntry {
  RawEntry(std::string n, std::string d, bool flag = false, std::string path = {})
      : name(std::move(n)), data(std::move(d)), utf8_flag(flag), unicode_path(std::move(path)) {}
  std::string name;          // stored bytes
  std::string data;
  bool utf8_flag = false;    // zip: general purpose bit 11
  std::string unicode_path;  // zip: a 0x7075 field with this UTF-8 name; tar: a PAX path record
};

inline std::uint32_t crc32_of(const std::string& s) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : s) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

// Little-endian `bytes` bytes of v; bytes past the fourth are zero (a run of zero fields).
inline void put_le(std::string& o, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) o += static_cast<char>(i < 4 ? (v >> (8 * i)) & 0xFF : 0);
}

inline std::string zip_bytes(const std::vector<RawEntry>& entries) {
  std::string out, cd;
  for (const RawEntry& e : entries) {
    std::string extra;
    if (!e.unicode_path.empty()) {
      put_le(extra, 0x7075, 2);
      put_le(extra, static_cast<std::uint32_t>(5 + e.unicode_path.size()), 2);
      extra += '\x01';  // version 1
      put_le(extra, crc32_of(e.name), 4);  // of the stored name it stands for
      extra += e.unicode_path;
    }
    auto common = [&](std::string& o) {  // version needed .. extra length, shared by both headers
      put_le(o, 20, 2);
      put_le(o, e.utf8_flag ? 0x800 : 0, 2);
      put_le(o, 0, 2);  // stored
      put_le(o, 0, 4);  // time, date
      put_le(o, crc32_of(e.data), 4);
      put_le(o, static_cast<std::uint32_t>(e.data.size()), 4);
      put_le(o, static_cast<std::uint32_t>(e.data.size()), 4);
      put_le(o, static_cast<std::uint32_t>(e.name.size()), 2);
      put_le(o, static_cast<std::uint32_t>(extra.size()), 2);
    };
    const auto offset = static_cast<std::uint32_t>(out.size());
    put_le(out, 0x04034b50, 4);
    common(out);
    out += e.name + extra + e.data;
    put_le(cd, 0x02014b50, 4);
    put_le(cd, 20, 2);  // made by
    common(cd);
    put_le(cd, 0, 2 + 2 + 2 + 4);  // comment length, disk, internal and external attributes
    put_le(cd, offset, 4);
    cd += e.name + extra;
  }
  const auto n = static_cast<std::uint32_t>(entries.size());
  std::string end;
  put_le(end, 0x06054b50, 4);
  put_le(end, 0, 4);  // disk numbers
  put_le(end, n, 2);
  put_le(end, n, 2);
  put_le(end, static_cast<std::uint32_t>(cd.size()), 4);
  put_le(end, static_cast<std::uint32_t>(out.size()), 4);
  put_le(end, 0, 2);
  return out + cd + end;
}

inline std::string tar_header(const std::string& name, std::size_t size, char type) {
  std::string h(512, '\0');
  auto field = [&](size_t at, size_t len, const std::string& v) { h.replace(at, std::min(len, v.size()), v.substr(0, len)); };
  auto octal = [](std::uint64_t v, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*llo", width, static_cast<unsigned long long>(v));
    return std::string(buf);
  };
  field(0, 100, name);
  field(100, 8, octal(0644, 7));
  field(108, 8, octal(0, 7));
  field(116, 8, octal(0, 7));
  field(124, 12, octal(size, 11));
  field(136, 12, octal(1700000000, 11));
  h[156] = type;
  field(257, 8, std::string("ustar\0" "00", 8));
  h.replace(148, 8, std::string(8, ' '));
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  field(148, 8, octal(sum, 6) + std::string(1, '\0') + " ");
  return h;
}

inline std::string tar_bytes(const std::vector<RawEntry>& entries) {
  auto padded = [](std::string s) { return s.append((512 - s.size() % 512) % 512, '\0'); };
  std::string out;
  for (const RawEntry& e : entries) {
    if (!e.unicode_path.empty()) {
      std::string rec = " path=" + e.unicode_path + "\n";
      size_t len = rec.size() + 1;
      while (std::to_string(len).size() + rec.size() != len) ++len;
      rec = std::to_string(len) + rec;
      out += tar_header("PaxHeaders/x", rec.size(), 'x') + padded(rec);
    }
    out += tar_header(e.name, e.data.size(), '0') + padded(e.data);
  }
  return out + std::string(1024, '\0');
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
  std::string stderr_so_far() const { return read_file(errpath_); }
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

// DIR/report.csv's rows by input.
inline std::map<std::string, std::map<std::string, std::string>> report_rows(const fs::path& out) {
  std::map<std::string, std::map<std::string, std::string>> rows;
  for (auto& r : read_report_csv(out / "report.csv")) rows[r["input"]] = r;
  return rows;
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
