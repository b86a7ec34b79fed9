// decode (detect): which encoding are these bytes in? BOM first, then UTF-8 validity, then
// ICU's charset detector between GB18030 and Big5, confirmed by a strict trial decode.
#pragma once

#include <string>
#include <string_view>

#include "core/utf8.h"  // scan_utf8

namespace paiban {

struct Encoding {
  const char* name;  // canonical, as shown to users
  const char* icu;   // ICU converter name
};

// Looks up a user-given name (case and '-'/'_' insensitive; aliases like gb2312, cp936, utf8).
// Returns nullptr when unknown.
const Encoding* find_encoding(std::string_view name);
// An encoding name as find_encoding compares it: lower case, without '-' and '_'.
std::string fold_encoding_name(std::string_view name);
std::string known_encoding_names();  // "UTF-8, UTF-16LE, ..." for hints

struct Detection {
  const Encoding* encoding;
  size_t bom = 0;  // bytes of byte-order mark to skip
};

// Throws Error for binary data (NUL bytes outside UTF-16).
Detection detect_encoding(std::string_view bytes, const std::string& name);

}  // namespace paiban
