// The scan module's entry point and its Engine: sniff → image or PDF reader → Tesseract, one
// Recogniser per engine. No exception leaves the module: failures become PageResult errors.
#include <new>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

class TesseractEngine final : public Engine {
 public:
  explicit TesseractEngine(const Options& o) : options_(o), ocr_(o) {}

  void read(std::string_view bytes, const std::string& name,
            const std::function<void(PageResult&&)>& each) override {
    auto failed = [&](int number, std::string error, std::string hint) {
      PageResult r;
      r.number = number;
      r.error = std::move(error);
      r.hint = std::move(hint);
      each(std::move(r));
    };
    try {
      const Kind kind = sniff(bytes);
      switch (kind) {
        case Kind::pdf: return read_pdf(bytes, name, options_, ocr_, each);
        case Kind::png: case Kind::jpeg: case Kind::tiff: case Kind::pnm:
          return read_image(
              bytes, name, kind, options_,
              [&](int number, PixPtr pix) {
                PageResult r;
                r.number = number;
                r.via = "ocr";
                try {
                  r.page = ocr_.recognise(pix.get(), number, name, options_.keep == Keep::none ? nullptr : &r.kept);
                } catch (Failure& f) {
                  r.page = {};
                  r.error = std::move(f.error), r.hint = std::move(f.hint);
                }
                each(std::move(r));
              },
              [&](int number, Failure f) { failed(number, std::move(f.error), std::move(f.hint)); });
        case Kind::other_image:
          return failed(0, name + ": an image format paiban does not read (BMP, GIF, WebP or JPEG 2000)",
                        "convert it to PNG or TIFF first (e.g. convert scan.gif scan.png)");
        case Kind::none:
          return failed(0, name + ": not an image or a PDF", "pass a PNG, JPEG, TIFF, PNM or PDF scan");
      }
    } catch (Failure& f) {
      failed(0, std::move(f.error), std::move(f.hint));
    } catch (const std::bad_alloc&) {
      failed(0, name + ": out of memory reading this scan", "lower --max-pixels or --jobs");
    }
  }

  std::string kept_document(const std::vector<std::string>& pages, const std::string& name) override {
    if (options_.keep == Keep::alto) return alto_document(pages, name, ocr_.version());
    return hocr_document(pages, ocr_.version());
  }

 private:
  Options options_;
  Recogniser ocr_;
};

}  // namespace

}  // namespace paiban::scan::engine

extern "C" __attribute__((visibility("default"))) paiban::scan::Engine* paiban_scan_create_engine(
    const paiban::scan::Options* options, std::string* error, std::string* hint) {
  using namespace paiban::scan::engine;
  // Leptonica's own messages (it prints every failed read): our errors name the file and page.
  setMsgSeverity(L_SEVERITY_NONE);
  try {
    return new TesseractEngine(*options);
  } catch (Failure& f) {
    *error = std::move(f.error);
    *hint = std::move(f.hint);
  } catch (const std::exception& e) {
    *error = std::string("cannot start the OCR engine: ") + e.what();
    *hint = "this is a bug or an environment problem; please report it";
  }
  return nullptr;
}
