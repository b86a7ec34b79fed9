// What reflow found and repaired, for --verbose (one line per fact, on stderr).
#pragma once

#include <string>

#include "core/document.h"
#include "pipeline/convert.h"
#include "reflow/reflow.h"

namespace paiban::cli {

// "IN: headline 1, subtitle 1, byline 1, sections 5, paragraphs 27, boxes 1"
// "IN: repairs: byline-marker 1, extraction-space 57, ..." and each warning and note.
std::string summary(const std::string& name, const Document& doc, const ReflowReport& report);

// A scan, one line per page: "IN: page 2: ocr, 812 words, mean confidence 87.4, 3 articles";
// "" when the input was no scan.
std::string scan_summary(const std::string& name, const ScanLoad& load);

}  // namespace paiban::cli
