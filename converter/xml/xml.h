// write/read (xml): Document ⇄ article XML (DESIGN.md §2, schema/article.rng).
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "core/limits.h"

namespace paiban {

// Serialises faithfully: read_xml(write_xml(d)) == d.
std::string write_xml(const Document& doc);

// Parses article XML. Malformed or invalid XML throws Error "name:line:column: what is wrong".
// Enforces limits.max_input_bytes, max_depth (element nesting) and max_blocks (elements).
// Only UTF-8 is read; DTDs are refused, so no entity is ever expanded.
Document read_xml(std::string_view bytes, const std::string& name, const Limits& limits = {});

}  // namespace paiban
