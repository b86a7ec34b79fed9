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

// The process umask, read once (reading it means setting it, so never per call while threads write).
mode_t process_umask() {
  static const mode_t mask = [] {
    mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  return mask;
}

// Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written in place: renaming a temp
// file over them would replace the device node.
void write_in_place(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0 || !write_all(fd, bytes)) {
    int e = errno;
    if (fd >= 0) ::close(fd);
    throw Error(ExitCode::internal, path + ": cannot write: " + std::strerror(e), "check the output path");
  }
  ::close(fd);
}

}  // namespace

void try_write_file_atomic(const std::string& path, std::string_view bytes, bool sync) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, bytes))
      throw Error(ExitCode::internal, "<stdout>: cannot write: " + std::string(std::strerror(errno)));
    return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(path);
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode))
      throw input_error(path + ": is a directory", "name an output file, not a folder");
    write_in_place(path, bytes);
    return;
  }
  // A symlink keeps pointing at the file it names: the rename replaces the file, not the link.
  if (exists && fs::is_symlink(target, ec)) target = fs::canonical(target, ec);
  mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~process_umask());
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
  ::fchmod(fd, mode);
  ::close(fd);
  if (!ok || std::rename(tmpl.c_str(), target.c_str()) != 0) {
    if (ok) saved = errno;
    ::unlink(tmpl.c_str());
    throw Error(ExitCode::internal, path + ": cannot write output: " + std::strerror(saved),
                "check free disk space and permissions");
  }
}

}  // namespace paiban
