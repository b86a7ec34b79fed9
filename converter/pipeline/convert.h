// The per-article pipeline every command goes through (reflow, text, typeset, convert, batch):
// bytes → Document (load.cpp: raw text, article XML, an OCR layout or a scan) → XML, clean text
// and PDF, as asked (convert.cpp).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/limits.h"
#include "layout/layout.h"
#include "reflow/reflow.h"
#include "ocr/scan/scan.h"
#include "text/text.h"

namespace paiban {

class FontLibrary;
struct Style;

struct ConvertOptions {
  std::string encoding;  // forced input encoding; "" = detect
  std::string lang;      // forced language tag (--lang: zh-Hans, zh-Hant, zh-Hant-HK, …); "" = detect
  bool xml = true, txt = true, pdf = true;
  bool nitf = false, html = false;  // xml/formats.h: NITF 3.6 per article, one HTML5 page
  TextOptions text;
  Limits limits;  // input size, line length, blocks, XML depth, pages (core/limits.h)
  int pdf_threads = 2;  // threads one PDF is written on; a batch pool that fills every core sets 1
  scan::Options scan;   // how scans are read (--ocr-lang, --dpi, --psm, --max-pixels, --keep-ocr)
  bool debug_dump = false;  // typeset --debug-dump: Converted::typeset.debug_dump, a line per laid-out line
  bool gray = false;        // typeset --gray: colour pictures made gray
};

// What reading a scan found, per page: for --verbose and batch reports.
struct ScanPageStat {
  int number = 0;      // 1-based page of the file
  std::string via;     // "ocr" or "text layer"
  size_t words = 0;
  float conf = -1;     // mean word confidence 0–100; -1 unknown (a text layer)
  int articles = 0;    // articles found on it
  std::map<std::string, int> repairs;  // OCR repairs made on it, by kind
};
struct ScanLoad {
  std::vector<ScanPageStat> pages;  // empty when the input was no scan
  std::string kept;                 // the engine's view as hOCR/ALTO (ScanOptions::keep), else ""
};

struct Converted {
  Document doc;
  std::string xml, txt, pdf;          // empty when not asked for
  std::vector<std::string> nitf;      // one per article, when asked for
  std::string html;
  std::vector<std::string> warnings;  // OCR repairs made, missing glyphs, ... (one line each)
  std::map<std::string, int> repairs; // OCR repairs made, by kind (ReflowReport::repairs)
  int articles = 0;                   // 1, or the articles of a scanned page (or pages)
  ScanLoad scan;                      // pages read when the input was a scan
  ReflowReport reflow;                // what reflow found and repaired (reflow --verbose)
  TypesetReport typeset;              // when pdf: warnings (also in `warnings`), debug dump, timings
};

// How many articles a Document holds: 1, or those of every page.
int count_articles(const Document& doc);

// Raw text (any supported encoding), article XML, an OCR layout or a scan (an image or a PDF: read
// through `session`, or one made with default options) → Document. Throws Error on bad input,
// including input past `limits` (size, line length, block count, XML nesting).
Document load_document(std::string_view bytes, const std::string& name,
                           const std::string& encoding, ReflowReport* report, const Limits& limits = {},
                           scan::Session* session = nullptr, ScanLoad* load = nullptr);

// A scan → Document: every page read by the session's engine (OCR or a PDF's text layer), then
// reflowed. Throws Error naming each page that cannot be read, or when no page holds text.
Document load_scan(std::string_view bytes, const std::string& name, scan::Session& session,
                       ReflowReport* report, ScanLoad* load);

class Converter {
 public:
  // Loads the style and its fonts once (only when pdf output is wanted); afterwards convert()
  // is safe to call from many threads at once.
  static Converter create(const std::string& style, bool need_pdf);
  Converter(Converter&&) noexcept;
  ~Converter();

  // `name` is the input's file name, used in messages and <article source>.
  // `session` reads scans (one per thread: it holds a Tesseract instance); nullptr makes one
  // from opts.scan when the input is a scan.
  Converted convert(std::string_view bytes, const std::string& name, const ConvertOptions& opts,
                    scan::Session* session = nullptr) const;

 private:
  Converter();
  std::unique_ptr<FontLibrary> fonts_;
  std::unique_ptr<Style> style_;
};

}  // namespace paiban
