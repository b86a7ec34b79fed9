// write (text): Document → clean text.
#pragma once

#include <string>

#include "core/document.h"

namespace paiban {

struct TextOptions {
  int width = 0;         // 0: a paragraph on one line; N: rewrap to N display columns (clreq rules)
  bool pangu = false;    // put a space between Han and Latin/digits
};

// Blocks separated by one empty line, heading lines on their own lines.
std::string write_text(const Document& doc, const TextOptions& opts = {});

}  // namespace paiban
