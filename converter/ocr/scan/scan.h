// Scans in: page images (PNG, JPEG, TIFF, PNM) and PDFs → OCR pages (ocr/page.h). Leptonica reads
// the images, libtesseract recognises them in-process, poppler-cpp reads PDFs (their text layer,
// or a rendering when it has none). All three live in a module (engine/, libpaiban_scan.so)
// loaded the first time a scan is read, so text commands never load their ~60 shared libraries.
// This header names none of them: it is the whole interface the rest of paiban sees.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ocr/page.h"
#include "ocr/scan/kind.h"

namespace paiban::scan {

enum class Keep { none, hocr, alto };

// Largest scan file a command reads unless --max-input-size is larger: a 600 dpi A2 TIFF or a
// scanned PDF of many pages is big; its pixels are limited on their own (Options::max_pixels).
constexpr uint64_t kMaxScanBytes = 256ull << 20;

struct Options {
  std::string lang = "chi_sim";   // --ocr-lang: Tesseract languages, '+'-joined (chi_sim+eng)
  int dpi = 0;                    // --dpi: resolution to assume; 0 = the image's own (Tesseract
                                  // estimates it when the image has none), 300 for PDF renderings
  int psm = 3;                    // --psm: Tesseract page segmentation mode (3 = automatic, as its CLI)
  uint64_t max_pixels = 200000000;  // --max-pixels: largest page (width × height), from the header
  int max_pages = 1000;           // --max-pages: pages of one file
  Keep keep = Keep::none;         // --keep-ocr: also return what the engine saw, as hOCR or ALTO
};

// One page of a scan, read or failed.
struct PageResult {
  int number = 0;           // 1-based within the file
  ocr::Page page;           // empty when `error` is set
  std::string via;          // "ocr" or "text layer" (a PDF's own text, no OCR)
  std::string kept;         // this page as hOCR/ALTO (Options::keep), a fragment for kept_document()
  std::string error, hint;  // set when this page could not be read: "scan.tif: page 3: …"
};

// One reader of scans holding one Tesseract instance, initialised on first use and reused for
// every later page (never re-initialised). Not thread-safe: one per worker thread.
class Engine {
 public:
  virtual ~Engine() = default;
  // Every page of one file, in order, to `each`. Never throws: a file that cannot be opened at
  // all gives one PageResult with number 0 and the error.
  virtual void read(std::string_view bytes, const std::string& name,
                    const std::function<void(PageResult&&)>& each) = 0;
  // The kept pages (PageResult::kept, in order) as one hOCR or ALTO document.
  virtual std::string kept_document(const std::vector<std::string>& pages, const std::string& name) = 0;
};

// Loads the scan module (once per process) and makes an engine. Throws Error when the module,
// a language pack (naming its Debian package) or an option is missing or wrong.
std::unique_ptr<Engine> create_engine(const Options& options);

// An engine made on first need with fixed options: what one command or one batch worker holds.
class Session {
 public:
  explicit Session(Options options) : options_(std::move(options)) {}
  const Options& options() const { return options_; }
  Engine& engine() {
    if (!engine_) engine_ = create_engine(options_);
    return *engine_;
  }

 private:
  Options options_;
  std::unique_ptr<Engine> engine_;
};

// Mean word confidence of a page (0–100), -1 when it has no words with one.
float mean_confidence(const ocr::Page& page);

}  // namespace paiban::scan

// The module's one entry point, resolved with dlsym by create_engine. Returns nullptr and
// sets `error`/`hint` when the engine cannot be made.
extern "C" paiban::scan::Engine* paiban_scan_create_engine(const paiban::scan::Options* options,
                                                           std::string* error, std::string* hint);
