// One FontLibrary for the whole test binary: each face is loaded once, as a Typesetter loads it,
// and read-only after the chains a test asks for are loaded.
#pragma once

#include "font/fonts.h"

namespace paiban::test {

inline FontLibrary& fonts() {
  static FontLibrary lib;
  return lib;
}

}  // namespace paiban::test
