// The one model of an OCR page (DESIGN.md §7): page → regions → lines → words, each with a box
// in page units, type size, confidence and the source's id. The hOCR, ALTO and PAGE readers,
// the page-text reader and libtesseract's result iterator all fill it; reflow reads it.
// Readers only transcribe what the source says: they never decide structure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace paiban::ocr {

// What the source itself says a region or line is (hOCR ocr_header/ocr_caption, PAGE
// TextRegion@type, ALTO TextBlock tags). Evidence for reflow, never a decision.
enum class Hint : unsigned char {
  none,         // the source says nothing
  text,         // running text (PAGE paragraph)
  heading,      // PAGE heading; hOCR ocr_header
  caption,      // PAGE caption; hOCR ocr_caption
  header,       // running head at the page's top (PAGE header)
  footer,       // PAGE footer
  page_number,  // PAGE page-number
  other,        // anything else the source names (marginalia, drop-capital, …)
};
const char* hint_name(Hint h);

struct Word {
  std::string text;  // UTF-8 as the engine gave it (NFC applied by reflow, not here)
  BBox box;          // unknown (all 0) where the source has no word boxes
  float conf = -1;   // 0–100 (hOCR x_wconf, ALTO WC × 100, PAGE conf × 100); -1 unknown
};

struct Line {
  std::string id;        // the source's id ("line_1_3", ALTO ID, PAGE id); may be empty
  BBox box;              // unknown (all 0) for page text
  double size = 0;       // type size in page units (hOCR x_size, ALTO HEIGHT/FONTSIZE, box height); 0 unknown
  int baseline = 0;      // baseline y in page units; 0 unknown
  Hint hint = Hint::none;
  int par = -1;          // the source's paragraph within its region (hOCR ocr_par, a blank-line run in
                         // page text); -1 where the format has none (ALTO, PAGE)
  int blanks_before = 0; // page text: empty lines before this one in the source
  int src = 0;           // 1-based line of the source file where this line starts (messages, src ranges)
  bool hyphenated = false;  // ALTO HYP: the line ends in a hyphen the engine removed
  std::string face;         // its typeface as the source names it: a PDF text layer's font (the one
                            // most of its characters are set in, subset tag removed), ALTO's or
                            // PAGE's TextStyle (the line's, else its block's); empty unknown
  std::vector<Word> words;  // in reading order; page text: one word holding the whole line

  std::string text() const;  // the words joined as the source spaced them (one space between words)
  float conf() const;        // mean word confidence, -1 when unknown
};

struct Region {
  std::string id;   // ocr_carea / TextBlock / TextRegion id; may be empty
  BBox box;         // unknown for page text
  Hint hint = Hint::none;
  int src = 0;
  std::vector<Line> lines;  // in the source's reading order
};

struct Page {
  std::string source;  // the input's file name (messages, <article source>)
  int number = 1;      // 1-based within a multi-page input
  int width = 0, height = 0;  // page size in page units; 0 unknown
  int dpi = 0;         // page units per inch (pixels of the scan); 0 unknown (readers assume 300 only
                       // where they must convert physical units and say so in `warnings`)
  std::string engine;  // producer as the source names it ("tesseract 5.3.0", "ABBYY FineReader"…)
  bool exact = false;  // boxes and sizes are the type's own (a PDF's text layer), not measured from ink
  std::vector<Region> regions;       // in the source's reading order
  std::vector<BBox> rules;           // rules and frames the source names (hOCR ocr_separator, ALTO
                                     // GraphicalElement, PAGE SeparatorRegion, Tesseract's line
                                     // blocks): evidence of boxes, never text
  std::vector<std::string> warnings; // "file:line: …" things the reader tolerated (a box outside the page…)

  size_t line_count() const;
};

// Whether a producer's name (Page::engine, ALTO's softwareName) is Tesseract's.
bool from_tesseract(std::string_view engine);

}  // namespace paiban::ocr
