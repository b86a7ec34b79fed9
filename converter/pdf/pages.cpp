// pages: one libharu page per packed page (pack.cpp) — its size and boxes, its rules, and its glyph
// text as a second content stream, in page order.
#include <algorithm>

#include "core/error.h"
#include "pdf/libharu.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {
namespace {

void draw_rules(HPDF_Page page, const std::vector<RuleLine>& rules) {
  float gray = -1, width = -1;
  for (const RuleLine& r : rules) {
    float g = std::clamp(r.gray, 0.0f, 1.0f), w = std::max(r.width, 0.0f);
    if (g != gray) HPDF_Page_SetGrayStroke(page, gray = g);  // DeviceGray: K plate only
    if (w != width) HPDF_Page_SetLineWidth(page, width = w);
    HPDF_Page_MoveTo(page, r.x1, r.y1);
    HPDF_Page_LineTo(page, r.x2, r.y2);
    HPDF_Page_Stroke(page);
  }
}

// A held page's text, built now that every face is subset.
std::string held_text(const LaidOutPage& lp, const std::map<int, const EmbeddedFont*>& by_face) {
  std::map<int, const GlyphCodes*> codes;
  std::map<int, std::string> resource;
  for (const GlyphRun& run : lp.runs) {
    if (run.glyphs.empty() || resource.count(font_key(run))) continue;
    resource[font_key(run)] = local_font_name(resource.size());
    codes[run.face] = &by_face.at(run.face)->codes;
  }
  std::string packed = deflate_bytes(page_text(lp, codes, resource));
  if (packed.empty()) throw Error(ExitCode::internal, "pdf: cannot compress a page's text");
  return packed;
}

HPDF_Page add_page(HPDF_Doc pdf, const HpdfErrors& errors, PackedPage& pp,
                   const std::map<int, const EmbeddedFont*>& by_face, ImageObjects& images) {
  HPDF_Page page = HPDF_AddPage(pdf);
  check(errors, page ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "adding a page");
  HPDF_Page_SetWidth(page, pp.width);
  HPDF_Page_SetHeight(page, pp.height);
  if (pp.bleed > 0) {  // §14.11.2: TrimBox = the finished page, BleedBox = MediaBox
    HPDF_Box trim{pp.bleed, pp.bleed, pp.width - pp.bleed, pp.height - pp.bleed};
    HPDF_Box bleed{0, 0, pp.width, pp.height};
    HPDF_Dict_Add(page, "TrimBox", HPDF_Box_Array_New(libharu::memory(pdf), trim));
    HPDF_Dict_Add(page, "BleedBox", HPDF_Box_Array_New(libharu::memory(pdf), bleed));
  }
  draw_images(page, pp.images, images);
  std::vector<PlacedImage>().swap(pp.images);
  draw_rules(page, pp.rules);
  check(errors, HPDF_OK, "drawing a page's pictures and rules");
  libharu::unfilter_if_empty(page);
  for (size_t k = 0; k < pp.faces.size(); ++k) {
    const EmbeddedFont* ef = by_face.at(key_face(pp.faces[k]));
    const char* name = HPDF_Page_GetLocalFontName(page, key_vertical(pp.faces[k]) ? ef->type0_v : ef->type0);
    check(errors, name ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "registering a font on a page");
    // The text was written with the names libharu gives (pack.cpp); a libharu that named them
    // otherwise would leave the text pointing at the wrong fonts.
    if (name != local_font_name(k))
      throw Error(ExitCode::internal, std::string("pdf: libharu named a page font ") + name + ", not " +
                                          local_font_name(k));
  }
  if (pp.faces.empty()) return page;
  HPDF_Dict text = nullptr;
  check(errors, HPDF_Page_New_Content_Stream(page, &text), "starting a page's text stream");
  if (pp.held) {
    pp.text = held_text(*pp.held, by_face);
    pp.held.reset();
  }
  check(errors, write_deflated_stream(text, pp.text), "writing a page's text");
  std::string().swap(pp.text);  // libharu has its own copy now
  return page;
}

}  // namespace

std::vector<HPDF_Page> add_pages(HPDF_Doc pdf, const HpdfErrors& errors, std::vector<PackedPage>& packed,
                                 const std::vector<EmbeddedFont>& embedded) {
  std::map<int, const EmbeddedFont*> by_face;
  for (const EmbeddedFont& e : embedded) by_face[e.face] = &e;
  std::vector<HPDF_Page> pages;
  pages.reserve(packed.size());
  ImageObjects images(pdf, errors);
  for (PackedPage& pp : packed) pages.push_back(add_page(pdf, errors, pp, by_face, images));
  return pages;
}

}  // namespace paiban::pdf
