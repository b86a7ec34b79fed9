// write_nitf / write_html: a Document in the formats other programs take in — IPTC NITF 3.6 for
// news archives, a standalone HTML5 page for the web (docs/formats.md gives the mapping).
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace paiban {

// One NITF 3.6 document per article: one for an article, one per <article> of every page.
std::vector<std::string> write_nitf(const Document& doc);

// One HTML5 page holding the article, or every article of the pages, each as an <article>.
std::string write_html(const Document& doc);

}  // namespace paiban
