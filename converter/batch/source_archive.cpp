// An archive as a source, through libarchive: read as a stream (never unpacked to disk),
// recognised by content. Header sizes are believed only as far as the limits allow.
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "batch/libarchive.h"
#include "batch/safety.h"
#include "batch/sources.h"
#include "core/error.h"

namespace paiban::batch {

namespace {

constexpr size_t kBlock = 65536;

const LibArchive& lib() { return try_libarchive(); }
const char* kArchiveHint = "give a folder or an archive (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.zst)";

struct ArchiveCloser {
  void operator()(archive* a) const { lib().read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveCloser>;

std::string error_of(archive* a) {
  const char* s = lib().error_string(a);
  return s ? s : "unknown error";
}

// "tar.gz", "zip", ...: what the user would call it.
std::string kind_of(archive* a) {
  int fmt = lib().format(a) & ARCHIVE_FORMAT_BASE_MASK;
  std::string base = fmt == ARCHIVE_FORMAT_ZIP ? "zip" : fmt == ARCHIVE_FORMAT_TAR ? "tar" : "archive";
  switch (lib().filter_code(a, 0)) {
    case ARCHIVE_FILTER_GZIP: return base + ".gz";
    case ARCHIVE_FILTER_XZ: return base + ".xz";
    case ARCHIVE_FILTER_ZSTD: return base + ".zst";
    case ARCHIVE_FILTER_BZIP2: return base + ".bz2";
    default: return base;
  }
}

char special_kind(archive_entry* e) {
  if (lib().entry_hardlink(e)) return 'h';
  switch (lib().entry_filetype(e)) {
    case AE_IFLNK: return 'l';
    case AE_IFCHR: return 'c';
    case AE_IFBLK: return 'b';
    case AE_IFIFO: return 'p';
    case AE_IFSOCK: return 's';
    case AE_IFREG: return 'f';
    case AE_IFDIR: return 'd';
    default: return '?';
  }
}

class ArchiveSource : public Source {
 public:
  ArchiveSource(std::string path, const Limits& limits, std::uint64_t file_size)
      : path_(std::move(path)), limits_(limits), file_size_(file_size) {}

  ArchivePtr try_open() const {
    ArchivePtr a(lib().read_new());
    if (!a) throw Error(ExitCode::internal, path_ + ": out of memory opening the archive");
    // Only the formats and compressions we test; no external filter programs.
    lib().read_support_format_zip(a.get());
    lib().read_support_format_tar(a.get());
    lib().read_support_format_gnutar(a.get());
    lib().read_support_filter_gzip(a.get());
    lib().read_support_filter_xz(a.get());
    lib().read_support_filter_zstd(a.get());
    lib().read_support_filter_bzip2(a.get());
    if (lib().read_open_filename(a.get(), path_.c_str(), kBlock) != ARCHIVE_OK)
      throw input_error(path_ + ": not a folder or a readable archive: " + error_of(a.get()), kArchiveHint);
    return a;
  }

  Listing list() override {
    ArchivePtr a = try_open();
    Listing l;
    std::uint64_t declared = 0;
    archive_entry* e = nullptr;
    for (size_t i = 0;; ++i) {
      int rc = lib().read_next_header(a.get(), &e);
      if (i == 0) l.kind = kind_of(a.get());
      if (rc == ARCHIVE_EOF) break;
      if (rc < ARCHIVE_WARN) {
        if (i == 0)
          throw input_error(path_ + ": not a folder or a readable archive: " + error_of(a.get()), kArchiveHint);
        l.error = path_ + ": cannot read past entry " + std::to_string(i) + ": " + error_of(a.get());
        l.hint = "the archive is damaged or truncated; the entries before this point were processed";
        break;
      }
      Entry en = describe(e, i);
      if (en.regular) {
        declared += en.size;
        std::string bomb = check_archive_ratio(limits_, declared, file_size_);
        if (!bomb.empty()) {
          en.status = Status::refused;
          en.reason = bomb;
          l.entries.push_back(std::move(en));
          l.error = path_ + ": reading stopped at entry " + std::to_string(i + 1) + ": " + bomb;
          l.hint = "entries after it were not read; if the archive is genuine, raise --max-ratio";
          break;
        }
      }
      l.entries.push_back(std::move(en));
    }
    return l;
  }

  void read(const Listing& listing, const std::function<bool(size_t)>& want,
            const std::function<bool(size_t, Loaded&&)>& take) override {
    ArchivePtr a = try_open();
    archive_entry* e = nullptr;
    const size_t n = listing.entries.size();
    size_t i = 0;
    for (; i < n; ++i) {
      int rc = lib().read_next_header(a.get(), &e);
      if (rc < ARCHIVE_WARN || rc == ARCHIVE_EOF) break;
      if (stored_name(e, i) != listing.entries[i].name)
        throw input_error(path_ + ": the archive changed while it was being read",
                          "run again once it is no longer being written");
      if (!want(i)) continue;
      if (!take(i, load(a.get(), listing.entries[i].size))) return;
    }
    if (i == n) return;
    std::string why = "not read: the archive cannot be read past entry " + std::to_string(i) + ": " +
                      error_of(a.get());
    for (; i < n; ++i) {
      if (!want(i)) continue;
      Loaded r;
      r.status = Status::failed;
      r.reason = why;
      r.hint = "the archive is damaged or truncated";
      if (!take(i, std::move(r))) return;
    }
  }

 private:
  static std::string stored_name(archive_entry* e, size_t i) {
    const char* p = lib().entry_pathname(e);  // the stored bytes
    if (!p) p = lib().entry_pathname_utf8(e);
    return p ? std::string(p) : "(entry " + std::to_string(i + 1) + " without a name)";
  }

  Entry describe(archive_entry* e, size_t i) const {
    Entry en;
    en.name = stored_name(e, i);
    en.size = lib().entry_size_is_set(e) && lib().entry_size(e) > 0
                  ? static_cast<std::uint64_t>(lib().entry_size(e)) : 0;
    char kind = special_kind(e);
    PathCheck pc = check_entry_path(en.name);
    if (!pc.reason.empty()) {
      en.status = Status::refused;
      en.reason = pc.reason;
    } else if (kind == 'd') {
      en.rel = pc.rel;
      en.folder = true;
      en.status = Status::skipped;
      en.reason = "a folder";
    } else if (kind == 'f') {
      en.rel = pc.rel;
      en.regular = true;
    } else {
      const char* target = lib().entry_hardlink(e) ? lib().entry_hardlink(e) : lib().entry_symlink(e);
      en.status = Status::refused;
      en.reason = describe_special(kind, target ? target : "");
    }
    return en;
  }

  Loaded load(archive* a, std::uint64_t declared) const {
    Loaded r;
    r.bytes.reserve(static_cast<size_t>(std::min(declared, limits_.max_entry_size + 1)));
    EntryGuard guard(limits_, static_cast<std::uint64_t>(lib().filter_bytes(a, -1)));
    char buf[kBlock];
    for (;;) {
      la_ssize_t k = lib().read_data(a, buf, sizeof buf);
      if (k == 0) break;
      if (k < 0) {
        r.status = Status::failed;
        r.reason = "cannot decompress: " + error_of(a);
        r.hint = "the archive is damaged (or the entry is encrypted)";
        break;
      }
      r.bytes.append(buf, static_cast<size_t>(k));
      bool bomb = false;
      std::string why = guard.check(r.bytes.size(), static_cast<std::uint64_t>(lib().filter_bytes(a, -1)), bomb);
      if (!why.empty()) {
        r.status = bomb ? Status::refused : Status::failed;
        r.reason = why;
        r.hint = bomb ? "if the entry is genuine, raise --max-ratio"
                      : "raise --max-entry-size if this really is one article";
        break;
      }
    }
    if (r.status != Status::pending) r.bytes = std::string();
    return r;
  }

  std::string path_;
  Limits limits_;
  std::uint64_t file_size_;
};

}  // namespace

std::unique_ptr<Source> try_open_archive(const std::string& path, const Limits& limits) {
  struct stat st;
  std::uint64_t size = ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  auto src = std::make_unique<ArchiveSource>(path, limits, size);
  src->try_open();  // fail now, before any work, when it is not an archive
  return src;
}

}  // namespace paiban::batch
