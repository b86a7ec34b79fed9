// complete: is a PNG or JPEG whole? Checked before decoding, because libpng and libjpeg print
// their complaints about a cut or damaged file on stderr (outside paiban's one error line), and a
// truncated file is the common case: a copy that stopped, an upload cut short.
#include <libdeflate.h>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

uint32_t be32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) << 24 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8 | static_cast<unsigned char>(b[at + 3]);
}

}  // namespace

// PNG (www.w3.org/TR/png/#5Chunk-layout): after the signature, chunks of length, type, data and
// a CRC-32 of type and data, up to IEND. Whole when every chunk fits and its CRC is right.
bool png_complete(std::string_view b) {
  size_t at = 8;
  while (at + 12 <= b.size()) {
    const uint32_t length = be32(b, at);
    if (length > 0x7fffffffu || b.size() - at - 12 < length) return false;
    const uint32_t crc = libdeflate_crc32(0, b.data() + at + 4, 4 + length);
    if (crc != be32(b, at + 8 + length)) return false;
    if (b.compare(at + 4, 4, "IEND") == 0) return true;
    at += 12 + length;
  }
  return false;
}

// JPEG (ITU T.81 B.2.1): the image ends with the EOI marker FF D9; some scanners pad after it.
bool jpeg_complete(std::string_view b) {
  const size_t from = b.size() > 4096 ? b.size() - 4096 : 0;
  for (size_t i = b.size(); i-- > from + 1;)
    if (static_cast<unsigned char>(b[i - 1]) == 0xFF && static_cast<unsigned char>(b[i]) == 0xD9) return true;
  return false;
}

}  // namespace paiban::scan::engine
