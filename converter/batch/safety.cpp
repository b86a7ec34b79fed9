#include "batch/safety.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "core/error.h"

namespace paiban::batch {

namespace fs = std::filesystem;

PathCheck check_entry_path(std::string_view name) {
  PathCheck r;
  for (unsigned char c : name) {
    // A newline or escape in a name would forge lines in the report and on the terminal.
    if (c < 0x20 || c == 0x7f) {
      r.reason = "the name contains a control character";
      return r;
    }
  }
  std::string s(name);
  for (char& c : s)
    if (c == '\\') c = '/';
  if (!s.empty() && s[0] == '/') {
    r.reason = "absolute path";
    return r;
  }
  if (s.size() >= 2 && std::isalpha(static_cast<unsigned char>(s[0])) && s[1] == ':') {
    r.reason = "absolute path (drive letter)";
    return r;
  }
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('/', start);
    if (end == std::string::npos) end = s.size();
    std::string_view part(s.data() + start, end - start);
    if (part == "..") {
      r.rel.clear();
      r.reason = "the path goes up a folder with '..'";
      return r;
    }
    if (!part.empty() && part != ".") {
      if (!r.rel.empty()) r.rel += '/';
      r.rel += part;
    }
    start = end + 1;
  }
  return r;
}

std::string describe_special(char kind, std::string_view target) {
  std::string to = target.empty() ? std::string() : " to '" + std::string(target) + "'";
  switch (kind) {
    case 'l': return "a symbolic link" + to + "; links are never followed";
    case 'h': return "a hard link" + to + " that names no earlier file of the archive";
    case 'c': return "a character device";
    case 'b': return "a block device";
    case 'p': return "a named pipe (FIFO)";
    case 's': return "a socket";
    default: return "not a regular file";
  }
}

std::uint64_t parse_size(const std::string& text, const std::string& flag) {
  size_t i = 0;
  double value = 0;
  bool digits = false;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    value = value * 10 + (text[i++] - '0');
    digits = true;
  }
  if (i < text.size() && text[i] == '.') {
    double scale = 0.1;
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, scale /= 10) {
      value += (text[i] - '0') * scale;
      digits = true;
    }
  }
  while (i < text.size() && text[i] == ' ') ++i;
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  double mult = 0;
  if (unit.empty() || unit == "B") mult = 1;
  else if (unit == "K" || unit == "KB" || unit == "KIB") mult = 1024.0;
  else if (unit == "M" || unit == "MB" || unit == "MIB") mult = 1024.0 * 1024;
  else if (unit == "G" || unit == "GB" || unit == "GIB") mult = 1024.0 * 1024 * 1024;
  if (!digits || mult == 0 || value * mult < 1 || value * mult > 1e18)
    throw usage_error(flag + ": '" + text + "' is not a size",
                      "give bytes with an optional K, M or G (powers of 1024), e.g. 16M");
  return static_cast<std::uint64_t>(std::llround(value * mult));
}

namespace {

std::string ratio_text(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f:1", r);
  return buf;
}

}  // namespace

std::string EntryGuard::check(std::uint64_t bytes, std::uint64_t raw_now, bool& bomb) const {
  bomb = false;
  if (bytes > limits_.max_entry_size)
    return "too large: more than " + format_bytes(limits_.max_entry_size) +
           " once decompressed (--max-entry-size)";
  if (bytes > limits_.ratio_floor) {
    std::uint64_t raw = raw_now > raw0_ ? raw_now - raw0_ : 0;
    double ratio = static_cast<double>(bytes) / static_cast<double>(raw ? raw : 1);
    if (ratio > limits_.max_ratio) {
      bomb = true;
      return "a decompression bomb: expands more than " + ratio_text(ratio) + " (--max-ratio " +
             ratio_text(limits_.max_ratio) + ")";
    }
  }
  return {};
}

std::string check_archive_ratio(const SourceLimits& limits, std::uint64_t declared_total,
                                std::uint64_t archive_bytes) {
  if (declared_total <= limits.archive_floor()) return {};
  double ratio = static_cast<double>(declared_total) / static_cast<double>(archive_bytes ? archive_bytes : 1);
  if (ratio <= limits.max_ratio) return {};
  return "a decompression bomb: the entries so far add up to " + format_bytes(declared_total) +
         " from an archive of " + format_bytes(archive_bytes) + " (" + ratio_text(ratio) +
         ", --max-ratio " + ratio_text(limits.max_ratio) + ")";
}

SafeDirs::SafeDirs(const std::string& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec).string();
  if (ec)
    throw Error(ExitCode::input, root + ": cannot use the output folder: " + ec.message(),
                "check that --out names a folder you can write to");
  made_.insert("");
}

void SafeDirs::make_dir(const std::string& rel_dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (made_.count(rel_dir)) return;
  // Component by component, never through a link: create_directories would follow one and
  // create folders outside DIR before any check could run.
  std::string cur = root_, rel;
  size_t start = 0;
  while (start < rel_dir.size()) {
    size_t end = rel_dir.find('/', start);
    if (end == std::string::npos) end = rel_dir.size();
    std::string part = rel_dir.substr(start, end - start);
    start = end + 1;
    rel += (rel.empty() ? "" : "/") + part;
    cur += "/" + part;
    if (made_.count(rel)) continue;
    struct stat st;
    if (::lstat(cur.c_str(), &st) != 0) {
      if (errno != ENOENT || (::mkdir(cur.c_str(), 0755) != 0 && errno != EEXIST) ||
          ::lstat(cur.c_str(), &st) != 0)
        throw Error(ExitCode::internal, cur + ": cannot create the folder: " + std::strerror(errno),
                    errno == ENAMETOOLONG
                        ? "the name is longer than the file system allows (255 bytes per name); shorten it in the source"
                        : "check free space and permissions in the output folder");
    }
    if (S_ISLNK(st.st_mode))
      throw Error(ExitCode::internal, cur + ": is a symbolic link inside the output folder",
                  "remove it; paiban never writes through links, so nothing lands outside DIR");
    if (!S_ISDIR(st.st_mode))
      throw Error(ExitCode::internal, cur + ": is a file where a folder is needed",
                  "another output or a file in the output folder has this name; rename or remove it");
    made_.insert(rel);
  }
}

}  // namespace paiban::batch
