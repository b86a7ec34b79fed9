// sources: enumerate and read the entries of a folder (recursive) or an archive (.zip, .tar,
// .tar.gz/.tgz, .tar.xz, .tar.zst, .tar.bz2 via libarchive), as streams: nothing is unpacked
// to disk. Two passes: list() reads only names, types and sizes; read() streams the data.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "batch/batch.h"
#include "batch/entry.h"

namespace paiban::batch {

struct Listing {
  std::string kind;              // "folder", "zip", "tar", "tar.gz", ...
  std::vector<Entry> entries;    // in source order (a folder: sorted by path)
  std::string error, hint;       // the source could not be listed to its end; entries stop there
};

// One entry's bytes, or why they could not be had.
struct Loaded {
  std::string bytes;
  Status status = Status::pending;  // failed or refused when reading hit a problem
  std::string reason, hint;
};

class Source {
 public:
  virtual ~Source() = default;

  // A folder or an archive (recognised by content, not by name). Throws Error (input) when
  // `path` is neither or cannot be opened. `name_encoding` forces the encoding of an archive's
  // names that are not UTF-8 ("" = detect; batch/names.h).
  static std::unique_ptr<Source> open(const std::string& path, const SourceLimits& limits,
                                          const std::string& name_encoding = {});

  // Pass 1: every entry with its stored name, type and declared size. Marks hostile entries
  // refused (links, devices, absolute or '..' paths, an archive expanding past --max-ratio).
  virtual Listing list() = 0;

  // Pass 2: for each entry i (in listing order) with want(i), reads it within the limits and
  // calls take(i, loaded) exactly once; stops when take returns false. Entries that cannot be
  // reached (a damaged archive) are delivered as failed.
  virtual void read(const Listing& listing, const std::function<bool(size_t)>& want,
                    const std::function<bool(size_t, Loaded&&)>& take) = 0;
};

std::unique_ptr<Source> open_folder(const std::string& path, const SourceLimits& limits);
std::unique_ptr<Source> open_archive(const std::string& path, const SourceLimits& limits,
                                         const std::string& name_encoding = {});

}  // namespace paiban::batch
