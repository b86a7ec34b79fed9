// degrade: a clean article → OCR-style column text with the artefacts of DESIGN.md §3, plus
// the exact truth (a Document with src line ranges), deterministically from a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "text/wrap.h"
#include "corpus.h"

namespace paiban::bench {

// Portable deterministic generator (splitmix64): the same seed gives the same article on every
// platform, which std:: distributions do not promise.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  int uniform(int lo, int hi);  // inclusive
  double real();                // [0, 1)
  bool chance(double p) { return real() < p; }

 private:
  uint64_t state_;
};

// How the extractor separated printed lines.
enum class EmptyLines {
  every,      // an empty line after every printed line, except after one ending in ASCII digits
  none,       // no empty lines at all
  paragraph,  // empty lines only between blocks (paragraph breaks)
};
const char* empty_lines_name(EmptyLines e);

struct DegradeOptions {
  int measure = 24;        // body column measure in Han characters (2 display units each)
  int box_measure = 40;    // the closing box's wider measure, in Han characters
  EmptyLines empty = EmptyLines::every;
  bool subtitle = true;    // a "——" subtitle line after the headline
  bool byline = true;      // "□ 本报记者 NAME"
  bool traditional = false;  // the byline's credit in Traditional form (本報記者): a Traditional corpus
  bool box = true;         // the last paragraphs set as a box at box_measure (when there are enough)
  bool hanging = false;    // closing punctuation may hang one character past the measure
  bool heading_lines_adjacent = true;   // policy `every`: no empty line inside a heading
  bool headline_subtitle_adjacent = true;
  bool leading_empty_line = false;
  double extraction_space = 0.5;  // chance of a space at each Han|digit/Latin boundary in a line
  double letter_spacing = 0.5;    // chance a justified (slack) line comes out letter-spaced
  double real_title_space = 0.5;  // chance a long 《…》 title gets a real inner space
  double halfwidth_punct = 0.0;   // chance OCR reads ，：；？！（） between Han as ,:;?!()
};

// Draws a full option set from the seed; measure is drawn in [measure_lo, measure_hi].
DegradeOptions random_options(uint64_t seed, int measure_lo, int measure_hi, EmptyLines empty);

// How many of each artefact an article received (to prove coverage).
struct ArtefactCounts {
  int extraction_spaces = 0;    // spaces inserted at Han|digit/Latin boundaries
  int letter_spaced_lines = 0;
  int split_numbers = 0;        // a line ending in a digit followed by a line starting with Han
  int real_spaces = 0;          // spaces in the truth text that must survive
  int multi_line_headings = 0;
  int hanging_lines = 0;        // lines wider than the measure by hung punctuation
  int box_paragraphs = 0;
  int bylines = 0;
  int subtitles = 0;
  int halfwidth_punct = 0;      // full-width marks printed as their ASCII look-alikes
  ArtefactCounts& operator+=(const ArtefactCounts& o);
};

struct Degraded {
  std::string id;
  uint64_t seed = 0;
  DegradeOptions options;
  std::vector<std::string> lines;  // lines[i] is source line i+1, no terminators
  Document truth;                  // blocks with exact text and src ranges
  ArtefactCounts artefacts;
};

// `other_headline` supplies the subtitle's words (any clean headline of another article).
Degraded degrade(const CorpusArticle& article, const DegradeOptions& options, uint64_t seed,
                 const std::string& other_headline);

// The ASCII look-alike OCR reads for a full-width mark, or 0 (，→, ：→: ；→; ？→? ！→! （→( ）→)).
char32_t halfwidth_confusion(char32_t full);

// A printed column (exposed for tests): text/wrap.h's greedy wrap, a space a break only between
// non-Han characters (a real space between Han stays inside the line); widths in display units.
std::vector<WrappedLine> wrap_column(const std::u32string& text, int first_units, int units,
                                     bool hanging);

}  // namespace paiban::bench
