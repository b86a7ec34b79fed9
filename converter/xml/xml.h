// write/read (xml): Document ⇄ article XML (DESIGN.md §2, schema/article.rng).
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace paiban {

// Serialises faithfully: read_xml(write_xml(d)) == d.
std::string write_xml(const Document& doc);

// Parses article XML. Malformed or invalid XML throws Error "name:line:column: what is wrong".
Document try_read_xml(std::string_view bytes, const std::string& name);

}  // namespace paiban
