// ocr_set: the real-OCR development set made by bench/ocr/make-devset (docs/ocr-devset.md).
// One folder per page: truth.xml (<page> holding <furniture> and <article>s in reading order),
// and Tesseract's output psmN.txt / psmN.hocr / psmN.xml (ALTO) for N in 3, 4, 6.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace paiban::bench {

struct OcrPage {
  std::string dir;     // the page's folder
  std::string name;    // its base name ("p003")
  std::string engine;  // "paiban" or "weasyprint"
  std::vector<Document> articles;  // the truth, in reading order
};

// The truth of one page, from truth.xml's text; throws paiban::Error naming `name` and the
// element when it is not a <page> of <article>s as make-devset writes them.
OcrPage parse_ocr_truth(const std::string& xml, const std::string& name);

// Every finished page (a folder with a `done` marker and truth.xml) of a set, by folder name.
// Throws paiban::Error when `dir` is not a folder.
std::vector<OcrPage> load_ocr_set(const std::string& dir);

// All articles of a page as one Document, blocks in reading order: what block metrics score.
Document concat_articles(const std::vector<Document>& articles);

}  // namespace paiban::bench
