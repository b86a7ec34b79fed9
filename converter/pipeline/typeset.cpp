// typeset: layout_document (layout/) → write_pdf (pdf/).
#include "pipeline/typeset.h"

#include "core/timer.h"
#include "pdf/pdf.h"

namespace paiban {

std::string typeset_pdf(const Document& doc, const Style& style, const FontLibrary& fonts,
                        const TypesetOptions& opts, TypesetReport* report) {
  LaidOutDocument laid = layout_document(doc, style, fonts, opts, report);
  ScopedTimer timer;
  PdfStats stats;
  PdfOptions popts;
  popts.threads = opts.pdf_threads;
  std::string pdf = write_pdf(laid, fonts, popts, &stats);
  if (report) {
    report->timings.subset_ms += stats.subset_ms;
    report->timings.write_ms += timer.ms() - stats.subset_ms;
  }
  return pdf;
}

}  // namespace paiban
