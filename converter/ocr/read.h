// Readers of OCR layouts into the OCR page model (ocr/page.h), detected by content.
// Each throws Error "name:line: <element>: what is wrong" (hint: what to do) on input it cannot
// read; what it can tolerate goes to Page::warnings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "ocr/page.h"

namespace paiban::ocr {

enum class Format { none, hocr, alto, page_xml };
const char* format_name(Format f);  // "hOCR", "ALTO", "PAGE XML"

// Which OCR layout format these bytes are, from their content (never the file name); none when
// they are not one (article XML, plain text, anything else).
Format sniff(std::string_view bytes);

// One Page per page the file holds (hOCR and ALTO may hold several), in order.
std::vector<Page> read_hocr(std::string_view bytes, const std::string& name, const Limits& limits = {});
std::vector<Page> read_alto(std::string_view bytes, const std::string& name, const Limits& limits = {});
std::vector<Page> read_page_xml(std::string_view bytes, const std::string& name, const Limits& limits = {});
// Dispatches on sniff(); throws when the bytes are no OCR layout.
std::vector<Page> read_ocr(std::string_view bytes, const std::string& name, const Limits& limits = {});

}  // namespace paiban::ocr
