#include "batch/sources.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace paiban::batch {

std::unique_ptr<Source> Source::open(const std::string& path, const SourceLimits& limits,
                                         const std::string& name_encoding) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    throw input_error(path + ": cannot open: " + std::strerror(errno),
                      "give a folder or an archive (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.zst)");
  if (S_ISDIR(st.st_mode)) return open_folder(path, limits);
  if (!S_ISREG(st.st_mode))
    throw input_error(path + ": not a folder or a regular file",
                      "give a folder or an archive (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.zst)");
  return open_archive(path, limits, name_encoding);
}

}  // namespace paiban::batch
