// write (pdf): laid-out pages → PDF bytes through libharu, fonts subset with hb-subset.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "font/fonts.h"
#include "layout/page.h"

namespace paiban {

struct PdfOptions {
  long long creation_epoch = -1;  // seconds since 1970 for /CreationDate; -1: SOURCE_DATE_EPOCH, else no date
  // Fonts are prepared on this many threads (1 or 2); a batch whose pool already fills every core
  // passes 1. The bytes are the same either way.
  int threads = 2;
};

// Where write_pdf spent its time (for the benchmark's time split) and what it made.
struct PdfStats {
  double subset_ms = 0;  // wall time of preparing every face used (on opts.threads): hb-subset,
                         // codes, widths, compressed program, /ToUnicode and CIDToGIDMap
  double embed_ms = 0;   // building the fonts' libharu objects from those
  double content_ms = 0; // pages: boxes, rules, glyph text (built and deflated as pages are added)
  double save_ms = 0;    // libharu serialising + compressing, copied out of its memory stream
  size_t fonts = 0;      // faces embedded
  size_t glyphs = 0;     // distinct glyphs over all subsets
  size_t font_bytes = 0; // subset font programs, before compression
  size_t bytes = 0;      // the PDF
};

// A PDF written page by page: each page's text is built and deflated when the page is added,
// and the page itself is not kept, so a long document is never held laid out whole (a page costs
// its compressed text until finish; docs/batch.md "Memory"). finish() subsets the fonts and saves.
// Fonts embedded as subsets (Type0, Identity-H, ToUnicode), compression on, byte-identical for
// identical input. Throws Error on failure.
class PdfWriter {
 public:
  explicit PdfWriter(const FontLibrary& fonts, const PdfOptions& opts = {});
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;
  void add_page(const LaidOutPage& page);
  // The whole PDF; `stats`, when given, receives the time split. Call once.
  std::string finish(const DocumentInfo& info, PdfStats* stats = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A laid-out document at once: PdfWriter over its pages.
std::string write_pdf(const LaidOutDocument& doc, const FontLibrary& fonts, const PdfOptions& opts = {},
                      PdfStats* stats = nullptr);

}  // namespace paiban
