// make_up_pdf: load (convert.h) → make_up (makeup/) → write_pdf (pdf/).
#include "pipeline/make_up.h"

#include "core/error.h"
#include "pdf/pdf.h"
#include "pipeline/convert.h"
#include "pipeline/images.h"
#include "style/style.h"

namespace paiban {

std::string make_up_pdf(const std::vector<NamedInput>& inputs, const std::string& style_name,
                        const std::string& encoding, const Limits& limits, bool gray, MakeUpReport* report) {
  std::vector<Document> articles;
  Images images;
  ImageOptions iopts;
  iopts.gray = gray;
  for (const NamedInput& in : inputs) {
    ReflowReport rr;
    articles.push_back(load_document(in.bytes, in.name, encoding, &rr, limits));
    if (articles.back().is_pages())
      throw input_error(in.name + ": a whole page of articles, not one article",
                        "give make-up one article per file (split the page with `paiban reflow` first)");
    // Article XML need not name its source: notes and the dump then name the file given.
    if (articles.back().source.empty()) articles.back().source = in.name;
    load_images(articles.back(), in.name, iopts, images);
  }
  Style style = load_style(style_name);
  FontLibrary fonts;
  prepare_fonts(style, fonts);
  LaidOutDocument page = make_up(articles, style, fonts, report, 1, &images);
  PdfOptions popts;
  return write_pdf(page, fonts, popts, nullptr);
}

}  // namespace paiban
