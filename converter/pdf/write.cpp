// write (pdf): a laid-out document → PDF bytes with libharu as the writer. Fonts are built with
// libharu's object API (font_embed.cpp), glyph text goes into a second content stream per page
// (content.cpp); boxes, rules, /Info, outlines and compression are libharu's. Deterministic:
// no IDs, fixed dates, objects created in a fixed order.
#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <future>
#include <memory>

#include "core/error.h"
#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"

namespace paiban {
namespace {

using Clock = std::chrono::steady_clock;
double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct DocFree {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};

// /CreationDate: the caller's epoch, else SOURCE_DATE_EPOCH (reproducible-builds.org), else 1970.
long long creation_epoch(const PdfOptions& opts) {
  if (opts.creation_epoch >= 0) return opts.creation_epoch;
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return 0;
  long long v = 0;
  auto [end, ec] = std::from_chars(env, env + std::strlen(env), v);
  if (ec != std::errc() || *end != '\0' || v < 0) {
    throw usage_error(std::string("SOURCE_DATE_EPOCH=") + env + ": not a number of seconds since 1970",
                      "unset SOURCE_DATE_EPOCH or set it to e.g. $(git log -1 --format=%ct)");
  }
  return v;
}

HPDF_Date pdf_date(long long epoch) {
  if (epoch > 253402300799LL) epoch = 253402300799LL;  // 9999-12-31T23:59:59Z
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = std::min(tm.tm_sec, 59);
  d.ind = 'Z';
  return d;
}

void draw_rules(HPDF_Page page, const LaidOutPage& lp) {
  float gray = -1, width = -1;
  for (const RuleLine& r : lp.rules) {
    float g = std::clamp(r.gray, 0.0f, 1.0f), w = std::max(r.width, 0.0f);
    if (g != gray) HPDF_Page_SetGrayStroke(page, gray = g);  // DeviceGray: K plate only
    if (w != width) HPDF_Page_SetLineWidth(page, width = w);
    HPDF_Page_MoveTo(page, r.x1, r.y1);
    HPDF_Page_LineTo(page, r.x2, r.y2);
    HPDF_Page_Stroke(page);
  }
}

}  // namespace

std::string write_pdf(const LaidOutDocument& doc, const FontLibrary& fonts, const PdfOptions& opts, PdfStats* stats) {
  using namespace pdf;
  if (doc.pages.empty()) throw input_error("pdf: the document has no pages", "nothing to typeset: is the article empty?");
  const long long epoch = creation_epoch(opts);
  auto t_start = Clock::now();

  HpdfErrors errors;
  std::unique_ptr<HPDF_Doc_Rec, DocFree> owner(HPDF_New(on_hpdf_error, &errors));
  HPDF_Doc pdf = owner.get();
  if (!pdf) throw Error(ExitCode::internal, "pdf: libharu cannot create a document (out of memory?)");
  check(errors, HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL), "enabling compression");
  pdf->pdf_version = HPDF_VER_15;  // /ActualText marked content (§14.9.4) is PDF 1.5

  // Fonts: each face used is subset once for the whole document.
  EmbedTimes times;
  std::vector<FontUse> uses = collect_fonts(doc, fonts);
  // Subsetting and deflating dominate the write; a second thread prepares all but the biggest font
  // while this one does the biggest (faces are read-only; libharu objects are built here, in order).
  std::vector<PreparedFont> prepared(uses.size());
  const bool two_threads = opts.threads > 1;
  auto t_prepare = Clock::now();
  size_t biggest = 0;
  for (size_t i = 1; i < uses.size(); ++i)
    if (uses[i].gids.size() > uses[biggest].gids.size()) biggest = i;
  {
    std::future<void> rest;
    auto prepare_rest = [&] {
      // The biggest face's FreeType parse (its CFF charset, for CIDs) happens here, while that face
      // is being subset on the other thread; both are on the longest path of a one-article run.
      if (two_threads) fonts.face(uses[biggest].face).cid_keyed();
      for (size_t i = 0; i < uses.size(); ++i)
        if (i != biggest) prepared[i] = prepare_font(fonts.face(uses[i].face), uses[i]);
    };
    if (uses.size() > 1 && two_threads) rest = std::async(std::launch::async, prepare_rest);
    std::exception_ptr failed;
    try {
      if (!uses.empty()) prepared[biggest] = prepare_font(fonts.face(uses[biggest].face), uses[biggest]);
    } catch (...) {
      failed = std::current_exception();
    }
    if (rest.valid()) rest.get();  // rethrows the helper's error; waits before `prepared` goes away
    if (failed) std::rethrow_exception(failed);
    if (!two_threads) prepare_rest();
  }
  const double prepare_ms = ms_between(t_prepare, Clock::now());
  std::vector<EmbeddedFont> embedded;
  embedded.reserve(uses.size());
  for (size_t i = 0; i < uses.size(); ++i)
    embedded.push_back(embed_font(pdf, errors, fonts.face(uses[i].face), std::move(prepared[i]), &times));
  std::map<int, const EmbeddedFont*> by_face;
  for (const EmbeddedFont& e : embedded) by_face[e.face] = &e;
  auto t_fonts = Clock::now();

  std::vector<HPDF_Page> pages;
  std::vector<std::map<int, std::string>> page_fonts;  // face → page-local font name (/F1…)
  std::vector<HPDF_Dict> text_streams;                 // a page's glyph text stream, if any
  for (const LaidOutPage& lp : doc.pages) {
    // libharu accepts 3..14400 pt (PDF 32000-1 Annex C.2 limits); anything else is a layout bug.
    if (!(lp.width >= 3 && lp.width <= 14400 && lp.height >= 3 && lp.height <= 14400) ||
        !(lp.bleed >= 0 && 2 * lp.bleed < std::min(lp.width, lp.height))) {
      throw Error(ExitCode::internal, "pdf: page " + std::to_string(pages.size() + 1) + " has an impossible size (" +
                                          std::to_string(lp.width) + " x " + std::to_string(lp.height) +
                                          " pt, bleed " + std::to_string(lp.bleed) + ")");
    }
    HPDF_Page page = HPDF_AddPage(pdf);
    check(errors, page ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "adding a page");
    pages.push_back(page);
    HPDF_Page_SetWidth(page, lp.width);
    HPDF_Page_SetHeight(page, lp.height);
    if (lp.bleed > 0) {  // §14.11.2: TrimBox = the finished page, BleedBox = MediaBox
      HPDF_Box trim{lp.bleed, lp.bleed, lp.width - lp.bleed, lp.height - lp.bleed};
      HPDF_Box bleed{0, 0, lp.width, lp.height};
      HPDF_Dict_Add(page, "TrimBox", HPDF_Box_Array_New(pdf->mmgr, trim));
      HPDF_Dict_Add(page, "BleedBox", HPDF_Box_Array_New(pdf->mmgr, bleed));
    }
    draw_rules(page, lp);
    check(errors, HPDF_OK, "drawing a page's rules");
    std::map<int, std::string>& resource = page_fonts.emplace_back();
    for (const GlyphRun& run : lp.runs) {
      if (run.glyphs.empty() || resource.count(run.face)) continue;
      const char* name = HPDF_Page_GetLocalFontName(page, by_face.at(run.face)->type0);
      check(errors, name ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "registering a font on a page");
      resource[run.face] = name;
    }
    if (!resource.empty()) {
      HPDF_Dict text = nullptr;
      check(errors, HPDF_Page_New_Content_Stream(page, &text), "starting a page's text stream");
      text_streams.push_back(text);
    } else {
      text_streams.push_back(nullptr);
    }
  }
  // Each page's glyph text is built and deflated on two threads (pure work on read-only data),
  // then handed to its stream here; the objects were created above, in page order.
  std::vector<std::string> packed(doc.pages.size());
  auto pack = [&](size_t first) {
    for (size_t i = first; i < doc.pages.size(); i += 2)
      if (text_streams[i]) packed[i] = deflate_bytes(page_text(doc.pages[i], by_face, page_fonts[i]));
  };
  {
    std::future<void> odd;
    if (doc.pages.size() > 1 && two_threads) odd = std::async(std::launch::async, pack, 1);
    std::exception_ptr failed;
    try {
      pack(0);
    } catch (...) {
      failed = std::current_exception();
    }
    if (odd.valid()) odd.get();
    if (failed) std::rethrow_exception(failed);
    if (!two_threads && doc.pages.size() > 1) pack(1);
  }
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    if (!text_streams[i]) continue;
    if (packed[i].empty()) check(errors, HPDF_FAILD_TO_ALLOC_MEM, "compressing a page's text");
    check(errors, write_deflated_stream(text_streams[i], packed[i]), "writing a page's text");
  }

  // Document information (§14.3.3), text strings in UTF-16BE.
  check(errors, HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "paiban " PAIBAN_VERSION " (libharu, HarfBuzz)"),
        "writing /Info");
  check(errors, HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "paiban"), "writing /Info");
  HPDF_Date date = pdf_date(epoch);
  check(errors, HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date), "writing /CreationDate");
  check(errors, HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date), "writing /ModDate");
  const std::pair<const char*, const std::string*> info[] = {
      {"Title", &doc.title}, {"Author", &doc.author}, {"Subject", &doc.subject}};
  for (auto [key, value] : info)
    if (!value->empty()) HPDF_Dict_Add(pdf->info, key, text_string(pdf, *value));
  check(errors, HPDF_OK, "writing /Info");

  // Outline (§12.3.3): one entry per bookmark, destination [page /XYZ null top null].
  for (const Bookmark& bm : doc.bookmarks) {
    if (bm.page < 0 || static_cast<size_t>(bm.page) >= pages.size()) {
      throw Error(ExitCode::internal, "pdf: bookmark \"" + bm.title + "\" points at page " +
                                          std::to_string(bm.page + 1) + " of " + std::to_string(pages.size()));
    }
    HPDF_Outline o = HPDF_CreateOutline(pdf, nullptr, "", nullptr);
    check(errors, o ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "adding a bookmark");
    HPDF_Dict_Add(o, "Title", text_string(pdf, bm.title));
    HPDF_Dict_RemoveElement(o, "Type");  // libharu marks items /Outlines; only the root is (§12.3.3)
    HPDF_Array dest = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(dest, pages[static_cast<size_t>(bm.page)]);
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_Add(dest, HPDF_Null_New(pdf->mmgr));
    HPDF_Array_AddReal(dest, bm.y);
    HPDF_Array_Add(dest, HPDF_Null_New(pdf->mmgr));
    HPDF_Dict_Add(o, "Dest", dest);
    check(errors, HPDF_OK, "adding a bookmark");
  }
  if (!doc.bookmarks.empty()) check(errors, HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE), "page mode");
  auto t_pages = Clock::now();

  // Serialise into libharu's memory stream and copy out: never a half-written file.
  check(errors, HPDF_SaveToStream(pdf), "saving");
  // Copy libharu's memory stream out chunk by chunk (HPDF_ReadFromStream copies byte by byte).
  std::string bytes;
  bytes.reserve(HPDF_GetStreamSize(pdf));
  for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(pdf->stream); i < n; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(pdf->stream, i, &len);
    if (!p) break;
    bytes.append(reinterpret_cast<const char*>(p), len);
  }
  check(errors, HPDF_OK, "reading the saved PDF");
  if (bytes.size() != HPDF_GetStreamSize(pdf)) throw Error(ExitCode::internal, "pdf: libharu returned a short PDF");
  auto t_end = Clock::now();

  if (stats) {
    stats->subset_ms = prepare_ms;
    stats->embed_ms = times.embed_ms;
    stats->content_ms = ms_between(t_fonts, t_pages);
    stats->save_ms = ms_between(t_pages, t_end);
    stats->fonts = embedded.size();
    stats->glyphs = 0;
    stats->font_bytes = 0;
    for (const EmbeddedFont& e : embedded) {
      stats->glyphs += e.code.size();
      stats->font_bytes += e.font_bytes;
    }
    stats->bytes = bytes.size();
  }
  (void)t_start;
  return bytes;
}

}  // namespace paiban
