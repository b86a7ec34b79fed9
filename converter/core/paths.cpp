#include "core/paths.h"

#include <cstdlib>
#include <filesystem>

namespace paiban {

std::string data_dir() {
  if (const char* env = std::getenv("PAIBAN_DATA_DIR"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
#ifdef PAIBAN_SOURCE_DIR
  if (fs::is_directory(fs::path(PAIBAN_SOURCE_DIR) / "styles", ec) ||
      fs::is_directory(fs::path(PAIBAN_SOURCE_DIR) / "fonts", ec))
    return PAIBAN_SOURCE_DIR;
#endif
  // Installed layout: PREFIX/bin/paiban → PREFIX/share/paiban.
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto share = exe.parent_path().parent_path() / "share" / "paiban";
    if (fs::is_directory(share, ec)) return share.string();
  }
  return "/usr/local/share/paiban";
}

std::string data_path(const std::string& rel) { return data_dir() + "/" + rel; }

}  // namespace paiban
