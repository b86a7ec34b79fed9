// convert: one article through the whole pipeline, for `paiban convert` and `paiban batch`.
#include "pipeline/convert.h"

#include "core/error.h"
#include "font/fonts.h"
#include "style/style.h"
#include "pipeline/images.h"
#include "pipeline/typeset.h"
#include "xml/formats.h"
#include "xml/xml.h"

namespace paiban {

Converter::Converter() = default;
Converter::Converter(Converter&&) noexcept = default;
Converter::~Converter() = default;

Converter Converter::create(const std::string& style, bool need_pdf) {
  Converter c;
  if (need_pdf) {
    c.style_ = std::make_unique<Style>(load_style(style));
    c.fonts_ = std::make_unique<FontLibrary>();
    prepare_fonts(*c.style_, *c.fonts_);  // every face the style names, loaded before threads start
  }
  return c;
}

int count_articles(const Document& doc) {
  if (!doc.is_pages()) return 1;
  size_t n = 0;
  for (const auto& p : doc.pages) n += p.articles.size();
  return static_cast<int>(n);
}

Converted Converter::convert(std::string_view bytes, const std::string& name, const ConvertOptions& opts,
                             scan::Session* session) const {
  Converted out;
  ReflowReport& rep = out.reflow;
  std::unique_ptr<scan::Session> own;
  if (!session && scan::sniff(bytes) != scan::Kind::none) session = (own = std::make_unique<scan::Session>(opts.scan)).get();
  out.doc = load_document(bytes, name, opts.encoding, &rep, opts.limits, session, &out.scan);
  if (!opts.lang.empty()) set_language(out.doc, opts.lang);
  for (const auto& [kind, n] : rep.repairs) out.warnings.push_back("repaired " + std::to_string(n) + " × " + kind);
  out.repairs = rep.repairs;
  out.articles = count_articles(out.doc);
  for (const auto& w : rep.warnings) out.warnings.push_back(w);
  if (opts.xml) out.xml = write_xml(out.doc);
  if (opts.txt) out.txt = write_text(out.doc, opts.text);
  if (opts.nitf) out.nitf = write_nitf(out.doc);
  if (opts.nitf && out.nitf.empty()) out.warnings.push_back("no article on the page: no NITF written");
  if (opts.html) out.html = write_html(out.doc);
  if (opts.pdf) {
    if (!style_ || !fonts_)
      throw Error(ExitCode::internal, "PDF asked for but the converter was created without a style");
    Images images;
    ImageOptions iopts;
    iopts.gray = opts.gray;
    // Figures' src become paths for the pictures' keys; the returned document keeps them as written.
    std::unique_ptr<Document> pictured;
    if (has_figures(out.doc)) load_images(*(pictured = std::make_unique<Document>(out.doc)), name, iopts, images);
    TypesetOptions topts;
    topts.images = &images;
    topts.limits = opts.limits;
    topts.pdf_threads = opts.pdf_threads;
    topts.debug = opts.debug_dump;
    out.pdf = typeset_pdf(pictured ? *pictured : out.doc, *style_, *fonts_, topts, &out.typeset);
    for (const auto& w : out.typeset.warnings) out.warnings.push_back(w);
  }
  return out;
}

}  // namespace paiban
