// Memory-mapped font files: FreeType and HarfBuzz read straight from the page cache.
#include "font/font_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace paiban {

std::shared_ptr<const MappedFile> MappedFile::open(const std::string& path) {
  // O_NONBLOCK: a style naming a FIFO as its font must fail below, not wait forever in open().
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    throw input_error(path + ": cannot open font file: " + std::strerror(errno),
                      "check the path in the style or in fonts/manifest.xml");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    throw input_error(path + ": not a font file (empty or not a regular file)",
                      "point the style at a .ttf, .otf or .ttc file");
  }
  size_t n = static_cast<size_t>(st.st_size);
  void* p = ::mmap(nullptr, n, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) {
    throw Error(ExitCode::internal, path + ": cannot map font file: " + std::strerror(errno));
  }
  return std::shared_ptr<const MappedFile>(new MappedFile(static_cast<const char*>(p), n));
}

MappedFile::~MappedFile() { ::munmap(const_cast<char*>(data_), size_); }

}  // namespace paiban
