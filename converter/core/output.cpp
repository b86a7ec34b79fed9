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

// A name too long is the source's doing, not the disk's: say so.
std::string write_hint(int err) {
  if (err == ENAMETOOLONG)
    return "the name is longer than the file system allows (255 bytes per name, 4096 per path); shorten it";
  return "check free disk space and permissions";
}

// Writes a temp file beside `target` and renames it over `target` (which the rename replaces,
// whatever it is: a link is replaced, not followed).
void write_and_rename(const std::string& path, const std::filesystem::path& target, mode_t mode,
                      std::string_view bytes, bool sync) {
  std::string tmpl = (target.has_parent_path() ? target.parent_path().string() + "/" : std::string()) +
                     "." + target.filename().string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    int e = errno;
    throw Error(ExitCode::internal, path + ": cannot create output: " + std::strerror(e),
                e == ENAMETOOLONG ? write_hint(e) : "check that the folder exists and is writable");
  }
  bool ok = write_all(fd, bytes);
  int saved = errno;
  if (sync) ok = (::fsync(fd) == 0 || errno == EINVAL) && ok;
  ::fchmod(fd, mode);
  ::close(fd);
  if (!ok || std::rename(tmpl.c_str(), target.c_str()) != 0) {
    if (ok) saved = errno;
    ::unlink(tmpl.c_str());
    throw Error(ExitCode::internal, path + ": cannot write output: " + std::strerror(saved), write_hint(saved));
  }
}

}  // namespace

void write_file_atomic(const std::string& path, std::string_view bytes, bool sync) {
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
  write_and_rename(path, target, mode, bytes, sync);
}

void replace_file_atomic(const std::string& path, std::string_view bytes, bool sync, bool refuse_other) {
  struct stat st {};
  bool exists = ::lstat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode) && (refuse_other || S_ISDIR(st.st_mode))) {
    const char* what = S_ISLNK(st.st_mode)    ? "a symbolic link"
                       : S_ISDIR(st.st_mode)  ? "a folder"
                       : S_ISFIFO(st.st_mode) ? "a named pipe (FIFO)"
                                              : "a device or socket";
    throw Error(ExitCode::internal, path + ": " + what + " is where this output goes",
                "remove it; paiban writes only regular files here and never follows a link or opens a pipe");
  }
  mode_t mode = exists && S_ISREG(st.st_mode) ? (st.st_mode & 07777) : (0666 & ~process_umask());
  write_and_rename(path, std::filesystem::path(path), mode, bytes, sync);
}

}  // namespace paiban
