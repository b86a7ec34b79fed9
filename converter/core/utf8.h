// UTF-8 validity in one pass, shared by encoding detection (decode/) and the XML checks
// (core/xml_chars.h).
#pragma once

#include <cstddef>
#include <string_view>

namespace paiban {

// First invalid UTF-8 offset (npos when valid) and how many valid multi-byte sequences precede
// the end. Used for detection and for the error message.
struct Utf8Scan {
  size_t first_invalid = std::string_view::npos;
  size_t invalid = 0;
  size_t multibyte = 0;
  size_t multibyte_bytes = 0;  // bytes inside those valid multi-byte sequences
  size_t high_bytes = 0;       // bytes >= 0x80, valid or not
};
Utf8Scan scan_utf8(std::string_view bytes);

}  // namespace paiban
