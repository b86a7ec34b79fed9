// FontLibrary::load failing half-way leaks nothing (issue 16, point 2). Its own executable: it
// replaces the global operator new to throw std::bad_alloc at the Nth allocation, for N = 1, 2, …
// until a load succeeds, so every C++ allocation inside load() fails once while HarfBuzz and
// FreeType handles are open. LeakSanitizer judges at exit: the sanitizer build has it built in,
// and tests/CMakeLists.txt preloads GCC's libasan into the ordinary build's run of this test.
// (On the code before issue 16 it reports the hb_face_t and hb_blob_t that load() dropped.)
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <string>

#include "core/error.h"
#include "font/fonts.h"

namespace {

long g_countdown = -1;  // allocations left before one fails; < 0: never fail
bool g_failed = false;

void* allocate(std::size_t n) {
  if (g_countdown >= 0 && g_countdown-- == 0) {
    g_failed = true;
    throw std::bad_alloc();
  }
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";  // fonts-dejavu-core (Makefile)

// Loads kFont with the Nth allocation failing; true when the load went through.
bool load_failing_at(long n) {
  paiban::FontLibrary fonts("/nonexistent/manifest.xml");  // a file face never reads the manifest
  g_failed = false;
  g_countdown = n;
  bool loaded = false;
  try {
    fonts.load_face_file(kFont, 0);
    loaded = !g_failed;
  } catch (const std::bad_alloc&) {
  } catch (const paiban::Error&) {
  }
  g_countdown = -1;
  return loaded;
}

}  // namespace

TEST(FontLoadLeak, FailingHalfWayLeaksNothing) {
  ASSERT_TRUE(std::filesystem::exists(kFont)) << kFont << ": install fonts-dejavu-core (make deps)";
  ASSERT_TRUE(load_failing_at(-1));
  long n = 0;
  while (n < 100000 && !load_failing_at(n)) ++n;
  EXPECT_LT(n, 100000) << "the load never succeeded";
  EXPECT_GT(n, 10) << "too few allocations failed to test anything";
}
