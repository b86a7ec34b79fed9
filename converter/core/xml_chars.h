// Character-level checks on XML input (article XML, styles, OCR layouts) that pugixml leaves to the caller (XML 1.0 §2.2 Char,
// https://www.w3.org/TR/xml/#charsets): the bytes must be UTF-8 and every character, literal or
// written as a reference, must be one XML allows and a typesetter can use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/limits.h"

namespace paiban::xml_chars {

struct Problem {
  size_t offset = std::string_view::npos;  // byte offset into the checked buffer; npos = none
  std::string what, hint;
  explicit operator bool() const { return offset != std::string_view::npos; }
};

// The raw file: UTF-8 validity, literal control characters, references to U+0000 (which pugixml
// would turn into a silent end of string), and an encoding declaration other than UTF-8.
// `kind` names the input in messages ("article XML", "hOCR").
Problem check_raw(std::string_view bytes, const char* kind = "article XML");

// A parsed text or attribute value (character references expanded): "" when acceptable, else
// what is wrong. `text` allows tab and line feed (element content); attribute values allow none.
std::string check_value(std::string_view value, bool text);

// A linear pre-scan of the raw XML, before pugixml builds a tree: element nesting deeper than
// limits.max_depth or more elements than limits.max_blocks is refused (core/xml_nesting.cpp).
// Returns the offending element's offset and the limit's message (core/limits.h wording).
Problem check_nesting(std::string_view bytes, const Limits& limits);

// Position of the first of `chars` at or after `from` outside '…' and "…" strings (attribute
// values, DTD ids may hold '>'); npos when none.
size_t find_unquoted(std::string_view b, size_t from, std::string_view chars);

// Input quoted in an error message: one line, at most `max` characters ("…" marks the cut),
// control characters shown as U+XXXX, so a hostile value cannot flood or break the message.
std::string excerpt(std::string_view s, size_t max = 40);

// Text written into XML or HTML by hand (element content or a "…" attribute value): & < > "
// as references (XML 1.0 §2.4); everything else, UTF-8 included, as it is.
std::string escape(std::string_view s);

}  // namespace paiban::xml_chars
