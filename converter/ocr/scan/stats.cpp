// Figures of a scanned page for reports.
#include "ocr/scan/scan.h"

namespace paiban::scan {

float mean_confidence(const ocr::Page& page) {
  double sum = 0;
  long n = 0;
  for (const auto& r : page.regions)
    for (const auto& l : r.lines)
      for (const auto& w : l.words)
        if (w.conf >= 0) sum += w.conf, ++n;
  return n ? static_cast<float>(sum / n) : -1.0f;
}

}  // namespace paiban::scan
