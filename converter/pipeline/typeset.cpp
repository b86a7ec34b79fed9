// typeset: layout_document (layout/) → write_pdf (pdf/).
#include "pipeline/typeset.h"

#include <chrono>

#include "pdf/pdf.h"

namespace paiban {

std::string typeset_pdf(const Document& doc, const Style& style, const FontLibrary& fonts,
                        const TypesetOptions& opts, TypesetReport* report) {
  LaidOutDocument laid = layout_document(doc, style, fonts, opts, report);
  auto t = std::chrono::steady_clock::now();
  PdfStats stats;
  PdfOptions popts;
  popts.threads = opts.pdf_threads;
  std::string pdf = write_pdf(laid, fonts, popts, &stats);
  if (report) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    report->timings.subset_ms += stats.subset_ms;
    report->timings.write_ms += ms - stats.subset_ms;
  }
  return pdf;
}

}  // namespace paiban
