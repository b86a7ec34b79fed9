// prepare: a paragraph's text → shaped glyphs → atoms (clusters) and the gaps between them, with
// the clreq punctuation compression, Han–Latin spacing, and break opportunities (UAX #14 via
// ICU, then clreq's line-start/line-end prohibitions and unbreakable marks).
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>

#include "core/clreq.h"
#include "core/error.h"
#include "core/unicode.h"
#include "layout/paragraph.h"

namespace paiban::layout {

struct BreakFinder::Impl {
  std::unique_ptr<icu::BreakIterator> it;
};

BreakFinder::BreakFinder() : impl_(std::make_unique<Impl>()) {
  UErrorCode st = U_ZERO_ERROR;
  impl_->it.reset(icu::BreakIterator::createLineInstance(icu::Locale("zh"), st));
  if (U_FAILURE(st) || !impl_->it)
    throw Error(ExitCode::internal, std::string("ICU: cannot create a line break iterator: ") + u_errorName(st),
                "check that the ICU data library (libicu) is installed");
}

BreakFinder::~BreakFinder() = default;

void BreakFinder::find(std::string_view text, std::vector<bool>& breaks) {
  breaks.assign(text.size() + 1, false);
  if (text.empty()) return;
  UErrorCode st = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st);
  if (U_SUCCESS(st)) {
    impl_->it->setText(ut, st);  // native indexes of a UTF-8 UText are byte offsets
    for (int32_t i = impl_->it->first(); i != icu::BreakIterator::DONE; i = impl_->it->next())
      if (i >= 0 && static_cast<size_t>(i) <= text.size()) breaks[i] = true;
  }
  utext_close(ut);
  // UAX #14 keeps quotation marks (class QU) to their neighbours, which is wrong between Han
  // characters; Unicode 15.1's LB19a allows the break when both sides are East Asian. ICU 72
  // predates it, so between two wide characters the clreq prohibitions alone decide.
  size_t prev = 0;
  char32_t a = next_code_point(text, prev);
  for (size_t i = prev; i < text.size();) {
    size_t at = i;
    char32_t b = next_code_point(text, i);
    if (clreq::is_fullwidth(a) && clreq::is_fullwidth(b)) breaks[at] = true;
    a = b;
  }
}

namespace {

constexpr float kDigitUnitPenalty = 50;
constexpr char32_t kAcrossStandIn = U'\u4E00';  // any Han character

bool is_gap_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0xA0; }

bool is_punct_like(char32_t cp) {
  if (is_cjk_punct(cp) || clreq::is_adjustable_mark(cp) || cp == U'—' || cp == U'…') return true;
  return cp < 0x80 && !is_ascii_digit(cp) && !is_latin_letter(cp);
}

}  // namespace

Paragraph prepare_paragraph(std::string text, std::vector<ShapedGlyph> glyphs, BreakFinder& finder, float size,
                            float indent_em, float tracking_em, float gray, clreq::Variant variant) {
  Paragraph p;
  p.text = std::move(text);
  p.glyphs = std::move(glyphs);
  p.size = size;
  p.indent = indent_em * size;
  p.gray = gray;
  const std::string& t = p.text;
  const auto& g = p.glyphs;

  std::vector<bool> breaks;
  finder.find(t, breaks);

  // Clusters → atoms; runs of spaces become the gap before the next atom.
  struct Pending {
    bool space = false;
    int32_t glyph = -1;
    float advance = 0;
  } pending;
  std::vector<Pending> space_before;  // per atom: the spaces that precede it
  size_t gi = 0;
  while (gi < g.size()) {
    size_t gj = gi + 1;
    while (gj < g.size() && g[gj].cluster == g[gi].cluster) ++gj;
    uint32_t begin = g[gi].cluster;
    uint32_t end = gj < g.size() ? g[gj].cluster : static_cast<uint32_t>(t.size());
    if (end < begin) end = begin;  // defensive: shape() returns clusters in logical order
    size_t k = begin;
    char32_t first = k < t.size() ? next_code_point(t, k) : 0;
    char32_t last = first;
    bool all_space = is_gap_space(first);
    while (k < end) {
      last = next_code_point(t, k);
      all_space = all_space && is_gap_space(last);
    }
    float full = 0, half = 0;
    for (size_t x = gi; x < gj; ++x) {
      full += g[x].advance * size;
      half += g[x].half_advance * size;
    }
    if (all_space) {
      if (!pending.space) pending = Pending{true, static_cast<int32_t>(gi), full};
    } else {
      Atom a;
      a.begin = begin;
      a.end = end;
      a.glyph_begin = static_cast<uint32_t>(gi);
      a.glyph_end = static_cast<uint32_t>(gj);
      a.first = first;
      a.last = last;
      // Tate-chu-yoko: a number set across the column stands in the line as one Han character
      // (no Han–Western spacing around it, clreq §handling_of_western_text_in_vertical_writing_mode).
      if (g[gi].orient == Orient::across) a.first = a.last = kAcrossStandIn;
      a.full = full;
      a.half = std::min(half, full);
      a.counts = !is_punct_like(first);
      p.atoms.push_back(a);
      space_before.push_back(pending);
      pending = Pending{};
    }
    gi = gj;
  }
  int n = static_cast<int>(p.atoms.size());
  p.gaps.resize(n);
  if (n == 0) return p;
  // A centred mark (Traditional text) keeps its whole em box: no blank half to give up.
  for (Atom& a : p.atoms)
    if (a.first == a.last && clreq::centred_in_frame(a.first, variant)) a.half = a.full;

  // clreq §h-adjustment_of_adjacent_punctuation_marks: a pair of adjacent marks takes 1.5 em.
  for (int i = 0; i + 1 < n; ++i) {
    if (space_before[i + 1].space) continue;
    Atom& a = p.atoms[i];
    Atom& b = p.atoms[i + 1];
    switch (clreq::adjacent_squeeze(a.last, b.first)) {
      case clreq::Squeeze::first:
        if (a.half < a.full) a.base_t = 1;
        break;
      case clreq::Squeeze::second:
        if (b.half < b.full) b.base_t = 1;
        break;
      case clreq::Squeeze::none:
        break;
    }
  }
  for (Atom& a : p.atoms) {
    float blank = a.full - a.half;
    a.width = a.full - a.base_t * blank;
    if (a.base_t > 0 || blank <= 0) continue;
    clreq::Shrink cls;
    if (a.first == a.last && clreq::shrink_class(a.first, &cls)) {
      a.shrink = blank;
      a.shrink_cls = cls;
    }
    if (clreq::halves_at_line_end(a.last)) a.end_trim = blank;
    if (clreq::halves_at_line_start(a.first)) a.start_trim = blank;
  }

  float em = size;
  for (int i = 0; i < n; ++i) {
    Gap& gap = p.gaps[i];
    if (i + 1 == n) {
      gap.can_break = true;  // the paragraph ends
      continue;
    }
    const Atom& a = p.atoms[i];
    const Atom& b = p.atoms[i + 1];
    const Pending& sp = space_before[i + 1];
    if (sp.space) gap.space_glyph = sp.glyph;
    if (clreq::wants_han_latin_space(a.last, b.first)) {
      // clreq §mixed_text_composition_in_horizontal_writing_mode: ¼ em, not a space character
      // (an extraction space between Han and digits is absorbed into it).
      gap.width = clreq::kHanLatinSpace * em;
      gap.shrink = (clreq::kHanLatinSpace - clreq::kHanLatinMin) * em;
      gap.shrink_cls = clreq::Shrink::han_latin;
      gap.stretch = (clreq::kHanLatinMax - clreq::kHanLatinSpace) * em;
      gap.stretch_cls = clreq::Stretch::han_latin;
    } else if (sp.space) {
      // A real space. Between Chinese characters (a break in a title, a byline) it is set as
      // ½ em; between Western words it keeps the font's word space.
      bool cjk = clreq::is_fullwidth(a.last) || clreq::is_fullwidth(b.first);
      gap.width = cjk ? 0.5f * em : sp.advance;
      gap.shrink = std::max(0.0f, gap.width - clreq::kWordSpaceMin * em);
      gap.shrink_cls = clreq::Shrink::word_space;
      gap.stretch = std::max(0.0f, clreq::kWordSpaceMax * em - gap.width);
      gap.stretch_cls = clreq::Stretch::word_space;
    } else {
      gap.inter_char = clreq::stretchable_gap(a.last, b.first);
    }
    if (tracking_em != 0 && clreq::stretchable_gap(a.last, b.first)) gap.width += tracking_em * em;
    // UAX #14 opportunities (after spaces: at the next atom), minus clreq's prohibitions.
    gap.can_break = b.begin < breaks.size() && breaks[b.begin] && !clreq::forbids_break(a.last, b.first);
    // clreq §h-digits_and_their_prefix_and_suffix: a number and the unit or measure word after
    // it ("7次", "2024年") should stay together; UAX #14 allows the break, so it only costs.
    if (gap.can_break && is_ascii_digit(a.last) && is_han(b.first)) gap.penalty = kDigitUnitPenalty;
  }
  return p;
}

}  // namespace paiban::layout
