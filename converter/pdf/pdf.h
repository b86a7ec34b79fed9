// write (pdf): laid-out pages → PDF bytes through libharu, fonts subset with hb-subset.
#pragma once

#include <string>

#include "layout/fonts.h"
#include "layout/page.h"

namespace paiban {

struct PdfOptions {
  long long creation_epoch = -1;  // seconds since 1970 for /CreationDate; -1: SOURCE_DATE_EPOCH or 0
};

// Fonts embedded as subsets (Type0, Identity-H, ToUnicode), compression on, byte-identical for
// identical input. Throws Error on failure.
std::string write_pdf(const LaidOutDocument& doc, const FontLibrary& fonts, const PdfOptions& opts = {});

}  // namespace paiban
