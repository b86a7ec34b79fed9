// scan_dpi: the resolution a scanned PDF page was made at, so an image-only page is OCR'd at its
// own resolution rather than resampled to a fixed one. poppler-cpp lists no images; qpdf (Debian
// libqpdf) reads each page's image XObjects (PDF 32000-1 §8.9.5: /Width, /Height in pixels).
// qpdf 11 asks its users to say they do not use its old PointerHolder (qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

double number(QPDFObjectHandle o) { return o.isNumber() ? o.getNumericValue() : 0; }

// A page's size in points from its MediaBox (§7.7.3.3), 0 when the box is malformed.
std::pair<double, double> page_points(QPDFPageObjectHelper& page) {
  QPDFObjectHandle box = page.getMediaBox();
  if (!box.isArray() || box.getArrayNItems() != 4) return {0, 0};
  return {std::abs(number(box.getArrayItem(2)) - number(box.getArrayItem(0))),
          std::abs(number(box.getArrayItem(3)) - number(box.getArrayItem(1)))};
}

// The scan's resolution: a page-sized image (its shape the page's, within 3 %, either way up: a
// scanner's page) gives its pixels per inch; a photograph placed on a page says nothing.
int page_dpi(QPDFPageObjectHelper& page) {
  const auto [w, h] = page_points(page);
  if (!(w > 0 && h > 0)) return 0;
  double best = 0;
  for (auto& [name, image] : page.getImages()) {
    QPDFObjectHandle d = image.getDict();
    const double iw = number(d.getKey("/Width")), ih = number(d.getKey("/Height"));
    if (!(iw > 0 && ih > 0)) continue;
    for (bool turned : {false, true}) {
      const double pw = turned ? h : w, ph = turned ? w : h;
      if (std::abs(iw / ih - pw / ph) > 0.03 * (pw / ph)) continue;
      best = std::max(best, iw * 72.0 / pw);
    }
  }
  return static_cast<int>(std::lround(best));
}

}  // namespace

std::vector<int> scan_dpi(std::string_view bytes, const std::string& name) {
  std::vector<int> out;
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) out.push_back(page_dpi(page));
  } catch (...) {
    return {};  // qpdf cannot read it: the resolution is unknown; poppler's own error says what is wrong
  }
  return out;
}

}  // namespace paiban::scan::engine
