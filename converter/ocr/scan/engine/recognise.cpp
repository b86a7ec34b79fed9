// recognise: one page image → OCR page through libtesseract's result iterator, walked as
// Tesseract's own hOCR renderer walks it (src/api/hocrrenderer.cpp: ids counted over text-bearing
// blocks, paragraphs, lines and words; x_size = row height; x_wconf = the confidence truncated),
// so `paiban reflow page.png` and `tesseract page.png - hocr | paiban reflow` read the same page.
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

using tesseract::PageIteratorLevel;

// Where Tesseract looks for NAME.traineddata: $TESSDATA_PREFIX (Tesseract 5 takes it as the
// tessdata folder itself), else Debian's (package tesseract-ocr-LANG).
std::string tessdata_dir() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
  return "/usr/share/tesseract-ocr/5/tessdata";
}

// Each of lang's '+'-joined languages must be a plain name with its traineddata installed.
void check_languages(const std::string& lang) {
  if (lang.empty()) throw Failure{"--ocr-lang is empty", "pass a Tesseract language: chi_sim, chi_tra, chi_sim+eng"};
  size_t start = 0;
  while (start <= lang.size()) {
    size_t plus = lang.find('+', start);
    std::string one = lang.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    bool plain = !one.empty();
    for (char c : one) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!plain)
      throw Failure{"--ocr-lang " + lang + ": '" + one + "' is not a Tesseract language name",
                    "pass names such as chi_sim, chi_tra or eng, joined with '+'"};
    std::error_code ec;
    if (!std::filesystem::exists(tessdata_dir() + "/" + one + ".traineddata", ec)) {
      std::string package = "tesseract-ocr-" + one;
      for (char& c : package) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      throw Failure{"--ocr-lang " + lang + ": no Tesseract language pack for '" + one + "' in " + tessdata_dir(),
                    "install the Debian package " + package + " (apt-get install " + package + ")"};
    }
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
}

BBox box_at(const tesseract::ResultIterator& it, PageIteratorLevel level) {
  BBox b;
  it.BoundingBox(level, &b.x0, &b.y0, &b.x1, &b.y1);
  return b;
}

// hOCR's `baseline p1 p0` is fitted from the bottom-left of the line box; the model keeps the
// baseline's y at the line's left edge, in page pixels (0 when Tesseract has none).
int baseline_at(const tesseract::ResultIterator& it, const BBox& box) {
  int x1, y1, x2, y2;
  if (!it.Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2) || x1 == x2) return 0;
  x1 -= box.x0, x2 -= box.x0, y1 -= box.y1, y2 -= box.y1;
  double p1 = (y2 - y1) / static_cast<double>(x2 - x1);
  double p0 = std::round((y1 - p1 * x1) * 1000.0) / 1000.0;
  return box.y1 + static_cast<int>(std::lround(p0));
}

ocr::Hint hint_of(tesseract::PolyBlockType type) {
  switch (type) {
    case tesseract::PT_HEADING_TEXT: return ocr::Hint::heading;   // hOCR ocr_header
    case tesseract::PT_CAPTION_TEXT: return ocr::Hint::caption;   // hOCR ocr_caption
    case tesseract::PT_PULLOUT_TEXT: return ocr::Hint::other;     // hOCR ocr_textfloat
    default: return ocr::Hint::none;                              // hOCR ocr_line
  }
}

std::string take(char* s) {
  std::string out = s ? s : "";
  delete[] s;
  return out;
}

}  // namespace

Recogniser::Recogniser(const Options& options) : options_(options) {
  check_languages(options.lang);
  if (options.psm < 0 || options.psm > 13 || options.psm == 0 || options.psm == 2)
    throw Failure{"--psm " + std::to_string(options.psm) + ": not a page segmentation mode that recognises text",
                  "pass 1 or 3-13 (3, automatic, is tesseract's own default; 4 one column; 6 one block)"};
}

Recogniser::~Recogniser() {
  if (api_) api_->End();
}

std::string Recogniser::version() const { return std::string("tesseract ") + tesseract::TessBaseAPI::Version(); }

// Once per engine: loading chi_sim's model is ~0.3 s, the cost a batch pays once per worker.
void Recogniser::init() {
  if (ready_) return;
  api_ = std::make_unique<tesseract::TessBaseAPI>();
  if (api_->Init(nullptr, options_.lang.c_str(), tesseract::OEM_DEFAULT) != 0) {
    api_.reset();
    throw Failure{"tesseract cannot load --ocr-lang " + options_.lang + " from " + tessdata_dir(),
                  "reinstall the language packs (apt-get install --reinstall tesseract-ocr-chi-sim)"};
  }
  api_->SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.psm));
  // Tesseract's notes ("Estimating resolution as 254") are not paiban's messages.
  api_->SetVariable("debug_file", "/dev/null");
  ready_ = true;
}

ocr::Page Recogniser::recognise(Pix* pix, int number, const std::string& name, std::string* kept) {
  init();
  api_->SetImage(pix);
  if (api_->Recognize(nullptr) != 0) {
    api_->Clear();
    throw Failure{name + ": page " + std::to_string(number) + ": tesseract could not recognise this page",
                  "check the image (is it a page scan?); try another --psm"};
  }
  ocr::Page page;
  page.source = name;
  page.number = number;
  page.width = pixGetWidth(pix);
  page.height = pixGetHeight(pix);
  page.dpi = pixGetYRes(pix);
  page.engine = version();
  const int page_id = number;  // hOCR ids are page_N, block_N_b, par_N_p, line_N_l, word_N_w
  int bcnt = 1, lcnt = 1, par_in_block = -1;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  while (it && !it->Empty(tesseract::RIL_BLOCK)) {
    // A rule is kept as evidence of a box's frame, as the hOCR reader keeps ocr_separator.
    if (it->IsAtBeginningOf(tesseract::RIL_BLOCK) && PTIsLineType(it->BlockType()))
      page.rules.push_back(box_at(*it, tesseract::RIL_BLOCK));
    if (it->Empty(tesseract::RIL_WORD)) {  // a picture or a rule: no text, no ids
      it->Next(tesseract::RIL_WORD);
      continue;
    }
    if (it->IsAtBeginningOf(tesseract::RIL_BLOCK) && (PTIsLineType(it->BlockType()) || PTIsImageType(it->BlockType()))) {
      // A rule or a picture: Tesseract 5.3's hOCR writes it as ocr_separator/ocr_photo with a
      // block id and no line, so it takes a block number and no line number here too.
      it->Next(tesseract::RIL_BLOCK);
      ++bcnt;
      continue;
    }
    if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) {
      ocr::Region& r = page.regions.emplace_back();
      r.id = "block_" + std::to_string(page_id) + "_" + std::to_string(bcnt);
      r.box = box_at(*it, tesseract::RIL_BLOCK);
      par_in_block = -1;
    }
    if (it->IsAtBeginningOf(tesseract::RIL_PARA)) ++par_in_block;
    ocr::Region& region = page.regions.back();
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      ocr::Line& l = region.lines.emplace_back();
      l.id = "line_" + std::to_string(page_id) + "_" + std::to_string(lcnt);
      l.box = box_at(*it, tesseract::RIL_TEXTLINE);
      l.baseline = baseline_at(*it, l.box);
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      l.size = row_height;
      l.hint = hint_of(it->BlockType());
      l.par = par_in_block;
    }
    ocr::Word& w = region.lines.back().words.emplace_back();
    w.text = take(it->GetUTF8Text(tesseract::RIL_WORD));
    w.box = box_at(*it, tesseract::RIL_WORD);
    w.conf = static_cast<float>(static_cast<int>(it->Confidence(tesseract::RIL_WORD)));
    const bool end_line = it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
    const bool end_block = it->IsAtFinalElement(tesseract::RIL_BLOCK, tesseract::RIL_WORD);
    // Step symbol by symbol to the next word, as Tesseract's hOCR renderer does: Next(RIL_WORD)
    // lands elsewhere around empty words, and the line numbers then drift from its hOCR's ids.
    do it->Next(tesseract::RIL_SYMBOL);
    while (!it->Empty(tesseract::RIL_BLOCK) && !it->IsAtBeginningOf(tesseract::RIL_WORD));
    if (end_line) ++lcnt;
    if (end_block) ++bcnt;
  }
  it.reset();
  if (kept && options_.keep == Keep::hocr) *kept = take(api_->GetHOCRText(number - 1));
  if (kept && options_.keep == Keep::alto) *kept = take(api_->GetAltoText(number - 1));
  api_->Clear();  // the page's results go; the model stays loaded for the next page
  return page;
}

}  // namespace paiban::scan::engine
