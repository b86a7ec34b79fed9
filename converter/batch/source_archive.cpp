// An archive as a source, through libarchive: read as a stream (never unpacked to disk),
// recognised by content. Header sizes are believed only as far as the limits allow.
#include <locale.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "batch/libarchive.h"
#include "batch/names.h"
#include "decode/decode.h"
#include "batch/safety.h"
#include "batch/sources.h"
#include "core/error.h"

namespace paiban::batch {

namespace {

constexpr size_t kBlock = 65536;

const LibArchive& lib() { return load_libarchive(); }
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

// libarchive converts names to the calling thread's locale. In "C" (paiban never calls
// setlocale) a UTF-8 name — zip UTF-8 flag, Info-ZIP Unicode Path field 0x7075, PAX path — cannot
// be converted and comes back as no name at all; in C.UTF-8 it comes back as UTF-8, and names
// of no stated encoding come back as their stored bytes, for names.h to decode.
class Utf8Names {
 public:
  Utf8Names() {
    static const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    if (utf8) old_ = ::uselocale(utf8);
  }
  ~Utf8Names() {
    if (old_) ::uselocale(old_);
  }
  Utf8Names(const Utf8Names&) = delete;
  Utf8Names& operator=(const Utf8Names&) = delete;

 private:
  locale_t old_ = nullptr;
};

// A name that is not valid in any encoding, for messages: ASCII kept, other bytes as \xNN.
std::string printable_bytes(const std::string& raw) {
  std::string s;
  char buf[8];
  for (unsigned char c : raw) {
    if (c >= 0x20 && c < 0x7f) {
      s += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      s += buf;
    }
  }
  return s;
}

class ArchiveSource : public Source {
 public:
  ArchiveSource(std::string path, const SourceLimits& limits, std::uint64_t file_size, std::string forced)
      : path_(std::move(path)), limits_(limits), file_size_(file_size), forced_(std::move(forced)) {}

  ArchivePtr open() const {
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
    Utf8Names utf8_names;
    ArchivePtr a = open();
    Listing l;
    std::vector<Raw> raws;
    for (size_t i = 0;; ++i) {
      archive_entry* e = nullptr;
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
      raws.push_back(raw_entry(e));
    }
    std::vector<std::string> stored;
    for (const Raw& r : raws) stored.push_back(r.stored);
    const NameEncoding enc = forced_.empty() ? detect_name_encoding(stored) : parse_name_encoding(forced_);
    const bool streamed = l.kind != "zip";  // a zip is read by seeking; a tar is decompressed through
    std::uint64_t declared = 0, passed = 0;
    for (size_t i = 0; i < raws.size(); ++i) {
      Entry en = describe(raws[i], i, enc, l.entries);
      if (en.regular) {
        // Entries larger than --max-entry-size are never read (plan fails them) but a compressed
        // tar must still be decompressed through them: bounded by skip_budget().
        passed += en.size;
        if (streamed && passed > limits_.skip_budget(file_size_)) {
          en.status = Status::refused;
          en.reason = "a decompression bomb: reading on would mean decompressing more than " +
                      format_bytes(limits_.skip_budget(file_size_)) + " (--max-ratio × the archive's size)";
          l.entries.push_back(std::move(en));
          l.error = path_ + ": reading stopped at entry " + std::to_string(i + 1) + ": " + l.entries.back().reason;
          l.hint = "entries after it were not read; if the archive is genuine, raise --max-ratio";
          break;
        }
        if (en.size <= limits_.max_entry_size) {
          std::string bomb = check_archive_ratio(limits_, declared + en.size, file_size_);
          if (bomb.empty()) {
            declared += en.size;
          } else {  // refused and not counted: the entries after it are judged on their own
            en.status = Status::refused;
            en.reason = bomb;
            en.hint = "if the archive is genuine, raise --max-ratio";
          }
        }
      }
      l.entries.push_back(std::move(en));
    }
    return l;
  }

  void read(const Listing& listing, const std::function<bool(size_t)>& want,
            const std::function<bool(size_t, Loaded&&)>& take) override {
    Utf8Names utf8_names;
    ArchivePtr a = open();
    archive_entry* e = nullptr;
    const size_t n = listing.entries.size();
    size_t i = 0;
    // A hard link has no data of its own: it gets a copy of its target's bytes, read at the
    // target's place (always earlier in the archive).
    std::vector<std::vector<size_t>> links_of(n);
    for (size_t k = 0; k < n; ++k)
      if (listing.entries[k].link_to >= 0 && want(k)) links_of[static_cast<size_t>(listing.entries[k].link_to)].push_back(k);
    std::vector<bool> delivered(n, false);
    for (; i < n; ++i) {
      int rc = lib().read_next_header(a.get(), &e);
      if (rc < ARCHIVE_WARN || rc == ARCHIVE_EOF) break;
      if (raw_entry(e).stored != listing.entries[i].stored)
        throw input_error(path_ + ": the archive changed while it was being read",
                          "run again once it is no longer being written");
      const bool self = want(i) && listing.entries[i].link_to < 0;
      if (!self && links_of[i].empty()) continue;
      Loaded l = load(a.get(), listing.entries[i].size);
      for (size_t k : links_of[i]) {
        delivered[k] = true;
        if (!take(k, Loaded(l))) return;
      }
      if (self && !take(i, std::move(l))) return;
    }
    if (i == n) return;
    std::string why = "not read: the archive cannot be read past entry " + std::to_string(i) + ": " +
                      error_of(a.get());
    for (; i < n; ++i) {
      if (!want(i) || delivered[i]) continue;
      Loaded r;
      r.status = Status::failed;
      r.reason = why;
      r.hint = "the archive is damaged or truncated";
      if (!take(i, std::move(r))) return;
    }
  }

 private:
  // What pass 1 keeps of an entry before its name's encoding is decided.
  struct Raw {
    std::string stored, target;
    bool named = false;
    char kind = '?';
    std::uint64_t size = 0;
  };

  static Raw raw_entry(archive_entry* e) {
    Raw r;
    const char* p = lib().entry_pathname(e);  // the stored bytes, or UTF-8 (see Utf8Names)
    r.named = p != nullptr;
    if (p) r.stored = p;
    r.size = lib().entry_size_is_set(e) && lib().entry_size(e) > 0 ? static_cast<std::uint64_t>(lib().entry_size(e)) : 0;
    r.kind = special_kind(e);
    const char* target = lib().entry_hardlink(e) ? lib().entry_hardlink(e) : lib().entry_symlink(e);
    if (target) r.target = target;
    return r;
  }

  static Entry describe(const Raw& raw, size_t i, const NameEncoding& enc, const std::vector<Entry>& earlier) {
    Entry en;
    en.stored = raw.stored;
    en.size = raw.size;
    if (!raw.named) {
      en.name = "(entry " + std::to_string(i + 1) + " without a name)";
      en.status = Status::failed;
      en.reason = "the archive gives this entry no name";
      en.hint = "the archive may be damaged; list it with `bsdtar -tvf` to see what it holds";
      return en;
    }
    if (!decode_name(raw.stored, enc, en.name)) {
      en.name = printable_bytes(raw.stored);
      en.stored_hex = hex_bytes(raw.stored);
      en.status = Status::failed;
      en.reason = "the name is not valid " + enc.name + " (the archive's names were read as " + enc.name + ")";
      en.hint = "give the encoding the archive was made in with --name-encoding (GBK, Big5, Shift_JIS, CP437)";
      return en;
    }
    if (en.name != raw.stored) en.stored_hex = hex_bytes(raw.stored);
    PathCheck pc = check_entry_path(en.name);  // decoded first: a 0x5C second byte is no '\\'
    if (!pc.reason.empty()) {
      en.status = Status::refused;
      en.reason = pc.reason;
    } else if (raw.kind == 'd') {
      en.rel = pc.rel;
      en.folder = true;
      en.status = Status::skipped;
      en.reason = "a folder";
    } else if (raw.kind == 'f') {
      en.rel = pc.rel;
      en.regular = true;
    } else if (long j = raw.kind == 'h' ? earlier_file(raw.target, enc, earlier) : -1; j >= 0) {
      en.rel = pc.rel;  // a hard link to an earlier file of the archive names the same article
      en.regular = true;
      en.link_to = j;
      en.size = earlier[static_cast<size_t>(j)].size;
    } else {
      en.status = Status::refused;
      en.reason = describe_special(raw.kind, raw.target);
    }
    return en;
  }

  // The index of the earlier regular entry a hard link's target names, or -1.
  static long earlier_file(const std::string& target, const NameEncoding& enc, const std::vector<Entry>& earlier) {
    std::string name;
    if (!decode_name(target, enc, name)) return -1;
    PathCheck pc = check_entry_path(name);
    if (!pc.reason.empty()) return -1;
    for (size_t j = 0; j < earlier.size(); ++j)
      if (earlier[j].rel == pc.rel && earlier[j].regular && earlier[j].link_to < 0) return static_cast<long>(j);
    return -1;
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
  SourceLimits limits_;
  std::uint64_t file_size_;
  std::string forced_;  // --name-encoding
};

}  // namespace

std::unique_ptr<Source> open_archive(const std::string& path, const SourceLimits& limits,
                                         const std::string& name_encoding) {
  if (!name_encoding.empty()) parse_name_encoding(name_encoding);  // a usage error before any work
  struct stat st;
  std::uint64_t size = ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  auto src = std::make_unique<ArchiveSource>(path, limits, size, name_encoding);
  src->open();  // fail now, before any work, when it is not an archive
  return src;
}

}  // namespace paiban::batch
