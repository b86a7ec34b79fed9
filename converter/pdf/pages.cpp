// pages: one libharu page per laid-out page — its size and boxes, its rules, and its glyph text as a
// second content stream (content.cpp), built and deflated on two threads.
#include <algorithm>

#include "core/error.h"
#include "core/parallel.h"
#include "pdf/libharu.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {
namespace {

void check_size(const LaidOutPage& lp, size_t number) {
  // libharu accepts 3..14400 pt (PDF 32000-1 Annex C.2 limits); anything else is a layout bug.
  if (!(lp.width >= 3 && lp.width <= 14400 && lp.height >= 3 && lp.height <= 14400) ||
      !(lp.bleed >= 0 && 2 * lp.bleed < std::min(lp.width, lp.height))) {
    throw Error(ExitCode::internal, "pdf: page " + std::to_string(number) + " has an impossible size (" +
                                        std::to_string(lp.width) + " x " + std::to_string(lp.height) +
                                        " pt, bleed " + std::to_string(lp.bleed) + ")");
  }
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

// A page and what its text needs: the page-local font names (/F1…) and its text stream, if any.
struct NewPage {
  HPDF_Page page = nullptr;
  std::map<int, std::string> fonts;  // face → page-local font name
  HPDF_Dict text = nullptr;
};

NewPage add_page(HPDF_Doc pdf, const HpdfErrors& errors, const LaidOutPage& lp,
                 const std::map<int, const EmbeddedFont*>& by_face) {
  NewPage np;
  np.page = HPDF_AddPage(pdf);
  check(errors, np.page ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "adding a page");
  HPDF_Page_SetWidth(np.page, lp.width);
  HPDF_Page_SetHeight(np.page, lp.height);
  if (lp.bleed > 0) {  // §14.11.2: TrimBox = the finished page, BleedBox = MediaBox
    HPDF_Box trim{lp.bleed, lp.bleed, lp.width - lp.bleed, lp.height - lp.bleed};
    HPDF_Box bleed{0, 0, lp.width, lp.height};
    HPDF_Dict_Add(np.page, "TrimBox", HPDF_Box_Array_New(libharu::memory(pdf), trim));
    HPDF_Dict_Add(np.page, "BleedBox", HPDF_Box_Array_New(libharu::memory(pdf), bleed));
  }
  draw_rules(np.page, lp);
  check(errors, HPDF_OK, "drawing a page's rules");
  for (const GlyphRun& run : lp.runs) {
    if (run.glyphs.empty() || np.fonts.count(run.face)) continue;
    const char* name = HPDF_Page_GetLocalFontName(np.page, by_face.at(run.face)->type0);
    check(errors, name ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "registering a font on a page");
    np.fonts[run.face] = name;
  }
  if (!np.fonts.empty()) check(errors, HPDF_Page_New_Content_Stream(np.page, &np.text), "starting a page's text stream");
  return np;
}

}  // namespace

std::vector<HPDF_Page> add_pages(HPDF_Doc pdf, const HpdfErrors& errors, const LaidOutDocument& doc,
                                 const std::vector<EmbeddedFont>& embedded, bool two_threads) {
  std::map<int, const EmbeddedFont*> by_face;
  for (const EmbeddedFont& e : embedded) by_face[e.face] = &e;
  std::vector<NewPage> made;
  for (const LaidOutPage& lp : doc.pages) {
    check_size(lp, made.size() + 1);
    made.push_back(add_page(pdf, errors, lp, by_face));
  }
  // Each page's glyph text is built and deflated on two threads (pure work on read-only data),
  // then handed to its stream here; the objects were created above, in page order.
  std::vector<std::string> packed(doc.pages.size());
  auto pack = [&](size_t first) {
    for (size_t i = first; i < doc.pages.size(); i += 2)
      if (made[i].text) packed[i] = deflate_bytes(page_text(doc.pages[i], by_face, made[i].fonts));
  };
  run_both(two_threads && doc.pages.size() > 1, [&] { pack(0); }, [&] { pack(1); });
  std::vector<HPDF_Page> pages;
  for (size_t i = 0; i < made.size(); ++i) {
    pages.push_back(made[i].page);
    if (!made[i].text) continue;
    if (packed[i].empty()) check(errors, HPDF_FAILD_TO_ALLOC_MEM, "compressing a page's text");
    check(errors, write_deflated_stream(made[i].text, packed[i]), "writing a page's text");
  }
  return pages;
}

}  // namespace paiban::pdf
