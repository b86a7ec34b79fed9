// score: compare a reflowed Document with the truth.
//
// Definitions (the benchmark prints these figures):
// - Leaf blocks: the document flattened in reading order to headline, subtitle, byline,
//   heading, p and box-p (a p inside a box); sections and boxes themselves are implied by them.
// - Offsets count code points in the concatenated non-space text of all leaves (whitespace
//   removed). The reflow's offsets are carried onto the truth's through a minimum-edit
//   (Levenshtein) alignment of the two non-space texts, so a lost character does not shift
//   every later boundary.
// - Untyped boundary: the offset where a leaf starts, excluding offset 0 (always a start): the
//   breaks between blocks. Typed boundary: the pair (offset, leaf type), offset 0 included, so
//   a headline scored as p counts as one false positive and one false negative.
//   Precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R), summed over articles (micro).
// - CER (non-space): Levenshtein distance between the non-space texts / truth non-space length:
//   characters lost, invented or changed, whatever the spacing.
// - CER (spaced): the same over the texts with spaces (each leaf's whitespace runs collapsed to
//   one space and trimmed, leaves concatenated, heading lines concatenated): adds extraction
//   spaces left in and real spaces removed. Lost real spaces and spurious spaces are also
//   counted separately from that alignment.
// - Heading lines exact: truth headings whose start is matched by a predicted heading with the
//   same printed lines (non-space text per line). src exact: typed matches with equal src.
// - Edit kinds: each run of edits in the spaced alignment, classified by its likely cause.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"

namespace paiban::bench {

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  Counts& operator+=(const Counts& o) { tp += o.tp; fp += o.fp; fn += o.fn; return *this; }
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Score {
  Counts untyped, typed;
  std::map<std::string, Counts> by_type;  // typed counts per leaf type
  long edits = 0, chars = 0;              // non-space
  long edits_spaced = 0, chars_spaced = 0;
  long lost_spaces = 0, spurious_spaces = 0, truth_spaces = 0;
  long headings = 0, heading_lines_ok = 0;
  // Spaced-text edits by cause: "extraction space kept", "letter-spacing kept", "real space lost",
  // "other space", "half-width punctuation kept", "byline marker kept", "other text".
  std::map<std::string, long> edit_kinds;
  // Block starts by (truth type, reflow type); "-" = no block starts there on that side.
  std::map<std::pair<std::string, std::string>, long> confusion;
  long src_checked = 0, src_ok = 0;
  Score& operator+=(const Score& o);
  double cer() const { return chars ? double(edits) / double(chars) : 0.0; }
  double cer_spaced() const { return chars_spaced ? double(edits_spaced) / double(chars_spaced) : 0.0; }
  long badness() const { return untyped.fp + untyped.fn + typed.fp + typed.fn + edits_spaced; }
};

// One boundary failure, for diagnosis against the input lines.
struct BoundaryFailure {
  enum Kind { missed, spurious, retyped } kind;
  std::string truth_type, pred_type;  // "" where that side has no block
  int line = 0;                       // source line where the block starts (truth's, or the reflow's when spurious)
};

struct ScoredArticle {
  Score score;
  std::vector<std::string> diff;  // human-readable failures, most telling first
  std::vector<BoundaryFailure> failures;
};

ScoredArticle score_article(const Document& truth, const Document& pred);

// Levenshtein distance with an alignment; exposed for tests. map[i] is the truth index that
// predicted index i lands on (insertions land on the next aligned truth index); map has
// pred.size() + 1 entries, the last being truth.size().
struct Alignment {
  long distance = 0;
  std::vector<int> map;
  // Edit runs as (truth begin, truth end, pred begin, pred end), in order.
  struct Run { int t0, t1, p0, p1; };
  std::vector<Run> runs;
};
Alignment align(const std::u32string& truth, const std::u32string& pred);

}  // namespace paiban::bench
