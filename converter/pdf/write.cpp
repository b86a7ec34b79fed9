// write (pdf): laid-out pages → PDF bytes with libharu as the writer. Each page as it is added:
// collect its fonts (collect.cpp) → pack its text (pack.cpp); then, at finish: prepare fonts → embed
// (font_embed.cpp) → add pages (pages.cpp) → info → outline (info.cpp) → save. Deterministic: no
// IDs, fixed dates, objects created in a fixed order (fonts, then pages, as when pages were kept).
#include <type_traits>

#include "core/error.h"
#include "core/owned.h"
#include "core/parallel.h"
#include "core/timer.h"
#include "pdf/libharu.h"
#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"

namespace paiban {
namespace pdf {
namespace {

using DocPtr = Owned<std::remove_pointer_t<HPDF_Doc>, HPDF_Free>;

DocPtr start_document(HpdfErrors& errors) {
  DocPtr pdf(HPDF_New(on_hpdf_error, &errors));
  if (!pdf) throw Error(ExitCode::internal, "pdf: libharu cannot create a document (out of memory?)");
  check(errors, HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL), "enabling compression");
  libharu::set_version_1_5(pdf.get());
  return pdf;
}

// Subsetting and deflating dominate the write; a second thread prepares all but the biggest font
// while this one does the biggest (faces are read-only; libharu objects are built later, in order).
std::vector<PreparedFont> prepare_fonts(const std::vector<FontUse>& uses, const FontLibrary& fonts, bool two_threads) {
  std::vector<PreparedFont> prepared(uses.size());
  if (uses.empty()) return prepared;
  size_t biggest = 0;
  for (size_t i = 1; i < uses.size(); ++i)
    if (uses[i].gids.size() > uses[biggest].gids.size()) biggest = i;
  const bool parallel = two_threads && uses.size() > 1;
  run_both(
      parallel, [&] { prepared[biggest] = prepare_font(fonts.face(uses[biggest].face), uses[biggest]); },
      [&] {
        // The biggest face's FreeType parse (its CFF charset, for CIDs) happens here, while that face
        // is being subset on the other thread; both are on the longest path of a one-article run.
        if (parallel) fonts.face(uses[biggest].face).cid_keyed();
        for (size_t i = 0; i < uses.size(); ++i)
          if (i != biggest) prepared[i] = prepare_font(fonts.face(uses[i].face), uses[i]);
      });
  return prepared;
}

std::vector<EmbeddedFont> embed_fonts(HPDF_Doc pdf, const HpdfErrors& errors, const std::vector<FontUse>& uses,
                                      const FontLibrary& fonts, std::vector<PreparedFont>&& prepared,
                                      EmbedTimes* times) {
  std::vector<EmbeddedFont> embedded;
  embedded.reserve(uses.size());
  for (size_t i = 0; i < uses.size(); ++i)
    embedded.push_back(embed_font(pdf, errors, fonts.face(uses[i].face), std::move(prepared[i]), times));
  return embedded;
}

// Serialise into libharu's memory stream and copy out: never a half-written file.
std::string save(HPDF_Doc pdf, const HpdfErrors& errors) {
  check(errors, HPDF_SaveToStream(pdf), "saving");
  std::string bytes = libharu::saved_bytes(pdf);
  check(errors, HPDF_OK, "reading the saved PDF");
  if (bytes.size() != HPDF_GetStreamSize(pdf)) throw Error(ExitCode::internal, "pdf: libharu returned a short PDF");
  return bytes;
}

void fill_stats(PdfStats& stats, const std::vector<EmbeddedFont>& embedded, size_t bytes) {
  stats.fonts = embedded.size();
  stats.glyphs = 0;
  stats.font_bytes = 0;
  for (const EmbeddedFont& e : embedded) {
    stats.glyphs += e.codes.size();
    stats.font_bytes += e.font_bytes;
  }
  stats.bytes = bytes;
}

}  // namespace
}  // namespace pdf

struct PdfWriter::Impl {
  const FontLibrary& fonts;
  PdfOptions opts;
  pdf::FontCollector collector;
  std::map<int, pdf::GlyphCodes> codes;  // by face: the codes of the glyphs drawn so far
  std::vector<pdf::PackedPage> pages;
  double content_ms = 0;
};

PdfWriter::PdfWriter(const FontLibrary& fonts, const PdfOptions& opts)
    : impl_(std::make_unique<Impl>(Impl{fonts, opts, pdf::FontCollector(fonts), {}, {}, 0})) {}

PdfWriter::~PdfWriter() = default;

void PdfWriter::add_page(const LaidOutPage& page) {
  ScopedTimer timer(&impl_->content_ms);
  impl_->collector.add(page);  // each face used is subset once, at the end
  impl_->pages.push_back(pdf::pack_page(page, impl_->pages.size() + 1, impl_->fonts, impl_->codes));
}

std::string PdfWriter::finish(const DocumentInfo& info, PdfStats* stats) {
  using namespace pdf;
  Impl& w = *impl_;
  if (w.pages.empty()) throw input_error("pdf: the document has no pages", "nothing to typeset: is the article empty?");
  const std::optional<long long> epoch = creation_epoch(w.opts);
  PdfStats local;
  PdfStats& st = stats ? *stats : local;
  EmbedTimes times;
  HpdfErrors errors;
  DocPtr owner = start_document(errors);
  HPDF_Doc pdf = owner.get();

  std::vector<FontUse> uses = w.collector.uses();
  ScopedTimer timer;
  std::vector<PreparedFont> prepared = prepare_fonts(uses, w.fonts, w.opts.threads > 1);
  st.subset_ms = timer.restart();
  std::vector<EmbeddedFont> embedded = embed_fonts(pdf, errors, uses, w.fonts, std::move(prepared), &times);
  timer.restart();
  std::vector<HPDF_Page> pages = add_pages(pdf, errors, w.pages, embedded);
  std::vector<PackedPage>().swap(w.pages);
  add_info(pdf, errors, info, epoch);
  add_outline(pdf, errors, info.bookmarks, pages);
  st.content_ms = w.content_ms + timer.restart();
  std::string bytes = save(pdf, errors);
  st.save_ms = timer.ms();
  st.embed_ms = times.embed_ms;
  fill_stats(st, embedded, bytes.size());
  return bytes;
}

std::string write_pdf(const LaidOutDocument& doc, const FontLibrary& fonts, const PdfOptions& opts, PdfStats* stats) {
  PdfWriter writer(fonts, opts);
  for (const LaidOutPage& page : doc.pages) writer.add_page(page);
  return writer.finish(doc, stats);
}

}  // namespace paiban
