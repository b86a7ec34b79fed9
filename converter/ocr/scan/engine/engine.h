// Inside the scan module (libpaiban_scan.so): Leptonica, Tesseract and poppler-cpp. Nothing here
// is seen by the rest of paiban except through scan/scan.h's Engine.
#pragma once

#include <leptonica/allheaders.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ocr/scan/scan.h"

namespace tesseract { class TessBaseAPI; }

namespace paiban::scan::engine {

// What a page or a file cannot be read for; thrown inside the module only, turned into
// PageResult::error at the Engine boundary (no exception crosses the dlopen boundary).
struct Failure {
  std::string error, hint;
};

// UTF-8 → code points, lenient (poppler's output is valid UTF-8; the module does not link
// core/unicode).
template <class F>
void each_code_point(std::string_view s, F f) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    f(cp);
    i += n;
  }
}

struct PixFree {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

// image: every page of a PNG, JPEG, TIFF (multi-page) or PNM, each checked against
// max_pixels from its header before its pixels are allocated. `each(number, pix)` gets a page,
// `fail(number, failure)` a page that cannot be read; a file that cannot be opened throws Failure.
// Whether a PNG's chunks are all there with their CRCs, a JPEG ends in its EOI (complete.cpp).
bool png_complete(std::string_view bytes);
bool jpeg_complete(std::string_view bytes);

void read_image(std::string_view bytes, const std::string& name, Kind kind, const Options& options,
                const std::function<void(int, PixPtr)>& each, const std::function<void(int, Failure)>& fail);

// The Tesseract instance of one engine: initialised once, reused for every page.
class Recogniser {
 public:
  explicit Recogniser(const Options& options);  // throws Failure (missing language pack, bad psm)
  ~Recogniser();
  // OCR of one page image into the OCR page model, filled as Tesseract's own hOCR renderer walks
  // its results (same ids, boxes, sizes and confidences), so this page and the hOCR of the same
  // image read back are the same page. `kept` (Options::keep) gets the page as hOCR/ALTO.
  ocr::Page recognise(Pix* pix, int number, const std::string& name, std::string* kept);
  std::string version() const;

 private:
  void init();
  Options options_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  bool ready_ = false;
};

// One word of a PDF's text layer: its text, glyph box and font size in page units (layer.cpp).
struct LayerWord {
  std::string text;
  BBox box;
  double size = 0;
  bool space_after = false;
  std::string face;  // the font's name, its subset tag ("ABCDEF+") removed
};

// A text layer's words, in poppler's order, → lines → regions (one a column's run of one size),
// each line with id line_N, sizes and boxes as printed where a font reports others; the page's
// size and source are the caller's to set.
ocr::Page layer_page(std::vector<LayerWord> words);

// pdf: every page of a PDF: its text layer with glyph positions and sizes into an OCR page (no
// OCR), or, where the layer is empty or garbage, OCR of the page rendered at options.dpi (300).
// Each page's scan resolution (dpi) from its page-sized image, 0 where it has none; empty when
// the file cannot be parsed (scan_dpi.cpp).
std::vector<int> scan_dpi(std::string_view bytes, const std::string& name);

void read_pdf(std::string_view bytes, const std::string& name, const Options& options, Recogniser& ocr,
              const std::function<void(PageResult&&)>& each);

// hOCR/ALTO documents around page fragments from Recogniser (kept evidence).
std::string hocr_document(const std::vector<std::string>& pages, const std::string& engine);
std::string alto_document(const std::vector<std::string>& pages, const std::string& name, const std::string& engine);

}  // namespace paiban::scan::engine
