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

namespace {

// A stream of unknown length: read at most one byte past the limit, so an endless pipe or a
// device like /dev/zero ends in the "input too large" error instead of exhausting memory.
std::string read_stream(std::istream& in, const std::string& name, const Limits& limits) {
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > limits.max_input_bytes)
      throw_limit(name, "input too large", "at least " + format_bytes(bytes.size()), format_bytes(limits.max_input_bytes),
                  "--max-input-size=SIZE (e.g. 100M)");
  }
  return bytes;
}

}  // namespace

std::string read_file_limited(const std::string& path, const Limits& limits) {
  if (path == "-") return read_stream(std::cin, "<stdin>", limits);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int e = errno;
    if (e == ENOENT) throw input_error(path + ": no such file", "check the path");
    throw input_error(path + ": cannot open: " + std::strerror(e), "check the path and its permissions");
  }
  if (S_ISDIR(st.st_mode))
    throw input_error(path + ": is a directory, not a file",
                      "name a file, or use 'paiban batch " + path + " --out DIR' for a whole folder");
  if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {  // a pipe (bash's <(...)) or a device
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path + ": cannot open: " + std::strerror(errno), "check its permissions");
    return read_stream(in, path, limits);
  }
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
