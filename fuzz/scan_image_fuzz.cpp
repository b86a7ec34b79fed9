// Fuzz target: bytes → the scan module's image readers (PNG, JPEG, TIFF, PNM through Leptonica,
// as sniffed). Every page either arrives with the size its header promised, within the pixel
// limit, or fails with a one-line message naming the file; a file that cannot be opened at
// all fails the same way. No OCR here (Tesseract is not what is fuzzed; it is too slow).
#include <cstdint>

#include "fuzz_check.h"
#include "ocr/scan/engine/engine.h"

namespace paiban::fuzz {

namespace {

void check_failure(const scan::engine::Failure& f) {
  check(f.error.rfind("fuzz.img", 0) == 0, "error does not name the file: " + f.error);
  check(f.error.find('\n') == std::string::npos && f.error.size() < 500, "error not one short line: " + f.error);
  check(!f.hint.empty(), "error without a hint: " + f.error);
}

}  // namespace

void scan_image_one(std::string_view bytes) {
  static const bool quiet = (setMsgSeverity(L_SEVERITY_NONE), true);  // Leptonica's own messages
  (void)quiet;
  scan::Options o;
  o.max_pixels = 1u << 22;  // 4 Mpx: big enough for real pages of the seeds, small for the fuzzer
  o.max_pages = 8;
  const scan::Kind kind = scan::sniff(bytes);
  if (kind != scan::Kind::png && kind != scan::Kind::jpeg && kind != scan::Kind::tiff && kind != scan::Kind::pnm)
    return;
  int last = 0;
  try {
    scan::engine::read_image(
        bytes, "fuzz.img", kind, o,
        [&](int number, scan::engine::PixPtr pix) {
          check(number == last + 1 && number <= o.max_pages, "pages out of order or past the limit");
          last = number;
          check(pix != nullptr, "a page without an image");
          const auto w = static_cast<uint64_t>(pixGetWidth(pix.get())), h = static_cast<uint64_t>(pixGetHeight(pix.get()));
          check(w > 0 && h > 0 && w * h <= o.max_pixels, "a page past the pixel limit or empty");
        },
        [&](int number, scan::engine::Failure f) {
          check(number == last + 1 && number <= o.max_pages, "failed pages out of order or past the limit");
          last = number;
          check_failure(f);
        });
  } catch (const scan::engine::Failure& f) {
    check_failure(f);
  }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::scan_image_one)
