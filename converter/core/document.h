// The one data model in the middle of the pipeline (DESIGN.md §1-2).
// Reflow writes it, the XML reader/writer round-trips it, text and layout read it.
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
};

const char* kind_name(Kind k);  // the XML element name: "headline", ..., "p", "box"

struct Block {
  Kind kind = Kind::paragraph;
  std::string text;                // headline, subtitle, byline, paragraph (UTF-8, NFC)
  std::vector<std::string> lines;  // heading only
  LineRange src;
  std::vector<Block> children;     // section and box only

  bool operator==(const Block& o) const {
    return kind == o.kind && text == o.text && lines == o.lines && src == o.src &&
           children == o.children;
  }
};

struct Document {
  std::string lang = "zh-Hans";
  std::string source;  // the input's file name (no directories), "" for stdin
  std::string date;    // publication date, ISO 8601 "YYYY-MM-DD" (core/date.h); "" when unknown
  std::vector<Block> blocks;

  bool operator==(const Document& o) const {
    return lang == o.lang && source == o.source && date == o.date && blocks == o.blocks;
  }
};

// All text of a block and its descendants in reading order (heading lines concatenated).
std::string plain_text(const Block& b);

}  // namespace paiban
