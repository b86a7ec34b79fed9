#include "score.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <set>

#include "core/unicode.h"
#include "degrade.h"

namespace paiban::bench {

Score& Score::operator+=(const Score& o) {
  untyped += o.untyped;
  typed += o.typed;
  for (const auto& [k, v] : o.by_type) by_type[k] += v;
  edits += o.edits;
  chars += o.chars;
  edits_spaced += o.edits_spaced;
  chars_spaced += o.chars_spaced;
  lost_spaces += o.lost_spaces;
  spurious_spaces += o.spurious_spaces;
  truth_spaces += o.truth_spaces;
  for (const auto& [k, v] : o.edit_kinds) edit_kinds[k] += v;
  for (const auto& [k, v] : o.confusion) confusion[k] += v;
  headings += o.headings;
  heading_lines_ok += o.heading_lines_ok;
  src_checked += o.src_checked;
  src_ok += o.src_ok;
  return *this;
}

Alignment align(const std::u32string& t, const std::u32string& p) {
  const int n = static_cast<int>(t.size()), m = static_cast<int>(p.size());
  const int kInf = 1 << 29;
  // Banded DP (Ukkonen): a result within the band's half-width k is exact; else widen.
  for (int k = std::max(16, std::abs(n - m));; k *= 2) {
    k = std::min(k, std::max(n, m) + 1);
    const int w = 2 * k + 1;  // row cell d holds column j = i + d - k
    std::vector<int> prev(w), cur(w);
    std::vector<uint8_t> dir(static_cast<size_t>(n + 1) * w);  // 0 diagonal, 1 up (truth char dropped), 2 left (pred char added)
    for (int d = 0; d < w; ++d) {
      int j = d - k;
      prev[d] = (j >= 0 && j <= m) ? j : kInf;
      dir[d] = 2;
    }
    for (int i = 1; i <= n; ++i) {
      for (int d = 0; d < w; ++d) {
        int j = i + d - k;
        if (j < 0 || j > m) { cur[d] = kInf; continue; }
        int best = kInf;
        uint8_t bd = 1;
        if (j > 0 && prev[d] < kInf) { best = prev[d] + (t[i - 1] != p[j - 1]); bd = 0; }
        if (d + 1 < w && prev[d + 1] + 1 < best) { best = prev[d + 1] + 1; bd = 1; }
        if (j > 0 && d > 0 && cur[d - 1] + 1 < best) { best = cur[d - 1] + 1; bd = 2; }
        cur[d] = best;
        dir[static_cast<size_t>(i) * w + d] = bd;
      }
      std::swap(prev, cur);
    }
    int dist = prev[m - n + k];
    if (dist > k && k <= std::max(n, m)) continue;

    Alignment a;
    a.distance = dist;
    a.map.assign(m + 1, n);
    std::vector<Alignment::Run> runs;
    Alignment::Run run{-1, -1, -1, -1};
    int i = n, j = m;
    auto close_run = [&] { if (run.t0 >= 0) runs.push_back(run), run = {-1, -1, -1, -1}; };
    auto grow = [&](int ti, int pj) {  // extend the current run backwards to truth ti / pred pj
      if (run.t0 < 0) run = {ti, i, pj, j};
      run.t0 = ti;
      run.p0 = pj;
    };
    while (i > 0 || j > 0) {
      uint8_t op = i == 0 ? 2 : j == 0 ? 1 : dir[static_cast<size_t>(i) * w + (j - i + k)];
      if (op == 0) {
        a.map[j - 1] = i - 1;
        if (t[i - 1] == p[j - 1]) close_run(); else grow(i - 1, j - 1);
        --i, --j;
      } else if (op == 1) {
        grow(i - 1, j);
        --i;
      } else {
        a.map[j - 1] = i;
        grow(i, j - 1);
        --j;
      }
    }
    close_run();
    a.runs.assign(runs.rbegin(), runs.rend());
    return a;
  }
}

namespace {

struct Flat {
  std::string type;
  std::u32string spaced;    // whitespace runs → one space, trimmed
  std::u32string nospace;
  std::vector<std::u32string> lines;  // heading: non-space text per printed line
  LineRange src;
};

std::u32string collapse(const std::u32string& s) {
  std::u32string out;
  for (char32_t c : s) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != U' ') out += U' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::u32string strip(const std::u32string& s) {
  std::u32string out;
  for (char32_t c : s) if (!is_space(c)) out += c;
  return out;
}

void flatten(const Block& b, bool in_box, std::vector<Flat>& out) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    for (const auto& c : b.children) flatten(c, in_box || b.kind == Kind::box, out);
    return;
  }
  Flat f;
  f.type = b.kind == Kind::paragraph && in_box ? "box-p" : kind_name(b.kind);
  std::u32string text = to_u32(b.text);
  for (const auto& l : b.lines) {
    std::u32string line = to_u32(l);
    text += collapse(line);
    f.lines.push_back(strip(line));
  }
  f.spaced = collapse(text);
  f.nospace = strip(text);
  f.src = b.src;
  out.push_back(std::move(f));
}

std::vector<Flat> flatten(const Document& d) {
  std::vector<Flat> out;
  for (const auto& b : d.blocks) flatten(b, false, out);
  return out;
}

bool ascii_alnum(char32_t c) { return c < 0x80 && (is_ascii_digit(c) || is_latin_letter(c)); }

// Why a run of edits in the spaced alignment happened, as far as the run shows.
std::string edit_kind(const std::u32string& t, const std::u32string& p, const Alignment::Run& r) {
  bool only_spaces = true;
  for (int k = r.t0; k < r.t1; ++k) only_spaces &= t[k] == U' ';
  for (int k = r.p0; k < r.p1; ++k) only_spaces &= p[k] == U' ';
  if (only_spaces) {
    if (r.t1 > r.t0) return "real space lost";
    char32_t a = r.p0 > 0 ? p[r.p0 - 1] : 0, b = r.p1 < static_cast<int>(p.size()) ? p[r.p1] : 0;
    if ((is_han(a) && ascii_alnum(b)) || (ascii_alnum(a) && is_han(b))) return "extraction space kept";
    if ((is_han(a) || is_cjk_punct(a)) && (is_han(b) || is_cjk_punct(b))) return "letter-spacing kept";
    return "other space";
  }
  if (r.t1 - r.t0 == r.p1 - r.p0) {
    bool confusions = true;
    for (int k = 0; k < r.t1 - r.t0; ++k) confusions &= halfwidth_confusion(t[r.t0 + k]) == p[r.p0 + k];
    if (confusions) return "half-width punctuation kept";
  }
  if (r.t1 == r.t0) {
    std::u32string ins = p.substr(r.p0, r.p1 - r.p0);
    if (ins == U"□" || ins == U"口" || ins == U"□ " || ins == U"口 ") return "byline marker kept";
  }
  return "other text";
}

std::string context(const std::u32string& t, int at, int before = 8, int after = 10) {
  int a = std::max(0, at - before), b = std::min(static_cast<int>(t.size()), at + after);
  return "«" + to_utf8(t.substr(a, at - a)) + "|" + to_utf8(t.substr(at, b - at)) + "»";
}

std::string line_label(const LineRange& r) {
  return r.known() ? "line " + std::to_string(r.first) : "line ?";
}

std::string show_run(const std::u32string& t, const std::u32string& p, const Alignment::Run& r) {
  auto vis = [](std::u32string s) {
    std::string o = to_utf8(s);
    for (size_t k = 0; (k = o.find(' ', k)) != std::string::npos; k += 3) o.replace(k, 1, "␠");
    return o;
  };
  int a = std::max(0, r.t0 - 6), b = std::min(static_cast<int>(t.size()), r.t1 + 6);
  std::string s = "«" + vis(t.substr(a, r.t0 - a));
  if (r.t1 > r.t0) s += "[-" + vis(t.substr(r.t0, r.t1 - r.t0)) + "-]";
  if (r.p1 > r.p0) s += "{+" + vis(p.substr(r.p0, r.p1 - r.p0)) + "+}";
  return s + vis(t.substr(r.t1, b - r.t1)) + "»";
}

}  // namespace

ScoredArticle score_article(const Document& truth, const Document& pred) {
  ScoredArticle out;
  Score& s = out.score;
  auto ft = flatten(truth), fp = flatten(pred);

  std::u32string tn, pn, ts, ps;
  std::vector<int> t_start, p_start;
  for (auto& f : ft) t_start.push_back(static_cast<int>(tn.size())), tn += f.nospace, ts += f.spaced;
  for (auto& f : fp) p_start.push_back(static_cast<int>(pn.size())), pn += f.nospace, ps += f.spaced;

  Alignment a = align(tn, pn);
  s.edits = a.distance;
  s.chars = static_cast<long>(tn.size());

  // Boundaries on the truth's offsets.
  std::map<int, size_t> t_at;                  // offset → truth leaf
  std::multimap<int, size_t> p_at;             // mapped offset → predicted leaf
  for (size_t i = 0; i < ft.size(); ++i) if (!ft[i].nospace.empty()) t_at.emplace(t_start[i], i);
  // A predicted block starts where its first character lands, or back at a truth block's start
  // when every truth character between was lost: the engine dropped a paragraph's first
  // characters ("十年间" read as "年间"), which the character error counts, the break is right
  // (as score_split finds an article whose headline lost its first characters).
  std::vector<bool> kept(tn.size() + 1, false);
  for (size_t j = 0; j < pn.size(); ++j)
    if (a.map[j] != a.map[j + 1]) kept[static_cast<size_t>(a.map[j])] = true;
  auto landing = [&](int m) {
    auto it = t_at.upper_bound(m);
    if (it == t_at.begin()) return m;
    const int start = std::prev(it)->first;
    for (int k = start; k < m; ++k)
      if (kept[static_cast<size_t>(k)]) return m;
    return start;
  };
  for (size_t i = 0; i < fp.size(); ++i) if (!fp[i].nospace.empty()) p_at.emplace(landing(a.map[p_start[i]]), i);

  std::vector<std::string> boundary_msgs;
  std::set<int> p_seen;
  for (auto& [off, ti] : t_at) {
    const Flat& t = ft[ti];
    auto range = p_at.equal_range(off);
    bool any = range.first != range.second;
    bool typed = false;
    for (auto it = range.first; it != range.second; ++it) {
      const Flat& p = fp[it->second];
      if (p.type != t.type) continue;
      typed = true;
      ++s.src_checked;
      if (p.src == t.src) ++s.src_ok;
      if (t.type == "heading") s.heading_lines_ok += p.lines == t.lines;
      break;
    }
    if (t.type == "heading") ++s.headings;
    ++s.confusion[{t.type, typed ? t.type : any ? fp[range.first->second].type : "-"}];
    if (off > 0) (any ? s.untyped.tp : s.untyped.fn)++;
    if (typed) { ++s.typed.tp; ++s.by_type[t.type].tp; }
    else { ++s.typed.fn; ++s.by_type[t.type].fn; }
    if (!any && off > 0) {
      out.failures.push_back({BoundaryFailure::missed, t.type, "", t.src.first});
      boundary_msgs.push_back("missed break before " + t.type + " (" + line_label(t.src) + ") " + context(tn, off));
    } else if (!typed && any) {  // (nothing predicted at the text's start: a typed miss only)
      const Flat& p = fp[range.first->second];
      out.failures.push_back({BoundaryFailure::retyped, t.type, p.type, t.src.first});
      boundary_msgs.push_back(t.type + " read as " + p.type + " (" + line_label(t.src) + ") " + context(tn, off));
    }
  }
  // Predicted starts: any beyond the one typed match at an offset is a false positive.
  std::map<std::pair<int, std::string>, int> typed_used;
  std::map<int, int> untyped_used;
  for (auto& [off, pi] : p_at) {
    const Flat& p = fp[pi];
    auto t = t_at.find(off);
    bool t_here = t != t_at.end();
    bool typed_match = t_here && ft[t->second].type == p.type && typed_used[{off, p.type}]++ == 0;
    if (!typed_match) { ++s.typed.fp; ++s.by_type[p.type].fp; }
    if (off > 0 && !(t_here && untyped_used[off]++ == 0)) {
      ++s.untyped.fp;
      ++s.confusion[{"-", p.type}];
      out.failures.push_back({BoundaryFailure::spurious, "", p.type, p.src.first});
      boundary_msgs.push_back("spurious break, " + p.type + " (" + line_label(p.src) + ") " + context(tn, off));
    }
  }

  // Spaced text: which spaces were lost or invented.
  Alignment sa = align(ts, ps);
  s.edits_spaced = sa.distance;
  s.chars_spaced = static_cast<long>(ts.size());
  for (char32_t c : ts) s.truth_spaces += c == U' ';
  std::vector<std::string> space_msgs;
  for (const auto& r : sa.runs) {
    s.edit_kinds[edit_kind(ts, ps, r)] += std::max(r.t1 - r.t0, r.p1 - r.p0);
    bool only_spaces = true;
    for (int k = r.t0; k < r.t1; ++k) only_spaces &= ts[k] == U' ';
    for (int k = r.p0; k < r.p1; ++k) only_spaces &= ps[k] == U' ';
    if (!only_spaces) continue;
    s.lost_spaces += r.t1 - r.t0;
    s.spurious_spaces += r.p1 - r.p0;
    space_msgs.push_back((r.t1 > r.t0 ? "lost real space " : "spurious space ") + show_run(ts, ps, r));
  }

  for (auto& m : boundary_msgs) out.diff.push_back(m);
  int shown = 0;
  for (const auto& r : a.runs) {
    if (shown++ == 8) { out.diff.push_back("… " + std::to_string(a.runs.size() - 8) + " more text edits"); break; }
    out.diff.push_back("text " + show_run(tn, pn, r));
  }
  for (size_t k = 0; k < space_msgs.size() && k < 6; ++k) out.diff.push_back(space_msgs[k]);
  return out;
}

}  // namespace paiban::bench
