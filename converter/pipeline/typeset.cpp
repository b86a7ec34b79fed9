// typeset: layout_pages (layout/) → PdfWriter (pdf/), page by page.
#include "pipeline/typeset.h"

#include "core/timer.h"
#include "pdf/pdf.h"

namespace paiban {

std::string typeset_pdf(const Document& doc, const Style& style, const FontLibrary& fonts,
                        const TypesetOptions& opts, TypesetReport* report) {
  PdfOptions popts;
  popts.threads = opts.pdf_threads;
  PdfWriter writer(fonts, popts);
  // Each page goes into the PDF as soon as it is drawn: the document is never held laid out whole.
  DocumentInfo info = layout_pages(doc, style, fonts, opts, report, [&](const LaidOutPage& p) { writer.add_page(p); });
  ScopedTimer timer;
  PdfStats stats;
  std::string pdf = writer.finish(info, &stats);
  if (report) {
    report->timings.subset_ms += stats.subset_ms;
    report->timings.write_ms += timer.ms() - stats.subset_ms;
  }
  return pdf;
}

}  // namespace paiban
