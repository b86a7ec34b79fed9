// break: chooses the line breaks of a whole paragraph at once (a total-fit search in the manner
// of Knuth & Plass, "Breaking Paragraphs into Lines", 1981), so that spacing stays even across
// lines instead of being decided greedily one line at a time. Lines are justified by shrinking
// in clreq's order, then stretching (clreq §line_adjustment).
#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/paragraph.h"

namespace paiban::layout {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLinePenalty = 10;       // per line: prefer fewer lines when all else is equal
constexpr double kFitnessDemerits = 2000;  // adjacent lines of very different tightness
constexpr double kOrphanDemerits = 1e7;    // clreq §adjustments_of_orphans_and_widows: a last line of one character
constexpr double kOverfullDemerits = 1e9;  // only when an unbreakable run is longer than the measure
// Inter-character expansion counted as "fully stretched" (ratio 1) at 0.1 em per gap: beyond
// that, letter-spaced Chinese starts to look gappy.
constexpr float kInterCharTolerance = 0.1f;
// Squeezing marks to their half form is ordinary in mainland typesetting and clreq prefers it to
// expansion, so shrinking costs less than stretching by the same ratio.
constexpr double kShrinkWeight = 10;
constexpr double kStretchWeight = 100;
constexpr float kEps = 1e-3f;
constexpr double kDisplayPhrasePenalty = 150;

struct Sums {
  int n = 0;
  std::vector<double> aw, gw;                                  // atom / gap widths
  std::array<std::vector<double>, clreq::kShrinkClasses> as, gs;  // atom / gap shrink per class
  std::array<std::vector<double>, clreq::kStretchClasses> gt;     // gap stretch per class
  std::vector<double> ts_a, ts_g, tb;  // all shrink of atoms / of gaps; all bounded stretch
  std::vector<int> ni;                 // inter-character gaps
  std::vector<int> counts;             // characters that count for one-character last lines

  explicit Sums(const Paragraph& p) : n(static_cast<int>(p.atoms.size())) {
    aw.assign(n + 1, 0);
    gw.assign(n + 1, 0);
    for (auto& v : as) v.assign(n + 1, 0);
    for (auto& v : gs) v.assign(n + 1, 0);
    for (auto& v : gt) v.assign(n + 1, 0);
    ts_a.assign(n + 1, 0);
    ts_g.assign(n + 1, 0);
    tb.assign(n + 1, 0);
    ni.assign(n + 1, 0);
    counts.assign(n + 1, 0);
    for (int i = 0; i < n; ++i) {
      const Atom& a = p.atoms[i];
      const Gap& g = p.gaps[i];
      aw[i + 1] = aw[i] + a.width;
      gw[i + 1] = gw[i] + g.width;
      for (int c = 0; c < clreq::kShrinkClasses; ++c) {
        as[c][i + 1] = as[c][i] + (static_cast<int>(a.shrink_cls) == c ? a.shrink : 0);
        gs[c][i + 1] = gs[c][i] + (static_cast<int>(g.shrink_cls) == c ? g.shrink : 0);
      }
      for (int c = 0; c < clreq::kStretchClasses; ++c)
        gt[c][i + 1] = gt[c][i] + (static_cast<int>(g.stretch_cls) == c ? g.stretch : 0);
      ts_a[i + 1] = ts_a[i] + a.shrink;
      ts_g[i + 1] = ts_g[i] + g.shrink;
      tb[i + 1] = tb[i] + g.stretch;
      ni[i + 1] = ni[i] + (g.inter_char ? 1 : 0);
      counts[i + 1] = counts[i] + (a.counts ? 1 : 0);
    }
  }
};

// What the search needs to know of a candidate line [a, b], in O(1).
struct Totals {
  double natural = 0;    // after the line-edge trims and the indent
  double shrink = 0;     // all the shrink there is
  double bounded = 0;    // stretch of word spaces and Han–Latin spacing
  int gaps = 0;          // inter-character gaps
};

Totals totals(const Paragraph& p, const Sums& s, int a, int b) {
  const Atom& A = p.atoms[a];
  const Atom& B = p.atoms[b];
  Totals t;
  t.natural = s.aw[b + 1] - s.aw[a] + s.gw[b] - s.gw[a] - A.start_trim - B.end_trim;
  if (a == 0) t.natural += p.indent;
  if (a == b && A.start_trim > 0 && B.end_trim > 0) t.natural += std::min(A.start_trim, B.end_trim);  // one trim per atom
  t.shrink = s.ts_a[b + 1] - s.ts_a[a] + s.ts_g[b] - s.ts_g[a];
  // A mark trimmed at the line edge has no blank left to squeeze.
  if (B.end_trim > 0) t.shrink -= B.shrink;
  if (A.start_trim > 0 && (a != b || B.end_trim == 0)) t.shrink -= A.shrink;
  t.shrink = std::max(0.0, t.shrink);
  t.bounded = s.tb[b] - s.tb[a];
  t.gaps = s.ni[b] - s.ni[a];
  return t;
}

// The measurements of a candidate line and its cost.
struct Score {
  double badness = 0;
  int fitness = 2;  // 0 very loose, 1 loose, 2 decent, 3 tight
  float ratio = 0;  // < 0 shrunk, > 0 stretched
  bool overfull = false;
  bool stretched = false;  // justified and short: stretch is shared out
};

Score score(const Paragraph& p, const Setting& set, const Totals& t, bool last) {
  Score sc;
  double M = set.measure;
  double need = t.natural - M;  // > 0: too long
  if (need > kEps) {
    if (need > t.shrink + kEps) {
      sc.overfull = true;
      sc.ratio = t.shrink > 0 ? static_cast<float>(-need / t.shrink) : -static_cast<float>(kInf);
      sc.badness = kInf;
      sc.fitness = 3;
      return sc;
    }
    double r = need / t.shrink;
    sc.ratio = static_cast<float>(-r);
    sc.badness = kShrinkWeight * r * r * r;
    sc.fitness = r > 0.5 ? 3 : 2;
    return sc;
  }
  double slack = M - t.natural;
  bool justify = set.align == Align::justify && !(last && set.ragged_last);
  if (!justify) {
    // Ragged lines (the last line of a paragraph, centred display lines): no stretching. A
    // ragged last line costs nothing; other ragged lines cost their slack, so display lines
    // come out balanced.
    bool free_line = last && set.ragged_last && set.align == Align::justify;
    double q = slack / M;
    sc.badness = free_line ? 0 : 1000 * q * q;
    return sc;
  }
  if (slack <= kEps) return sc;
  sc.stretched = true;
  double tolerance = t.bounded + t.gaps * kInterCharTolerance * p.size;
  if (t.gaps == 0 && t.bounded <= 0) {
    sc.ratio = static_cast<float>(kInf);  // nothing can stretch: the line stays short
    sc.badness = 1e6;
    sc.fitness = 0;
    return sc;
  }
  double r = slack / tolerance;
  sc.ratio = static_cast<float>(r);
  sc.badness = kStretchWeight * r * r * r;
  sc.fitness = r > 1 ? 0 : r > 0.5 ? 1 : 2;
  return sc;
}

// A chosen line with its adjustment shared out class by class in clreq's order.
Line adjust(const Paragraph& p, const Sums& s, const Setting& set, int a, int b, bool last) {
  Totals t = totals(p, s, a, b);
  Score sc = score(p, set, t, last);
  Line L;
  L.first = a;
  L.last = b;
  L.natural = static_cast<float>(t.natural);
  L.width = L.natural;
  L.ratio = sc.ratio;
  L.overfull = sc.overfull;
  double M = set.measure;
  if (t.natural - M > kEps) {
    std::array<double, clreq::kShrinkClasses> shrink{};
    const Atom& A = p.atoms[a];
    const Atom& B = p.atoms[b];
    for (int c = 0; c < clreq::kShrinkClasses; ++c) shrink[c] = s.as[c][b + 1] - s.as[c][a] + s.gs[c][b] - s.gs[c][a];
    if (B.end_trim > 0 && B.shrink > 0) shrink[static_cast<int>(B.shrink_cls)] -= B.shrink;
    if (A.start_trim > 0 && A.shrink > 0 && (a != b || B.end_trim == 0)) shrink[static_cast<int>(A.shrink_cls)] -= A.shrink;
    // clreq §procedures_for_inter-character_spacing_reduction: class by class, in order.
    double rest = std::min(t.natural - M, t.shrink);
    for (int c = 0; c < clreq::kShrinkClasses && rest > 0; ++c) {
      if (shrink[c] <= 0) continue;
      double take = std::min(rest, shrink[c]);
      L.shrink_used[c] = static_cast<float>(take / shrink[c]);
      rest -= take;
    }
    L.width = static_cast<float>(t.natural - std::min(t.natural - M, t.shrink));
    return L;
  }
  if (!sc.stretched) return L;
  // clreq §procedures_for_inter-character_space_expansion: word spaces, then Han–Latin
  // spacing, then all inter-character gaps evenly.
  double slack = M - t.natural, rest = slack;
  for (int c = 0; c < clreq::kStretchClasses; ++c) {
    if (c == static_cast<int>(clreq::Stretch::inter_char)) continue;
    double cap = s.gt[c][b] - s.gt[c][a];
    if (cap <= 0 || rest <= 0) continue;
    double take = std::min(rest, cap);
    L.stretch_used[c] = static_cast<float>(take / cap);
    rest -= take;
  }
  if (rest > kEps) {
    if (t.gaps > 0) {
      L.inter_char = static_cast<float>(rest / t.gaps);
      L.stretch_used[static_cast<int>(clreq::Stretch::inter_char)] = 1;
    } else if (t.bounded > 0) {
      // Nothing else may take the rest (e.g. words without Chinese): widen the bounded spaces
      // past their limit.
      for (int c = 0; c < clreq::kStretchClasses; ++c)
        if (c != static_cast<int>(clreq::Stretch::inter_char) && s.gt[c][b] - s.gt[c][a] > 0)
          L.stretch_used[c] = static_cast<float>(slack / t.bounded);
    } else {
      return L;  // cannot stretch: the line stays short
    }
  }
  L.width = static_cast<float>(M);
  return L;
}

struct Node {
  int start = 0;     // first atom of the next line
  int fitness = 2;
  double total = 0;  // demerits so far
  int prev = -1;     // index into nodes; -1 for the paragraph start
};

// Lines looser than this (a stretch ratio of 4: 0.4 em between characters) are not considered
// unless nothing else fits; it keeps the search to a few candidate lines per start.
constexpr double kMaxBadness = kStretchWeight * 4 * 4 * 4;

}  // namespace

std::vector<Line> break_lines(const Paragraph& p, const Setting& set) {
  std::vector<Line> out;
  int n = static_cast<int>(p.atoms.size());
  if (n == 0) return out;
  Sums sums(p);
  const double M = set.measure;
  // A line-end mark may lose ½ em, so widths are not quite monotone in the end position.
  const double slack_end = 0.5 * p.size + kEps;

  std::vector<int> breaks;  // atoms a line may end with
  for (int b = 0; b < n; ++b)
    if (b == n - 1 || p.gaps[b].can_break) breaks.push_back(b);
  const int nb = static_cast<int>(breaks.size());

  std::vector<Node> nodes;
  nodes.reserve(4 * static_cast<size_t>(nb) + 1);
  nodes.push_back(Node{});
  // best[j][k]: the best node (index) whose line ends at breaks[j] with fitness k.
  std::vector<std::array<int, 4>> best(nb, std::array<int, 4>{-1, -1, -1, -1});

  struct Candidate {
    int j;
    Score sc;
    double natural;
  };
  std::vector<Candidate> cand;
  std::vector<int> from;  // the nodes that start at the current position

  // Positions in increasing order: the paragraph start, then the atom after each break.
  for (int pj = -1; pj < nb; ++pj) {
    int a = pj < 0 ? 0 : breaks[pj] + 1;
    if (a >= n) break;
    from.clear();
    if (pj < 0) {
      from.push_back(0);
    } else {
      for (int k = 0; k < 4; ++k)
        if (best[pj][k] >= 0) from.push_back(best[pj][k]);
    }
    if (from.empty()) continue;

    // The lines from a: every end that fits the measure and is not too loose, the longest that
    // fits in any case, and an overfull one when nothing fits (a run longer than the measure).
    cand.clear();
    int longest = -1;
    Candidate overfull{-1, {}, 0};
    int j = static_cast<int>(std::lower_bound(breaks.begin(), breaks.end(), a) - breaks.begin());
    for (; j < nb; ++j) {
      int b = breaks[j];
      Totals t = totals(p, sums, a, b);
      double min_width = t.natural - t.shrink;
      if (min_width > M + kEps) {
        if (longest < 0 && overfull.j < 0) overfull = {j, score(p, set, t, b == n - 1), t.natural};
        if (min_width - slack_end > M) break;
        continue;
      }
      Score sc = score(p, set, t, b == n - 1);
      cand.push_back({j, sc, t.natural});
      longest = static_cast<int>(cand.size()) - 1;
    }
    if (longest < 0 && overfull.j >= 0) cand.push_back(overfull);

    for (size_t c = 0; c < cand.size(); ++c) {
      const Candidate& cd = cand[c];
      if (cd.sc.badness > kMaxBadness && static_cast<int>(c) != longest && !cd.sc.overfull) continue;
      int b = breaks[cd.j];
      bool end = b == n - 1;
      double d;
      if (cd.sc.overfull) {
        d = kOverfullDemerits + 1e3 * (cd.natural - M);
      } else {
        double bad = std::min(cd.sc.badness, 1e7);
        d = (kLinePenalty + bad) * (kLinePenalty + bad);
        double pen = end ? 0 : p.gaps[b].penalty;
        // Display lines (headlines, subheads) break best where the text pauses: at a space or
        // after a pause/stop mark, not inside a phrase.
        if (!end && set.align != Align::justify && p.gaps[b].space_glyph < 0 &&
            !clreq::is_pause_or_stop(p.atoms[b].last))
          pen += kDisplayPhrasePenalty;
        if (pen > 0) d += pen * pen;
        // clreq §adjustments_of_orphans_and_widows: not one character alone on the last line.
        if (end && a > 0 && sums.counts[b + 1] - sums.counts[a] <= 1) d += kOrphanDemerits;
      }
      int k = cd.sc.fitness;
      for (int id : from) {
        const Node& f = nodes[id];
        double total = f.total + d;
        if (id != 0 && std::abs(k - f.fitness) > 1) total += kFitnessDemerits;
        int& slot = best[cd.j][k];
        if (slot < 0) {
          nodes.push_back(Node{b + 1, k, total, id});
          slot = static_cast<int>(nodes.size()) - 1;
        } else if (total < nodes[slot].total) {
          nodes[slot] = Node{b + 1, k, total, id};
        }
      }
    }
  }

  // The best node that ends the paragraph, then its lines from the end back.
  int last = -1;
  for (int k = 0; k < 4; ++k) {
    int id = best[nb - 1][k];
    if (id >= 0 && (last < 0 || nodes[id].total < nodes[last].total)) last = id;
  }
  std::vector<std::pair<int, int>> spans;
  for (int i = last; i > 0; i = nodes[i].prev) spans.push_back({nodes[nodes[i].prev].start, nodes[i].start - 1});
  std::reverse(spans.begin(), spans.end());
  for (auto [a, b] : spans) out.push_back(adjust(p, sums, set, a, b, b == n - 1));
  return out;
}

}  // namespace paiban::layout
