// Ownership of C library handles (HarfBuzz, FreeType, libharu, libdeflate): a unique_ptr whose
// deleter is the library's own destroy function, so a handle cannot leak when something throws.
#pragma once

#include <memory>

namespace paiban {

template <class T, auto Free>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};

// e.g. Owned<hb_buffer_t, hb_buffer_destroy> buf(hb_buffer_create());
template <class T, auto Free>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

}  // namespace paiban
