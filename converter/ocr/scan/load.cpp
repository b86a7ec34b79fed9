// load: the scan module (engine/, libpaiban_scan.so) with dlopen on first need, as
// batch/libarchive.cpp does for libarchive: Tesseract, Leptonica and poppler bring ~60 shared
// libraries that a text-only command would otherwise load at every start.
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "ocr/scan/scan.h"

namespace paiban::scan {

namespace {

using Create = decltype(&::paiban_scan_create_engine);

constexpr const char* kModule = "libpaiban_scan.so";

// $PAIBAN_SCAN_MODULE, then beside the program (build tree), one folder up (tests/ and bench/
// of a build tree), then PREFIX/lib/paiban (installed beside PREFIX/bin/paiban).
std::vector<std::string> candidates() {
  std::vector<std::string> c;
  if (const char* env = std::getenv("PAIBAN_SCAN_MODULE"); env && *env) c.emplace_back(env);
  namespace fs = std::filesystem;
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto dir = exe.parent_path();
    c.push_back((dir / kModule).string());
    c.push_back((dir.parent_path() / kModule).string());
    c.push_back((dir.parent_path() / "lib" / "paiban" / kModule).string());
  }
  return c;
}

Create load() {
  // Each engine runs Tesseract on one thread (a batch's --jobs means cores): libgomp reads this
  // when it is loaded, which is now; a user's own setting is kept.
  ::setenv("OMP_THREAD_LIMIT", "1", 0);
  std::string why;
  for (const auto& path : candidates()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    // RTLD_NODELETE: engines made from it live until exit; never dlclose'd.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
      if (const char* e = ::dlerror()) why = e;
      continue;
    }
    if (void* f = ::dlsym(handle, "paiban_scan_create_engine")) return reinterpret_cast<Create>(f);
    why = path + " has no paiban_scan_create_engine (a module from another paiban version?)";
  }
  if (why.empty()) why = std::string(kModule) + " not found beside the program or in ../lib/paiban";
  throw Error(ExitCode::internal, "cannot load the scan module, needed to read images and PDFs: " + why,
              "install the Debian packages libtesseract5, liblept5 and libpoppler-cpp0v5 (make deps does) "
              "and reinstall paiban, or set PAIBAN_SCAN_MODULE to the module's path");
}

}  // namespace

std::unique_ptr<Engine> create_engine(const Options& options) {
  static std::once_flag once;
  static Create create = nullptr;
  std::call_once(once, [] { create = load(); });  // a failed load throws and is tried again next call
  std::string error, hint;
  Engine* e = create(&options, &error, &hint);
  if (!e) throw Error(ExitCode::input, error, hint);
  return std::unique_ptr<Engine>(e);
}

}  // namespace paiban::scan
