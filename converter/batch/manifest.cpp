#include "batch/manifest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/error.h"
#include "core/output.h"
#include "core/source_date.h"

namespace paiban::batch {

namespace {

// Version 2 adds each input's article and repair counts; a file of another version is redone.
const char* kHeader = "paiban-batch-manifest 2\n";

// Fields are tab-separated; a tab, newline or backslash inside a field is escaped.
void put(std::string& out, const std::string& field, bool first = false) {
  if (!first) out += '\t';
  for (char c : field) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
}

bool split(const std::string& line, std::vector<std::string>& fields) {
  fields.assign(1, std::string());
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\t') {
      fields.emplace_back();
    } else if (c == '\\') {
      if (++i == line.size()) return false;
      char e = line[i];
      fields.back() += e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : '\0';
      if (fields.back().back() == '\0') return false;
    } else {
      fields.back() += c;
    }
  }
  return true;
}

bool to_u64(const std::string& s, int base, std::uint64_t& v) {
  if (s.empty() || s.size() > 20) return false;
  for (char c : s)  // strtoull alone would take "-1" and " 1"
    if (!std::isxdigit(static_cast<unsigned char>(c)) || (base == 10 && !std::isdigit(static_cast<unsigned char>(c))))
      return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long x = std::strtoull(s.c_str(), &end, base);
  if (errno || *end) return false;
  v = x;
  return true;
}

}  // namespace

std::string manifest_key(const std::string& formats, const std::string& style) {
  std::optional<long long> sde = source_date_epoch();
  return std::string("paiban ") + PAIBAN_VERSION + "; to=" + formats + "; style=" + style +
         "; SOURCE_DATE_EPOCH=" + (sde ? std::to_string(*sde) : "");
}

std::string format_record(const Record& r) {
  std::string out;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(r.hash));
  put(out, r.input, true);
  put(out, hash);
  put(out, r.key);
  put(out, std::to_string(r.outputs.size()));
  for (const auto& [path, size] : r.outputs) {
    put(out, path);
    put(out, std::to_string(size));
  }
  put(out, std::to_string(r.warnings.size()));
  for (const auto& w : r.warnings) put(out, w);
  put(out, std::to_string(r.articles));
  put(out, std::to_string(r.repairs.size()));
  for (const auto& [kind, n] : r.repairs) {
    put(out, kind);
    put(out, std::to_string(n));
  }
  if (!r.failure.empty()) put(out, r.failure);  // one more field: older readers drop the line
  out += '\n';
  return out;
}

bool parse_record(const std::string& line, Record& r) {
  std::vector<std::string> f;
  if (!split(line, f) || f.size() < 5) return false;
  std::uint64_t n = 0, m = 0;
  if (f[0].empty() || f[1].size() != 16 || !to_u64(f[1], 16, r.hash) || !to_u64(f[3], 10, n) ||
      f.size() < 5 + 2 * n)
    return false;
  r.input = f[0];
  r.key = f[2];
  r.outputs.clear();
  size_t i = 4;
  for (std::uint64_t k = 0; k < n; ++k, i += 2) {
    std::uint64_t size = 0;
    if (!to_u64(f[i + 1], 10, size)) return false;
    r.outputs.emplace_back(f[i], size);
  }
  if (!to_u64(f[i], 10, m) || f.size() < i + 3 + m) return false;
  r.warnings.assign(f.begin() + static_cast<long>(i) + 1, f.begin() + static_cast<long>(i + 1 + m));
  i += 1 + m;
  // The counts the report shows: articles (-1 unknown), then repairs as kind, count pairs.
  std::uint64_t articles = 0, kinds = 0;
  if (f[i] == "-1") r.articles = -1;
  else if (to_u64(f[i], 10, articles) && articles < 1000000000) r.articles = static_cast<int>(articles);
  else return false;
  if (!to_u64(f[i + 1], 10, kinds) || (f.size() != i + 2 + 2 * kinds && f.size() != i + 3 + 2 * kinds))
    return false;
  r.failure = f.size() == i + 3 + 2 * kinds ? f.back() : std::string();
  const size_t pairs_end = i + 2 + 2 * kinds;
  r.repairs.clear();
  for (i += 2; i < pairs_end; i += 2) {
    std::uint64_t n = 0;
    if (f[i].empty() || !to_u64(f[i + 1], 10, n) || n > 1000000000) return false;
    r.repairs[f[i]] = static_cast<int>(n);
  }
  return r.failure.empty() || r.failure == kRunning || r.failure == kMemory || r.failure == kFailed;
}

Manifest::~Manifest() {
  if (fd_ >= 0) ::close(fd_);
}

void Manifest::load() {
  struct stat st;
  // Not a regular file (a link, a FIFO that would block the read): nothing to resume;
  // start then refuses it by name.
  if (::lstat(path_.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.compare(0, std::strlen(kHeader), kHeader) != 0) return;
  size_t pos = std::strlen(kHeader);
  // Only whole lines: the last one may have been cut short by a kill.
  for (size_t nl; (nl = text.find('\n', pos)) != std::string::npos; pos = nl + 1) {
    Record r;
    if (parse_record(text.substr(pos, nl - pos), r)) records_[r.input] = std::move(r);
  }
}

const Record* Manifest::find(const std::string& input) const {
  auto it = records_.find(input);
  return it == records_.end() ? nullptr : &it->second;
}

void Manifest::start() {
  std::string text = kHeader;
  for (const auto& [input, r] : records_) text += format_record(r);
  replace_file_atomic(path_, text, /*sync=*/true, /*refuse_other=*/false);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
  if (fd_ < 0)
    throw Error(ExitCode::internal, path_ + ": cannot open the manifest: " + std::strerror(errno),
                "check permissions in the output folder");
}

void Manifest::append(const Record& r) {
  std::string line = format_record(r);
  std::lock_guard<std::mutex> lock(append_mutex_);
  // One write() per line with O_APPEND: a line is whole or (after a kill) cut, never interleaved.
  ssize_t n = ::write(fd_, line.data(), line.size());
  if (n != static_cast<ssize_t>(line.size()))
    throw Error(ExitCode::internal, path_ + ": cannot write the manifest: " + std::strerror(errno),
                "check free disk space");
  updates_[r.input] = r;
}

void Manifest::finish() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  for (auto& [input, r] : updates_) {
    if (r.failure == kFailed) records_.erase(input);  // nothing to remember: tried again next run
    else records_[input] = std::move(r);
  }
  updates_.clear();
  std::string text = kHeader;
  for (const auto& [input, r] : records_) text += format_record(r);
  replace_file_atomic(path_, text, /*sync=*/true, /*refuse_other=*/false);
}

}  // namespace paiban::batch
