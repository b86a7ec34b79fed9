// scan (utf8): RFC 3629 well-formedness (no overlongs, surrogates or code points past U+10FFFF).
#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace paiban {

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char b = p[i];
    if (b < 0x80) {
      // Eight ASCII bytes at a time: XML markup and coordinates are mostly ASCII.
      uint64_t w;
      while (i + 8 <= s.size() && (std::memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0)) i += 8;
      if (i < s.size() && p[i] < 0x80) ++i;
      continue;
    }
    size_t len = (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {  // no overlongs or surrogates
      ok = !(b == 0xE0 && p[i + 1] < 0xA0) && !(b == 0xED && p[i + 1] >= 0xA0);
    } else if (ok && len == 4) {
      ok = !(b == 0xF0 && p[i + 1] < 0x90) && !(b == 0xF4 && p[i + 1] >= 0x90);
    }
    r.high_bytes += 1;
    if (ok) {
      ++r.multibyte;
      r.multibyte_bytes += len;
      r.high_bytes += len - 1;
      i += len;
    } else {
      if (r.first_invalid == std::string_view::npos) r.first_invalid = i;
      ++r.invalid;
      ++i;
    }
  }
  return r;
}

}  // namespace paiban
