// Reading input files whole, with errors a person can act on.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "core/error.h"
#include "decode/decode.h"

namespace paiban {

std::string try_read_file(const std::string& path, const Limits& limits) {
  if (path == "-") {  // read at most one byte past the limit, so a endless pipe cannot exhaust memory
    std::string bytes;
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (bytes.size() > limits.max_input_bytes) break;
    }
    check_input_size(bytes.size(), "<stdin>", limits);
    return bytes;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int e = errno;
    if (e == ENOENT) throw input_error(path + ": no such file", "check the path");
    throw input_error(path + ": cannot open: " + std::strerror(e), "check the path and its permissions");
  }
  if (S_ISDIR(st.st_mode))
    throw input_error(path + ": is a directory, not a file",
                      "name a file, or use 'paiban batch " + path + " --out DIR' for a whole folder");
  if (!S_ISREG(st.st_mode))
    throw input_error(path + ": not a regular file", "name a text or XML file");
  check_input_size(static_cast<uint64_t>(st.st_size), path, limits);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(path + ": cannot open: " + std::strerror(errno), "check its permissions");
  std::string bytes;
  bytes.resize(static_cast<size_t>(st.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<size_t>(in.gcount()) != bytes.size())
    throw input_error(path + ": read failed", "the file changed while being read; try again");
  return bytes;
}

}  // namespace paiban
