// The naive baseline for OCR input, "keep the OCR's own paragraphs": what a user gets by taking
// the engine's paragraphs as they are. One article; every block a <p>; no character changed.
//   txt:  runs of blank lines separate paragraphs (a paragraph's lines joined without a space)
//   hOCR: each ocr_par is a paragraph (its ocrx_words joined by a space, lines without one)
//   ALTO: each TextBlock is a paragraph (its Strings joined by a space, TextLines without one)
#pragma once

#include <string>

#include "core/document.h"

namespace paiban::bench {

Document baseline_txt(const std::string& text);
// Throws paiban::Error naming `name` when the bytes are not well-formed XML.
Document baseline_hocr(const std::string& xml, const std::string& name);
Document baseline_alto(const std::string& xml, const std::string& name);

}  // namespace paiban::bench
