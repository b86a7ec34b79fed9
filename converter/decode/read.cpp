// Reading input files whole, with errors a person can act on.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/error.h"
#include "decode/decode.h"

namespace paiban {

std::string try_read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
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
