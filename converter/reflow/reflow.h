// reflow: decoded column lines → Document (the stages, in order, are in reflow.cpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"

namespace paiban {

struct ReflowReport {
  // Repairs made, by kind ("halfwidth-comma", "byline-marker", "letter-spacing", ...) → count.
  std::map<std::string, int> repairs;
  std::vector<std::string> warnings;  // "line 12: ..." problems a person should check
  // "line 96: ..." decisions a person may want to review (ambiguous breaks, boxes found): shown
  // with --verbose only, since a correct text has them too.
  std::vector<std::string> notes;
  // reflow_ocr: the repairs of each page, in the order of its pages (their sum is `repairs`).
  std::vector<std::map<std::string, int>> page_repairs;
};

struct ReflowResult {
  Document doc;
  ReflowReport report;
};

// lines[i] is source line i+1 (UTF-8, no terminators). `source` is the file name for <article source>.
// Column text of one article gives a Document of blocks; the text of a whole page that holds
// several articles (Tesseract's txt of a newspaper page) gives a Document with one page.
ReflowResult reflow(const std::vector<std::string>& lines, const std::string& source);

// The language tag of the document and of each article on its pages, from their Han forms:
// "zh-Hant" for Traditional text, else "zh-Hans" (label.cpp; reflow and reflow_ocr call it last).
void label_language(Document& doc);
// The same tag on the document and every article (--lang).
void set_language(Document& doc, const std::string& lang);

}  // namespace paiban

namespace paiban::ocr { struct Page; }

namespace paiban {

// OCR layout pages (hOCR, ALTO, PAGE, libtesseract) → a Document with one Page each, holding
// the page's articles in reading order, running heads and folios kept apart, every block with
// its source line ids and bbox.
ReflowResult reflow_ocr(const std::vector<ocr::Page>& pages, const std::string& source);

}  // namespace paiban
