// decode: bytes as they come from a file → UTF-8 text split into source lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"

namespace paiban {

struct Decoded {
  std::string encoding;             // canonical name of what was detected or forced: "UTF-8", "GB18030", ...
  std::vector<std::string> lines;   // UTF-8, NFC, without line terminators; line i is source line i+1
};

// Reads a whole file ("-" = stdin). Throws Error naming the file and what to do, also when it is
// larger than limits.max_input_bytes (checked before reading it).
std::string read_file_limited(const std::string& path, const Limits& limits = {});

// Detects (or, when `forced` is non-empty, uses) the encoding and decodes strictly:
// an invalid byte sequence throws Error with its line number and byte offset.
// `name` is used in messages. Accepts LF, CRLF and CR line ends. Enforces limits.max_input_bytes
// and limits.max_line_bytes (of each decoded line, as UTF-8).
Decoded decode_bytes(std::string_view bytes, const std::string& name, const std::string& forced = {},
                   const Limits& limits = {});

// "B3 5C A5 5C": bytes in hex for messages and reports.
std::string hex_bytes(std::string_view bytes);

// True when `bytes` looks like article XML (after an optional BOM and whitespace, starts with '<').
bool looks_like_xml(std::string_view bytes);

}  // namespace paiban
