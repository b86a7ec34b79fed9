// layout: Document + Style → laid-out pages (pipeline/typeset.h goes on to the PDF).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/image.h"
#include "core/limits.h"
#include "font/fonts.h"
#include "layout/page.h"

namespace paiban {

struct Style;  // style/style.h

// Where the time goes (milliseconds, accumulated over calls): for benchmarks.
struct TypesetTimings {
  double shape_ms = 0;     // HarfBuzz shaping of every block
  double break_ms = 0;     // itemising and line breaking
  double paginate_ms = 0;  // columns, pages and drawing into page coordinates
  double subset_ms = 0;    // font subsetting (typeset_pdf only)
  double write_ms = 0;     // the rest of PDF writing (typeset_pdf only)
};

struct TypesetReport {
  std::vector<std::string> warnings;  // missing glyphs (char, U+code, block, source line), overfull lines
  std::vector<std::string> notes;     // choices made (--verbose): the faces each article is set in
  std::string debug_dump;             // filled when TypesetOptions::debug: one line per laid-out line
  TypesetTimings timings;
};

struct TypesetOptions {
  bool debug = false;
  Limits limits;  // max_pages: pagination stops with an Error past it (core/limits.h)
  int pdf_threads = 2;  // PdfOptions::threads
  const Images* images = nullptr;  // the pictures the article's figures name (pipeline/images.h)
};

// Receives each page as soon as it is drawn; the page is not kept after the call.
using PageSink = std::function<void(const LaidOutPage&)>;

// Lays out the article page by page into `sink` (pipeline/typeset.h hands them to the PDF writer
// as they come); returns /Info and the outline. `fonts` is shared read-only between threads except
// for loading: call prepare_fonts(style, fonts) once before using it from several threads.
DocumentInfo layout_pages(const Document& doc, const Style& style, const FontLibrary& fonts,
                          const TypesetOptions& opts, TypesetReport* report, const PageSink& sink);
// The same with every page kept (tests, the debug dump).
LaidOutDocument layout_document(const Document& doc, const Style& style, const FontLibrary& fonts,
                                 const TypesetOptions& opts, TypesetReport* report);
void prepare_fonts(const Style& style, FontLibrary& fonts);

// Where the article's figures end at the top of each column of `style` (pt below the head), or
// empty when it has none: what make-up needs to know of a module's pictures.
std::vector<float> figure_depths(const Document& doc, const Style& style, const FontLibrary& fonts,
                                 const Images* images);

}  // namespace paiban
