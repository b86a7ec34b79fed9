// libarchive, loaded with dlopen the first time a batch opens an archive instead of linked into
// the program: it brings nine shared libraries (compressors, nettle, libxml2 and through it ICU)
// whose loading cost every `paiban typeset` ~3 ms of its start-up (issue 4's 40 ms budget).
#pragma once

#include <archive.h>
#include <archive_entry.h>

namespace paiban::batch {

// The libarchive functions the batch reader calls, as `archive_<name>`.
#define PAIBAN_LIBARCHIVE_FUNCTIONS(X)                                                       \
  X(read_new) X(read_free) X(read_open_filename) X(read_next_header) X(read_data)            \
  X(read_support_format_zip) X(read_support_format_tar) X(read_support_format_gnutar)        \
  X(read_support_filter_gzip) X(read_support_filter_xz) X(read_support_filter_zstd)          \
  X(read_support_filter_bzip2) X(error_string) X(format) X(filter_code) X(filter_bytes)      \
  X(entry_hardlink) X(entry_symlink) X(entry_filetype) X(entry_pathname)                     \
  X(entry_pathname_utf8) X(entry_size) X(entry_size_is_set)

struct LibArchive {
#define PAIBAN_LIBARCHIVE_MEMBER(name) decltype(&::archive_##name) name = nullptr;
  PAIBAN_LIBARCHIVE_FUNCTIONS(PAIBAN_LIBARCHIVE_MEMBER)
#undef PAIBAN_LIBARCHIVE_MEMBER
};

// Loaded once per process (thread-safe), then read-only. Throws Error naming the library and the
// Debian package when it cannot be loaded.
const LibArchive& load_libarchive();

}  // namespace paiban::batch
