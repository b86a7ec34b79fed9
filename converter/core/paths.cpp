#include "core/paths.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

namespace paiban {

std::string library_dir() {
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(&library_dir), &info) == 0 || !info.dli_fname) return {};
  std::error_code ec;
  auto path = std::filesystem::canonical(info.dli_fname, ec);
  return ec ? std::string() : path.parent_path().string();
}

std::string data_dir() {
  if (const char* env = std::getenv("PAIBAN_DATA_DIR"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  // Installed layout: PREFIX/bin/paiban → PREFIX/share/paiban.
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto share = exe.parent_path().parent_path() / "share" / "paiban";
    if (fs::is_directory(share, ec)) return share.string();
  }
  // A program using the installed libpaiban.so (PREFIX/lib, PREFIX/lib/TRIPLET) or the Python
  // module (PREFIX/lib/python3.X/dist-packages): PREFIX/share/paiban a few folders up.
  if (auto lib = library_dir(); !lib.empty()) {
    fs::path dir = lib;
    for (int up = 0; up < 3 && dir.has_parent_path() && dir != dir.parent_path(); ++up) {
      dir = dir.parent_path();
      if (fs::is_directory(dir / "share" / "paiban", ec)) return (dir / "share" / "paiban").string();
    }
  }
  // A build tree: the source tree's data. After the installed places, so an installed copy (a
  // .deb unpacked anywhere) uses its own data even where the source tree is still present.
#ifdef PAIBAN_SOURCE_DIR
  if (fs::is_directory(fs::path(PAIBAN_SOURCE_DIR) / "styles", ec) ||
      fs::is_directory(fs::path(PAIBAN_SOURCE_DIR) / "fonts", ec))
    return PAIBAN_SOURCE_DIR;
#endif
  return "/usr/local/share/paiban";
}

std::string data_path(const std::string& rel) { return data_dir() + "/" + rel; }

}  // namespace paiban
