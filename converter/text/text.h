// write (text): Document → clean text.
#pragma once

#include <string>

#include "core/document.h"

namespace paiban {

struct TextOptions {
  int width = 0;         // 0: a paragraph on one line; N: rewrap to N display columns (clreq rules)
  bool pangu = false;    // put a space between Han and Latin/digits
  bool furniture = false;  // a scanned page's running heads and folios too, each marked with its role
};

// Blocks separated by one empty line, heading lines on their own lines. A scanned page: its
// articles in reading order, each headline first, a line "* * *" between two articles; pages
// separated by a form feed (as pdftotext does). Furniture only with `furniture`, as
// "[running-head] text" lines at the top of its page.
std::string write_text(const Document& doc, const TextOptions& opts = {});

}  // namespace paiban
