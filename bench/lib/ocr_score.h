// ocr_score: what reflow_bench --ocr adds to score.h for whole pages.
// - Article split: an article is found when a predicted <article> starts where its headline
//   starts: offsets in the pages' non-space text, the prediction's first character that the
//   truth also has carried onto the truth's by the minimum-edit alignment of score.h (so a
//   running head before it, or a first headline character OCR lost, does not hide it).
//   Precision = found / predicted articles with text, recall = found / truth articles; each
//   truth article is found at most once.
// - Type accuracy: of the block starts both sides have (score.h's confusion, offset 0
//   included), the share whose predicted type is the truth's.
#pragma once

#include <vector>

#include "core/document.h"
#include "score.h"

namespace paiban::bench {

Counts score_split(const std::vector<Document>& truth, const std::vector<Document>& pred);

struct TypeAccuracy {
  long matched = 0, right = 0;
  double value() const { return matched ? double(right) / double(matched) : 1.0; }
};
TypeAccuracy type_accuracy(const Score& s);

// A reflow result's articles: those of its pages in order, or the Document itself when it is
// one article.
std::vector<Document> articles_of(const Document& d);

}  // namespace paiban::bench
