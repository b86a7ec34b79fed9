// Fuzz target: bytes → scan_dpi, the qpdf reader of a scanned PDF's page images (the resolution
// an image-only page is OCR'd at). Never throws; every page gets 0 (unknown) or a resolution
// that a page-sized image of at most 2^31 pixels a side over a page of any size can give.
#include <cstdint>

#include "fuzz_check.h"
#include "ocr/scan/engine/engine.h"

namespace paiban::fuzz {

void scan_pdf_one(std::string_view bytes) {
  std::vector<int> dpi;
  try {
    dpi = scan::engine::scan_dpi(bytes, "fuzz.pdf");
  } catch (...) {
    check(false, "scan_dpi threw");
  }
  check(dpi.size() <= bytes.size(), "more pages than bytes");
  for (int d : dpi) check(d >= 0, "a negative resolution");
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::scan_pdf_one)
