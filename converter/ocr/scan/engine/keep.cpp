// keep: the pages Tesseract saw, as one hOCR (kba.github.io/hocr-spec 1.2) or ALTO v3 document
// around its per-page fragments (GetHOCRText/GetAltoText), so an archive can reflow again later
// without OCR.
#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string hocr_document(const std::vector<std::string>& pages, const std::string& engine) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
      "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n <head>\n  <title></title>\n"
      "  <meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
      "  <meta name='ocr-system' content='" + escape(engine) + "' />\n"
      "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>\n"
      " </head>\n <body>\n";
  for (const auto& p : pages) out += p;
  out += " </body>\n</html>\n";
  return out;
}

std::string alto_document(const std::vector<std::string>& pages, const std::string& name, const std::string& engine) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v3# "
      "http://www.loc.gov/alto/v3/alto-3-0.xsd\">\n"
      "\t<Description>\n\t\t<MeasurementUnit>pixel</MeasurementUnit>\n"
      "\t\t<sourceImageInformation>\n\t\t\t<fileName>" + escape(name) + "</fileName>\n\t\t</sourceImageInformation>\n"
      "\t\t<OCRProcessing ID=\"OCR_0\">\n\t\t\t<ocrProcessingStep>\n\t\t\t\t<processingSoftware>\n"
      "\t\t\t\t\t<softwareName>" + escape(engine) + "</softwareName>\n"
      "\t\t\t\t</processingSoftware>\n\t\t\t</ocrProcessingStep>\n\t\t</OCRProcessing>\n\t</Description>\n\t<Layout>\n";
  for (const auto& p : pages) out += p;
  out += "\t</Layout>\n</alto>\n";
  return out;
}

}  // namespace paiban::scan::engine
