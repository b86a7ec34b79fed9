// read (ocr): which layout format the bytes hold, by content alone, and the reader for it.
#include "ocr/read.h"

#include "core/error.h"

namespace paiban::ocr {

namespace {

// The root element's name ("alto", "PcGts", "html"), after a BOM, white space, the XML
// declaration, comments, processing instructions and a DOCTYPE; "" when there is none to see.
std::string_view root_name(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  size_t i = 0;
  while (i < b.size()) {
    i = b.find_first_not_of(" \t\r\n", i);
    if (i == std::string_view::npos || b[i] != '<') return {};
    std::string_view rest = b.substr(i);
    std::string_view close = rest.substr(0, 4) == "<!--" ? "-->" : rest.substr(0, 2) == "<?" ? "?>"
                           : rest.substr(0, 2) == "<!" ? ">" : "";
    if (close.empty()) {
      size_t end = rest.find_first_of(" \t\r\n/>", 1);
      return rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
    }
    size_t e = b.find(close, i + 2);
    if (e == std::string_view::npos) return {};
    if (close == ">" && b.substr(i, e - i).find('[') != std::string_view::npos) {
      e = b.find("]>", i);  // a DOCTYPE with an internal subset ends at "]>"
      if (e == std::string_view::npos) return {};
      ++e;
    }
    i = e + close.size();
  }
  return {};
}

std::string_view local(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

const char* format_name(Format f) {
  switch (f) {
    case Format::hocr: return "hOCR";
    case Format::alto: return "ALTO";
    case Format::page_xml: return "PAGE XML";
    case Format::none: break;
  }
  return "none";
}

Format sniff(std::string_view bytes) {
  std::string_view root = local(root_name(bytes));
  if (root == "alto") return Format::alto;
  if (root == "PcGts") return Format::page_xml;
  // hOCR is HTML that names its pages with class="ocr_page" (hOCR 1.2 §4).
  if ((root == "html" || root == "HTML") && bytes.find("ocr_page") != std::string_view::npos) return Format::hocr;
  return Format::none;
}

std::vector<Page> read_ocr(std::string_view bytes, const std::string& name, const Limits& limits) {
  switch (sniff(bytes)) {
    case Format::hocr: return read_hocr(bytes, name, limits);
    case Format::alto: return read_alto(bytes, name, limits);
    case Format::page_xml: return read_page_xml(bytes, name, limits);
    case Format::none: break;
  }
  throw input_error(Where{name, 0, 0, -1, {}}, "not an OCR layout (hOCR, ALTO or PAGE XML)",
                    "paiban reads hOCR ('tesseract IMAGE OUT hocr'), ALTO ('… alto') and PAGE XML as OCR layouts");
}

}  // namespace paiban::ocr
