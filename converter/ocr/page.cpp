#include "ocr/page.h"

namespace paiban::ocr {

const char* hint_name(Hint h) {
  switch (h) {
    case Hint::none: return "none";
    case Hint::text: return "text";
    case Hint::heading: return "heading";
    case Hint::caption: return "caption";
    case Hint::header: return "header";
    case Hint::footer: return "footer";
    case Hint::page_number: return "page-number";
    case Hint::other: return "other";
  }
  return "?";
}

std::string Line::text() const {
  std::string s;
  for (const auto& w : words) {
    if (w.text.empty()) continue;
    if (!s.empty()) s += ' ';
    s += w.text;
  }
  return s;
}

float Line::conf() const {
  double sum = 0;
  int n = 0;
  for (const auto& w : words)
    if (w.conf >= 0) sum += w.conf, ++n;
  return n ? static_cast<float>(sum / n) : -1.0f;
}

bool from_tesseract(std::string_view engine) {
  return engine.substr(0, 9) == "tesseract" || engine.substr(0, 9) == "Tesseract";
}

size_t Page::line_count() const {
  size_t n = 0;
  for (const auto& r : regions) n += r.lines.size();
  return n;
}

}  // namespace paiban::ocr
