// A folder as a source: a recursive walk that never follows links and never opens anything but
// regular files (a FIFO would block the reader forever).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "batch/safety.h"
#include "batch/sources.h"

namespace paiban::batch {

namespace {

bool hidden_folder(const std::string& name) { return name[0] == '.' || name == "__MACOSX"; }

class FolderSource : public Source {
 public:
  FolderSource(std::string root, const SourceLimits& limits) : root_(std::move(root)), limits_(limits) {}

  Listing list() override {
    Listing l;
    l.kind = "folder";
    walk("", l.entries);
    std::sort(l.entries.begin(), l.entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return l;
  }

  void read(const Listing& listing, const std::function<bool(size_t)>& want,
            const std::function<bool(size_t, Loaded&&)>& take) override {
    for (size_t i = 0; i < listing.entries.size(); ++i) {
      if (!want(i)) continue;
      if (!take(i, load(listing.entries[i]))) return;
    }
  }

 private:
  std::string path_of(const std::string& rel) const { return rel.empty() ? root_ : root_ + "/" + rel; }

  void walk(const std::string& rel_dir, std::vector<Entry>& out) {
    DIR* d = ::opendir(path_of(rel_dir).c_str());
    if (!d) {
      Entry e;
      e.name = rel_dir + "/";
      e.status = Status::failed;
      e.reason = std::string("cannot read the folder: ") + std::strerror(errno);
      e.hint = "check its permissions; the files in it were not converted";
      out.push_back(std::move(e));
      return;
    }
    std::vector<std::string> names;
    while (dirent* de = ::readdir(d)) {
      std::string n = de->d_name;
      if (n != "." && n != "..") names.push_back(std::move(n));
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      std::string rel = rel_dir.empty() ? n : rel_dir + "/" + n;
      std::string full = path_of(rel);
      struct stat st;
      Entry e;
      e.name = rel;
      if (::lstat(full.c_str(), &st) != 0) {
        e.status = Status::failed;
        e.reason = std::string("cannot read: ") + std::strerror(errno);
        out.push_back(std::move(e));
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (!hidden_folder(n)) {
          walk(rel, out);
          continue;
        }
        e.name += "/";
        e.status = Status::skipped;
        e.reason = "a hidden folder; its files are not inputs";
        out.push_back(std::move(e));
        continue;
      }
      PathCheck pc = check_entry_path(rel);
      if (!pc.reason.empty()) {
        e.status = Status::refused;
        e.reason = pc.reason;
      } else if (S_ISREG(st.st_mode)) {
        e.rel = pc.rel;
        e.regular = true;
        e.size = static_cast<std::uint64_t>(st.st_size);
      } else {
        std::string target;
        if (S_ISLNK(st.st_mode)) {
          char buf[4096];
          ssize_t k = ::readlink(full.c_str(), buf, sizeof buf);
          if (k > 0) target.assign(buf, static_cast<size_t>(k));
        }
        char kind = S_ISLNK(st.st_mode) ? 'l' : S_ISCHR(st.st_mode) ? 'c' : S_ISBLK(st.st_mode) ? 'b'
                  : S_ISFIFO(st.st_mode) ? 'p' : S_ISSOCK(st.st_mode) ? 's' : '?';
        e.status = Status::refused;
        e.reason = describe_special(kind, target);
      }
      out.push_back(std::move(e));
    }
  }

  Loaded load(const Entry& e) const {
    Loaded r;
    std::string full = path_of(e.rel);
    // O_NOFOLLOW + fstat: the file may have been swapped for a link or a FIFO since listing.
    int fd = ::open(full.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      r.status = errno == ELOOP ? Status::refused : Status::failed;
      r.reason = errno == ELOOP ? describe_special('l') : std::string("cannot open: ") + std::strerror(errno);
      return r;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      r.status = Status::refused;
      r.reason = "no longer a regular file";
      return r;
    }
    r.bytes.reserve(static_cast<size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(st.st_size),
                                                                limits_.max_entry_size + 1)));
    char buf[65536];
    for (;;) {
      ssize_t k = ::read(fd, buf, sizeof buf);
      if (k < 0 && errno == EINTR) continue;
      if (k < 0) {
        r.status = Status::failed;
        r.reason = std::string("cannot read: ") + std::strerror(errno);
        break;
      }
      if (k == 0) break;
      r.bytes.append(buf, static_cast<size_t>(k));
      if (r.bytes.size() > limits_.max_entry_size) {
        r.status = Status::failed;
        r.reason = "too large: more than " + format_bytes(limits_.max_entry_size) + " (--max-entry-size)";
        r.hint = "raise --max-entry-size if this really is one article";
        break;
      }
    }
    ::close(fd);
    if (r.status != Status::pending) r.bytes.clear();
    return r;
  }

  std::string root_;
  SourceLimits limits_;
};

}  // namespace

std::unique_ptr<Source> open_folder(const std::string& path, const SourceLimits& limits) {
  std::string root = path;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return std::make_unique<FolderSource>(root, limits);
}

}  // namespace paiban::batch
