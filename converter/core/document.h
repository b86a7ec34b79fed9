// The one data model in the middle of the pipeline (DESIGN.md §1-2, §7).
// Reflow writes it, the XML reader/writer round-trips it, text and layout read it.
// A Document is one article, or (input from a scanned page) pages that hold articles.
#pragma once

#include <string>
#include <vector>

namespace paiban {

// 1-based inclusive source line range; {0,0} when unknown (e.g. hand-written XML without src).
struct LineRange {
  int first = 0;
  int last = 0;
  bool known() const { return first > 0; }
  bool operator==(const LineRange& o) const { return first == o.first && last == o.last; }
};

enum class Kind {
  headline,   // <headline>: text
  subtitle,   // <subtitle>: text
  byline,     // <byline>: text
  section,    // <section>: children (one optional heading first, then p / box)
  heading,    // <heading>: lines (each a printed line, kept as <line>)
  paragraph,  // <p>: text
  box,        // <box>: children (optional heading, then p)
  caption,    // <caption>: text under or beside a picture
  figure,     // <figure src= columns=>: a picture (children: caption?, credit?)
  credit,     // <credit>: who took the picture (inside a figure)
};

const char* kind_name(Kind k);  // the XML element name: "headline", ..., "p", "box"

// A rectangle on a scanned page, in the page's units (pixels of the scan at Page::dpi), y down:
// x0,y0 the top-left corner, x1,y1 the bottom-right (exclusive), as hOCR's bbox.
struct BBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool known() const { return x1 > x0 && y1 > y0; }
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool operator==(const BBox& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

struct Block {
  Kind kind = Kind::paragraph;
  std::string text;                // headline, subtitle, byline, paragraph (UTF-8, NFC)
  std::vector<std::string> lines;  // heading only
  LineRange src;
  std::vector<Block> children;     // section and box only
  // Provenance on OCR layout input (hOCR, ALTO, PAGE, an image): the source lines' ids in
  // reading order, space-separated, and the block's box on the page. Empty for text input.
  std::string ids;
  BBox bbox;
  // A figure: its picture file as written (relative to the article's file) and the whole columns
  // it spans (0: one).
  std::string image;
  int columns = 0;

  bool operator==(const Block& o) const {
    return kind == o.kind && text == o.text && lines == o.lines && src == o.src &&
           children == o.children && ids == o.ids && bbox == o.bbox && image == o.image && columns == o.columns;
  }
};

// What a page carries outside its articles: kept, but never part of an article's text.
struct Furniture {
  enum class Role { running_head, folio, other };
  Role role = Role::other;
  std::string text;
  LineRange src;
  std::string ids;
  BBox bbox;
  bool operator==(const Furniture& o) const {
    return role == o.role && text == o.text && src == o.src && ids == o.ids && bbox == o.bbox;
  }
};
const char* role_name(Furniture::Role r);  // "running-head", "folio", "other"

struct Document;

// One scanned page: its articles in reading order (each a Document without pages).
struct Page {
  int number = 0;       // 1-based page of its input file (a multi-page TIFF or PDF); 0 unknown
  int width = 0, height = 0;  // page size in its units (pixels); 0 unknown (page text input)
  int dpi = 0;                // resolution of those units; 0 unknown
  std::vector<Document> articles;
  std::vector<Furniture> furniture;
  bool operator==(const Page& o) const;
};

struct Document {
  std::string lang = "zh-Hans";
  std::string source;  // the input's file name (no directories), "" for stdin
  std::string date;    // publication date, ISO 8601 "YYYY-MM-DD" (core/date.h); "" when unknown
  std::vector<Block> blocks;  // an article's blocks (empty when `pages` is not)
  BBox bbox;                  // an article on a scanned page: the area it covers
  // Input that was a scanned page (or several): written as <page> (<pages> for more than one),
  // each holding its <article>s. Empty for a single article, written as <article>.
  std::vector<Page> pages;

  bool is_pages() const { return !pages.empty(); }
  bool operator==(const Document& o) const {
    return lang == o.lang && source == o.source && date == o.date && blocks == o.blocks &&
           bbox == o.bbox && pages == o.pages;
  }
};

inline bool Page::operator==(const Page& o) const {
  return number == o.number && width == o.width && height == o.height && dpi == o.dpi &&
         articles == o.articles && furniture == o.furniture;
}

// All text of a block and its descendants in reading order (heading lines concatenated).
std::string plain_text(const Block& b);

}  // namespace paiban
