// write (pdf): laid-out pages → PDF bytes through libharu, fonts subset with hb-subset.
#pragma once

#include <cstddef>
#include <string>

#include "font/fonts.h"
#include "layout/page.h"

namespace paiban {

struct PdfOptions {
  long long creation_epoch = -1;  // seconds since 1970 for /CreationDate; -1: SOURCE_DATE_EPOCH, else no date
  // Fonts and page text are prepared on this many threads (1 or 2); a batch whose pool already
  // fills every core passes 1. The bytes are the same either way.
  int threads = 2;
};

// Where write_pdf spent its time (for the benchmark's time split) and what it made.
struct PdfStats {
  double subset_ms = 0;  // wall time of preparing every face used (on opts.threads): hb-subset,
                         // codes, widths, compressed program, /ToUnicode and CIDToGIDMap
  double embed_ms = 0;   // building the fonts' libharu objects from those
  double content_ms = 0; // pages: boxes, rules, glyph text
  double save_ms = 0;    // libharu serialising + compressing, copied out of its memory stream
  size_t fonts = 0;      // faces embedded
  size_t glyphs = 0;     // distinct glyphs over all subsets
  size_t font_bytes = 0; // subset font programs, before compression
  size_t bytes = 0;      // the PDF
};

// Fonts embedded as subsets (Type0, Identity-H, ToUnicode), compression on, byte-identical for
// identical input. Throws Error on failure. `stats`, when given, receives the time split.
std::string write_pdf(const LaidOutDocument& doc, const FontLibrary& fonts, const PdfOptions& opts = {},
                      PdfStats* stats = nullptr);

}  // namespace paiban
