// The laid-out document: what layout produces and the PDF writer consumes.
// All lengths in PostScript points; origin at the page's bottom-left (PDF user space).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/image.h"

namespace paiban {

struct PlacedGlyph {
  uint32_t gid = 0;   // glyph id in the ORIGINAL (unsubsetted) face
  float x = 0, y = 0; // pen position of the glyph origin on the page (after offsets are applied)
  std::string text;   // the source text this glyph stands for (whole cluster on its first glyph,
                      // "" on the cluster's other glyphs); feeds /ToUnicode and copy/paste
};

// How a run's glyphs are drawn. `vertical`: with the face's Identity-V font (PDF 32000-1
// §9.7.4.3, /W2), each glyph's x, y being its vertical origin (top centre) and the pen moving
// down; `rotated`: as horizontal text turned 90° clockwise (Latin in a vertical line), x, y the
// origin on the baseline that now runs down the page.
enum class RunWriting : uint8_t { horizontal, vertical, rotated };

// A run of glyphs of one face at one size, in reading order. The writer emits runs in order,
// so the content stream is in reading order.
struct GlyphRun {
  int face = 0;       // index into FontLibrary
  float size = 10;    // font size in pt
  float gray = 0;     // 0 = black; text is gray only (pure K in print)
  RunWriting writing = RunWriting::horizontal;
  float hscale = 1;   // horizontal scaling (Tz, §9.3.4): an across group condensed to one em
  // A vertical line's runs (upright, rotated and across) share a number > 0, so the PDF copies the
  // line out whole and in order (/ActualText, PDF 32000-1 §14.9.4); 0 for horizontal text.
  int line = 0;
  std::vector<PlacedGlyph> glyphs;
};

struct RuleLine {      // a stroked line: column rules, heading rules, box frames
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  float gray = 0;
};

struct PlacedImage {   // a picture: its lower-left corner and size on the page
  std::shared_ptr<const Image> image;
  float x = 0, y = 0, w = 0, h = 0;
};

struct Bookmark {
  std::string title;
  int page = 0;        // 0-based page index
  float y = 0;         // top of the target on that page
};

struct LaidOutPage {
  float width = 595.276f, height = 841.89f;  // MediaBox (includes bleed when bleed > 0)
  float bleed = 0;                            // TrimBox = MediaBox inset by bleed; BleedBox = MediaBox
  std::vector<GlyphRun> runs;
  std::vector<RuleLine> rules;
  std::vector<PlacedImage> images;
};

// What a document is besides its pages: /Info and the outline.
struct DocumentInfo {
  std::string title, author, subject;
  std::vector<Bookmark> bookmarks;
};

struct LaidOutDocument : DocumentInfo {
  std::vector<LaidOutPage> pages;
};

}  // namespace paiban
