// pdf: a PDF page's own text (e-paper, born-digital) with glyph boxes and font sizes through
// poppler-cpp's text_list, no OCR; a page whose layer is empty or garbage (no ToUnicode: private-
// use codes, U+FFFD, control codes) is rendered through poppler's page_renderer and OCR'd.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

constexpr int kRenderDpi = 300;  // a scanner's usual resolution, where --dpi gives none
// A scan's own resolution is used within these bounds; outside them (a thumbnail, a photograph's
// pixels) the page is rendered at kRenderDpi.
constexpr int kMinScanDpi = 150, kMaxScanDpi = 600;

// A text layer worth reading: some letters, and at most 5 % codes that mean "no ToUnicode".
bool usable(const std::vector<LayerWord>& words) {
  long total = 0, bad = 0, latin1 = 0, han = 0;
  for (const auto& w : words)
    each_code_point(w.text, [&](char32_t c) {
      if (c == ' ') return;
      ++total;
      if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || c == 0xFFFD || c < 0x20) ++bad;
      if (c >= 0x80 && c <= 0xFF) ++latin1;
      if (c >= 0x3400 && c <= 0x9FFF) ++han;
    });
  // A CJK font without ToUnicode often comes out as Latin-1 noise ("ÄÚÈÝ") rather than PUA codes.
  return total > 0 && bad * 20 <= total && !(latin1 * 3 > total && han * 10 < total);
}

std::vector<LayerWord> text_layer(const poppler::page& page, double scale) {
  std::vector<LayerWord> out;
  for (const auto& tb : page.text_list(poppler::page::text_list_include_font)) {
    auto utf8 = tb.text().to_utf8();
    LayerWord g;
    g.text.assign(utf8.begin(), utf8.end());
    if (g.text.empty()) continue;
    auto r = tb.bbox();
    g.box = {static_cast<int>(std::floor(r.left() * scale)), static_cast<int>(std::floor(r.top() * scale)),
             static_cast<int>(std::ceil(r.right() * scale)), static_cast<int>(std::ceil(r.bottom() * scale))};
    g.size = (tb.has_font_info() ? tb.get_font_size() : r.height()) * scale;
    g.space_after = tb.has_space_after();
    if (tb.has_font_info()) {
      g.face = tb.get_font_name();
      if (g.face.size() > 7 && g.face[6] == '+') g.face.erase(0, 7);  // the subset tag (PDF 32000-1 §9.6.4)
      if (g.face.size() > 256) g.face.clear();  // no font's name: a hostile file's
    }
    out.push_back(std::move(g));
  }
  return out;
}

PixPtr render(const poppler::page& page, int dpi, const std::string& where) {
  poppler::page_renderer pr;
  pr.set_render_hint(poppler::page_renderer::antialiasing, true);
  pr.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  pr.set_image_format(poppler::image::format_gray8);
  poppler::image img = pr.render_page(&page, dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    throw Failure{where + ": poppler could not render this page", "check the PDF with qpdf --check"};
  PixPtr pix(pixCreate(img.width(), img.height(), 8));
  if (!pix) throw Failure{where + ": out of memory for the page image", "lower --dpi"};
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < img.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(img.const_data()) + static_cast<size_t>(y) * img.bytes_per_row();
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < img.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

void quiet(const std::string&, void*) {}  // poppler's own complaints: our Failure says what matters

}  // namespace

void read_pdf(std::string_view bytes, const std::string& name, const Options& o, Recogniser& ocr,
              const std::function<void(PageResult&&)>& each) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    throw Failure{name + ": too large a PDF", "split it (qpdf --split-pages)"};
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw Failure{name + ": cannot open this PDF (corrupt, truncated or encrypted)",
                          "check it with qpdf --check; decrypt an encrypted one with qpdf --decrypt"};
  if (doc->is_locked())
    throw Failure{name + ": the PDF is encrypted and needs a password",
                  "decrypt it first: qpdf --decrypt --password=PASSWORD in.pdf out.pdf"};
  const int pages = doc->pages();
  if (pages <= 0) throw Failure{name + ": the PDF has no pages", "check the file"};
  if (pages > o.max_pages)
    throw Failure{name + ": " + std::to_string(pages) + " pages, more than the limit of " + std::to_string(o.max_pages),
                  "pass --max-pages N to raise the limit, or split the PDF (qpdf --split-pages)"};
  std::optional<std::vector<int>> scans;  // each page's scan resolution, read when a page needs OCR
  for (int i = 0; i < pages; ++i) {
    PageResult r;
    r.number = i + 1;
    const std::string where = name + ": page " + std::to_string(i + 1);
    try {
      std::unique_ptr<poppler::page> p(doc->create_page(i));
      if (!p) throw Failure{where + ": cannot read this page", "check the PDF with qpdf --check"};
      const auto rect = p->page_rect();
      // A text layer's positions are kept at --dpi (or 300); a scan is OCR'd at its own resolution.
      int dpi = o.dpi > 0 ? o.dpi : kRenderDpi;
      auto words = text_layer(*p, dpi / 72.0);
      const bool layer = usable(words);
      if (!layer && o.dpi <= 0) {
        if (!scans) scans = scan_dpi(bytes, name);
        const int own = static_cast<size_t>(i) < scans->size() ? (*scans)[static_cast<size_t>(i)] : 0;
        if (own >= kMinScanDpi && own <= kMaxScanDpi) dpi = own;
      }
      const double w = std::ceil(rect.width() * dpi / 72.0), h = std::ceil(rect.height() * dpi / 72.0);
      if (!(w >= 1 && h >= 1) || w * h > static_cast<double>(o.max_pixels))
        throw Failure{where + ": the page is " + std::to_string(rect.width()) + " × " + std::to_string(rect.height()) +
                          " pt, " + std::to_string(static_cast<long long>(w)) + " × " +
                          std::to_string(static_cast<long long>(h)) + " pixels at " + std::to_string(dpi) +
                          " dpi: empty or more than --max-pixels " + std::to_string(o.max_pixels),
                      "pass a lower --dpi or a higher --max-pixels"};
      if (layer) {
        r.page = layer_page(std::move(words));
        r.via = "text layer";
      } else {
        PixPtr pix = render(*p, dpi, where);
        r.page = ocr.recognise(pix.get(), i + 1, name, o.keep == Keep::none ? nullptr : &r.kept);
        r.via = "ocr";
      }
      r.page.source = name;
      r.page.number = i + 1;
      r.page.width = static_cast<int>(w);
      r.page.height = static_cast<int>(h);
      r.page.dpi = dpi;
      if (r.via == "text layer") {
        r.page.engine = std::string("poppler ") + poppler::version_string();
        r.page.exact = true;
      }
    } catch (Failure& f) {
      r.page = {};
      r.error = std::move(f.error);
      r.hint = std::move(f.hint);
    }
    each(std::move(r));
  }
}

}  // namespace paiban::scan::engine
