// Fuzz target: bytes → read_image (pipeline/images.h), the reader of a figure's picture: the
// header sniffed (JPEG SOF, PNG IHDR), its size checked before decoding, then libjpeg / libpng
// decoding it whole, with and without --gray. Either a picture of the size its header promised
// (pixels as many as it says when kept decoded) or an input Error naming the figure.
#include "fuzz_check.h"
#include "pipeline/images.h"

namespace paiban::fuzz {

void figure_image_one(std::string_view bytes) {
  for (bool gray : {false, true}) {
    ImageOptions o;
    o.gray = gray;
    o.max_pixels = 1 << 22;  // small for the fuzzer
    try {
      Image img = read_image(std::string(bytes), "fuzz.xml: <figure src=\"a\">", o);
      check(img.width > 0 && img.height > 0 && static_cast<long long>(img.width) * img.height <= o.max_pixels,
            "a picture past the pixel limit or empty");
      if (img.format == Image::Format::pixels)
        check(img.bytes.size() == static_cast<size_t>(img.width) * img.height * img.components &&
                  (img.alpha.empty() || img.alpha.size() == static_cast<size_t>(img.width) * img.height),
              "decoded pixels not as many as the header says");
      else
        check(!gray || img.components == 1, "--gray kept a colour picture");
    } catch (const Error& e) {
      check_error(e, "fuzz.xml");
    }
  }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::figure_image_one)
