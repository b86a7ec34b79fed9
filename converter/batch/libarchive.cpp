#include "batch/libarchive.h"

#include <dlfcn.h>

#include <string>

#include "core/error.h"

namespace paiban::batch {

namespace {

// Debian 12's soname (package libarchive13); the unversioned name covers a development install.
constexpr const char* kSonames[] = {"libarchive.so.13", "libarchive.so"};

LibArchive load() {
  void* handle = nullptr;
  std::string why;
  for (const char* name : kSonames) {
    // RTLD_NODELETE: the functions stay valid for the whole process; never dlclose'd.
    if ((handle = ::dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE))) break;
    if (const char* e = ::dlerror()) why = e;
  }
  if (!handle) {
    throw Error(ExitCode::internal, "cannot load libarchive, needed to read archives: " + why,
                "install the Debian package libarchive13 (make deps does), or pass a folder instead");
  }
  LibArchive lib;
  auto need = [&](const char* symbol) {
    void* f = ::dlsym(handle, symbol);
    if (!f) {
      throw Error(ExitCode::internal, std::string("libarchive has no ") + symbol + " (too old?)",
                  "install Debian 12's libarchive13 or a newer one");
    }
    return f;
  };
#define PAIBAN_LIBARCHIVE_LOAD(name) \
  lib.name = reinterpret_cast<decltype(lib.name)>(need("archive_" #name));
  PAIBAN_LIBARCHIVE_FUNCTIONS(PAIBAN_LIBARCHIVE_LOAD)
#undef PAIBAN_LIBARCHIVE_LOAD
  return lib;
}

}  // namespace

const LibArchive& load_libarchive() {
  static const LibArchive lib = load();  // a failed load throws and is tried again next call
  return lib;
}

}  // namespace paiban::batch
