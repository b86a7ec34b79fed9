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

struct Sums {
  int n = 0;
  std::vector<double> aw, gw;                                  // atom / gap widths
  std::array<std::vector<double>, clreq::kShrinkClasses> as, gs;  // atom / gap shrink per class
  std::array<std::vector<double>, clreq::kStretchClasses> gt;     // gap stretch per class
  std::vector<int> ni;                                         // inter-character gaps

  explicit Sums(const Paragraph& p) : n(static_cast<int>(p.atoms.size())) {
    aw.assign(n + 1, 0);
    gw.assign(n + 1, 0);
    for (auto& v : as) v.assign(n + 1, 0);
    for (auto& v : gs) v.assign(n + 1, 0);
    for (auto& v : gt) v.assign(n + 1, 0);
    ni.assign(n + 1, 0);
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
      ni[i + 1] = ni[i] + (g.inter_char ? 1 : 0);
    }
  }
};

// The measurements of a candidate line [a, b] and, once chosen, its adjustment.
struct Fit {
  Line line;
  double badness = 0;
  int fitness = 2;  // 0 very loose, 1 loose, 2 decent, 3 tight
};

Fit measure_line(const Paragraph& p, const Sums& s, const Setting& set, int a, int b, bool last) {
  Fit f;
  Line& L = f.line;
  L.first = a;
  L.last = b;
  const Atom& A = p.atoms[a];
  const Atom& B = p.atoms[b];
  double natural = s.aw[b + 1] - s.aw[a] + s.gw[b] - s.gw[a] - A.start_trim - B.end_trim;
  if (a == 0) natural += p.indent;
  if (a == b && A.start_trim > 0 && B.end_trim > 0) natural += std::min(A.start_trim, B.end_trim);  // one trim per atom
  std::array<double, clreq::kShrinkClasses> shrink{};
  double total_shrink = 0;
  for (int c = 0; c < clreq::kShrinkClasses; ++c) {
    shrink[c] = s.as[c][b + 1] - s.as[c][a] + s.gs[c][b] - s.gs[c][a];
  }
  // A mark trimmed at the line edge has no blank left to squeeze.
  if (B.end_trim > 0 && B.shrink > 0) shrink[static_cast<int>(B.shrink_cls)] -= B.shrink;
  if (A.start_trim > 0 && A.shrink > 0 && (a != b || B.end_trim == 0)) shrink[static_cast<int>(A.shrink_cls)] -= A.shrink;
  for (double& x : shrink) total_shrink += std::max(0.0, x);

  L.natural = static_cast<float>(natural);
  L.width = L.natural;
  double M = set.measure;
  double need = natural - M;  // > 0: too long

  if (need > kEps) {
    if (need > total_shrink + kEps) {
      L.overfull = true;
      L.ratio = total_shrink > 0 ? static_cast<float>(-need / total_shrink) : -kInf;
      // Use all the shrink there is; the line still sticks out.
      for (int c = 0; c < clreq::kShrinkClasses; ++c) L.shrink_used[c] = shrink[c] > 0 ? 1.0f : 0.0f;
      L.width = static_cast<float>(natural - total_shrink);
      f.badness = kInf;
      f.fitness = 3;
      return f;
    }
    // clreq §procedures_for_inter-character_spacing_reduction: class by class, in order.
    double rest = need;
    for (int c = 0; c < clreq::kShrinkClasses && rest > 0; ++c) {
      if (shrink[c] <= 0) continue;
      double take = std::min(rest, shrink[c]);
      L.shrink_used[c] = static_cast<float>(take / shrink[c]);
      rest -= take;
    }
    L.width = static_cast<float>(M);
    double r = need / total_shrink;
    L.ratio = static_cast<float>(-r);
    f.badness = kShrinkWeight * r * r * r;
    f.fitness = r > 0.5 ? 3 : 2;
    return f;
  }

  double slack = M - natural;
  bool justify = set.align == Align::justify && !(last && set.ragged_last);
  if (!justify) {
    // Ragged lines (the last line of a paragraph, centred display lines): no stretching. A
    // ragged last line costs nothing; other ragged lines cost their slack, so display lines
    // come out balanced.
    bool free_line = last && set.ragged_last && set.align == Align::justify;
    double q = slack / M;
    f.badness = free_line ? 0 : 1000 * q * q;
    f.fitness = 2;
    return f;
  }
  if (slack <= kEps) return f;

  // clreq §procedures_for_inter-character_space_expansion: word spaces, then Han–Latin
  // spacing, then all inter-character gaps evenly.
  double rest = slack;
  double tolerance = 0;
  for (int c = 0; c < clreq::kStretchClasses; ++c) {
    if (c == static_cast<int>(clreq::Stretch::inter_char)) continue;
    double cap = s.gt[c][b] - s.gt[c][a];
    tolerance += cap;
    if (cap <= 0 || rest <= 0) continue;
    double take = std::min(rest, cap);
    L.stretch_used[c] = static_cast<float>(take / cap);
    rest -= take;
  }
  int gaps = s.ni[b] - s.ni[a];
  tolerance += gaps * kInterCharTolerance * p.size;
  if (rest > kEps) {
    if (gaps > 0) {
      L.inter_char = static_cast<float>(rest / gaps);
      L.stretch_used[static_cast<int>(clreq::Stretch::inter_char)] = 1;
    } else {
      // Nothing may take the rest (e.g. one long word): widen the bounded spaces past their
      // limit if there are any, else leave the line short.
      double bounded = tolerance;
      if (bounded > 0) {
        for (int c = 0; c < clreq::kStretchClasses; ++c)
          if (c != static_cast<int>(clreq::Stretch::inter_char) && s.gt[c][b] - s.gt[c][a] > 0)
            L.stretch_used[c] = static_cast<float>(slack / bounded);
      } else {
        L.width = static_cast<float>(natural);
        L.ratio = kInf;
        f.badness = 1e6;
        f.fitness = 0;
        return f;
      }
    }
  }
  L.width = static_cast<float>(M);
  double r = tolerance > 0 ? slack / tolerance : 10;
  L.ratio = static_cast<float>(r);
  f.badness = kStretchWeight * r * r * r;
  f.fitness = r > 1 ? 0 : r > 0.5 ? 1 : 2;
  return f;
}

struct Node {
  int start = 0;       // first atom of the next line
  int fitness = 2;
  double total = 0;    // demerits so far
  int prev = -1;       // index into nodes
  Fit fit;             // the line that ends here
  bool produced = false;  // a line starting here has been found (else an overfull one is allowed)
};

bool orphan(const Paragraph& p, int a, int b) {
  int count = 0;
  for (int i = a; i <= b; ++i) count += p.atoms[i].counts ? 1 : 0;
  return count <= 1;
}

}  // namespace

std::vector<Line> break_lines(const Paragraph& p, const Setting& set) {
  std::vector<Line> out;
  int n = static_cast<int>(p.atoms.size());
  if (n == 0) return out;
  Sums sums(p);

  std::vector<Node> nodes;
  nodes.push_back(Node{});  // the paragraph start
  std::vector<int> active = {0};

  for (int b = 0; b < n; ++b) {
    bool end = b == n - 1;
    if (!end && !p.gaps[b].can_break) continue;
    std::array<Node, 4> best;
    std::array<bool, 4> have{};
    for (int id : active) {
      Node& from = nodes[id];
      Fit f = measure_line(p, sums, set, from.start, b, end);
      double d;
      if (f.line.overfull) {
        // A start that has found no line at all gets an overfull one (an unbreakable run longer
        // than the measure) rather than no layout.
        if (from.produced) continue;
        d = kOverfullDemerits + 1e3 * (f.line.natural - set.measure);
      } else {
        double bad = std::min(f.badness, 1e7);
        d = (kLinePenalty + bad) * (kLinePenalty + bad);
        double pen = end ? 0 : p.gaps[b].penalty;
        if (pen > 0) d += pen * pen;
        if (id != 0 && std::abs(f.fitness - from.fitness) > 1) d += kFitnessDemerits;
        if (end && from.start > 0 && orphan(p, from.start, b)) d += kOrphanDemerits;
      }
      from.produced = true;
      double total = from.total + d;
      int k = f.fitness;
      if (!have[k] || total < best[k].total) {
        have[k] = true;
        best[k] = Node{b + 1, k, total, id, f, false};
      }
    }
    // A start stays active while a longer line from it could still fit the measure (allowing
    // for the ½ em a line-end mark may lose).
    std::vector<int> still;
    for (int id : active) {
      const Node& from = nodes[id];
      int a = from.start;
      double min_width = sums.aw[b + 1] - sums.aw[a] + sums.gw[b] - sums.gw[a] - p.atoms[a].start_trim;
      for (int c = 0; c < clreq::kShrinkClasses; ++c)
        min_width -= sums.as[c][b + 1] - sums.as[c][a] + sums.gs[c][b] - sums.gs[c][a];
      if (!from.produced || min_width - 0.5 * p.size <= set.measure + kEps) still.push_back(id);
    }
    active = std::move(still);
    for (int k = 0; k < 4; ++k) {
      if (!have[k]) continue;
      nodes.push_back(best[k]);
      active.push_back(static_cast<int>(nodes.size()) - 1);
    }
  }

  // The best node that ends the paragraph.
  int best = -1;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
    if (nodes[i].start == n && (best < 0 || nodes[i].total < nodes[best].total)) best = i;
  for (int i = best; i > 0; i = nodes[i].prev) out.push_back(nodes[i].fit.line);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace paiban::layout
