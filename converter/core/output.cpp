#include "core/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace paiban {

namespace {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

void try_write_file_atomic(const std::string& path, std::string_view bytes, bool sync) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, bytes))
      throw Error(ExitCode::internal, "<stdout>: cannot write: " + std::string(std::strerror(errno)));
    return;
  }
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  std::string tmpl = (target.has_parent_path() ? target.parent_path().string() + "/" : std::string()) +
                     "." + target.filename().string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0)
    throw Error(ExitCode::internal, path + ": cannot create output: " + std::strerror(errno),
                "check that the folder exists and is writable");
  bool ok = write_all(fd, bytes);
  int saved = errno;
  if (sync) ok = (::fsync(fd) == 0 || errno == EINVAL) && ok;
  ::fchmod(fd, 0644);
  ::close(fd);
  if (!ok || std::rename(tmpl.c_str(), path.c_str()) != 0) {
    if (ok) saved = errno;
    ::unlink(tmpl.c_str());
    throw Error(ExitCode::internal, path + ": cannot write output: " + std::strerror(saved),
                "check free disk space and permissions");
  }
}

}  // namespace paiban
