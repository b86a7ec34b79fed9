// typeset: Document + Style → PDF bytes (the steps: typeset.cpp).
#pragma once

#include <string>

#include "core/document.h"
#include "font/fonts.h"
#include "layout/layout.h"

namespace paiban {

struct Style;  // style/style.h

// The whole path: layout + PDF bytes (deterministic; honours SOURCE_DATE_EPOCH).
std::string typeset_pdf(const Document& doc, const Style& style, const FontLibrary& fonts,
                        const TypesetOptions& opts, TypesetReport* report);

}  // namespace paiban
