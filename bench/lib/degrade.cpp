#include "degrade.h"

#include <algorithm>
#include <cmath>

#include "core/clreq.h"
#include "core/unicode.h"

namespace paiban::bench {

uint64_t Rng::next() {
  state_ += 0x9E3779B97F4A7C15ull;
  uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
int Rng::uniform(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1)); }
double Rng::real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

const char* empty_lines_name(EmptyLines e) {
  switch (e) {
    case EmptyLines::every: return "every";
    case EmptyLines::none: return "none";
    case EmptyLines::paragraph: return "paragraph";
  }
  return "?";
}

ArtefactCounts& ArtefactCounts::operator+=(const ArtefactCounts& o) {
  extraction_spaces += o.extraction_spaces;
  letter_spaced_lines += o.letter_spaced_lines;
  split_numbers += o.split_numbers;
  real_spaces += o.real_spaces;
  multi_line_headings += o.multi_line_headings;
  hanging_lines += o.hanging_lines;
  box_paragraphs += o.box_paragraphs;
  bylines += o.bylines;
  subtitles += o.subtitles;
  halfwidth_punct += o.halfwidth_punct;
  return *this;
}

DegradeOptions random_options(uint64_t seed, int measure_lo, int measure_hi, EmptyLines empty) {
  Rng r(seed ^ 0x6F7074696F6E73ull);
  DegradeOptions o;
  o.measure = r.uniform(measure_lo, measure_hi);
  // A box spans more of the page than a column (the sample: 24 → ~40 characters).
  o.box_measure = std::clamp(static_cast<int>(std::lround(o.measure * 1.6)), o.measure + 6, 48);
  o.empty = empty;
  o.subtitle = r.chance(0.5);
  o.byline = r.chance(0.6);
  o.box = r.chance(0.4);
  o.hanging = r.chance(0.3);
  o.heading_lines_adjacent = r.chance(0.8);
  o.headline_subtitle_adjacent = r.chance(0.7);
  o.leading_empty_line = empty != EmptyLines::none && r.chance(0.3);
  static const double kSpace[] = {0.0, 0.3, 0.6, 0.9}, kLetter[] = {0.0, 0.4, 0.8}, kTitle[] = {0.0, 0.5, 1.0};
  o.extraction_space = kSpace[r.uniform(0, 3)];
  o.letter_spacing = kLetter[r.uniform(0, 2)];
  o.real_title_space = kTitle[r.uniform(0, 2)];
  static const double kPunct[] = {0.05, 0.2};
  o.halfwidth_punct = r.chance(1.0 / 3) ? kPunct[r.uniform(0, 1)] : 0.0;
  return o;
}

namespace {

bool is_ascii_word(char32_t c) { return c > 0x20 && c < 0x7F; }
bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
int width_of(const std::u32string& s) {
  int w = 0;
  for (char32_t c : s) w += display_width(c);
  return w;
}

}  // namespace

std::vector<WrappedLine> wrap_column(const std::u32string& t, int first_units, int units, bool hanging) {
  return wrap_greedy(t, {first_units, units, WrapOptions::Spaces::latin, hanging});
}

namespace {

// One printed line and the truth leaf it belongs to.
struct Printed {
  std::u32string text;
  int leaf = 0;
};

struct Leaf {
  Kind kind;
  bool in_box = false;
  std::string text;                // non-heading
  std::vector<std::string> lines;  // heading
  LineRange src;
};

std::u32string letter_space(const std::u32string& s, size_t from) {
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (i < from || i + 1 == s.size() || s[i] == U' ' || s[i + 1] == U' ') continue;
    char32_t a = s[i], b = s[i + 1];
    if (is_ascii_word(a) && is_ascii_word(b)) continue;  // numbers and words stay whole
    if (is_cjk_punct(a)) continue;                         // the sample: "机 制 ，形 成"
    out += U' ';
  }
  return out;
}

std::u32string extraction_spaces(const std::u32string& s, double p, Rng& r, int& count) {
  if (p <= 0) return s;
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (i + 1 == s.size()) continue;
    char32_t a = s[i], b = s[i + 1];
    bool boundary = (is_han(a) && is_ascii_alnum(b)) || (is_ascii_alnum(a) && is_han(b));
    if (boundary && r.chance(p)) out += U' ', ++count;
  }
  return out;
}

}  // namespace

char32_t halfwidth_confusion(char32_t c) {
  switch (c) {
    case U'，': return U',';
    case U'：': return U':';
    case U'；': return U';';
    case U'？': return U'?';
    case U'！': return U'!';
    case U'（': return U'(';
    case U'）': return U')';
    default: return 0;
  }
}

namespace {

// OCR reads a full-width mark between Han characters as its ASCII look-alike.
void confuse_punct(std::u32string& s, double p, Rng& r, int& count) {
  if (p <= 0) return;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t h = halfwidth_confusion(s[i]);
    if (!h) continue;
    bool han_before = i > 0 && is_han(s[i - 1]), han_after = i + 1 < s.size() && is_han(s[i + 1]);
    bool context = s[i] == U'（' ? han_after : s[i] == U'）' ? han_before : han_before && han_after;
    if (context && r.chance(p)) s[i] = h, ++count;
  }
}

// A long 《title》 often holds a real space between its clauses; the truth keeps it.
std::u32string add_title_spaces(const std::u32string& s, double p, Rng& r) {
  std::u32string out = s;
  for (size_t open = out.find(U'《'); open != std::u32string::npos; open = out.find(U'《', open + 1)) {
    size_t close = out.find(U'》', open);
    if (close == std::u32string::npos) break;
    size_t len = close - open - 1;
    if (len < 8 || out.substr(open + 1, len).find(U' ') != std::u32string::npos || !r.chance(p)) continue;
    size_t lo = open + 1 + len / 3, hi = open + 1 + 2 * len / 3;
    for (size_t k = lo; k <= hi && k < close; ++k) {
      if (is_han(out[k - 1]) && is_han(out[k])) { out.insert(k, 1, U' '); break; }
    }
  }
  return out;
}

// Headings over 8 characters are printed on two lines: at the space nearest the middle if
// there is one (the space is the printed break), else near the middle where a break is allowed.
std::vector<std::u32string> split_heading(const std::u32string& h, int units) {
  std::vector<std::u32string> parts;
  if (h.size() <= 8) {
    parts.push_back(h);
  } else {
    size_t best = std::u32string::npos, mid = h.size() / 2;
    for (size_t k = 1; k + 1 < h.size(); ++k) {
      if (h[k] != U' ') continue;
      auto dist = [&](size_t x) { return x > mid ? x - mid : mid - x; };
      if (best == std::u32string::npos || dist(k) < dist(best)) best = k;
    }
    if (best != std::u32string::npos) {
      parts.push_back(h.substr(0, best));
      parts.push_back(h.substr(best + 1));
    } else {
      size_t cut = 0;
      for (size_t d = 0; d < h.size() && !cut; ++d) {
        for (size_t k : {mid + d, mid - d}) {
          if (k == 0 || k >= h.size()) continue;
          if (!may_break(h[k - 1], h[k])) continue;
          cut = k;
          break;
        }
      }
      if (cut) parts.push_back(h.substr(0, cut)), parts.push_back(h.substr(cut));
      else parts.push_back(h);
    }
  }
  std::vector<std::u32string> lines;
  for (auto& p : parts) {
    if (width_of(p) <= units) { lines.push_back(p); continue; }
    for (auto& w : wrap_column(p, units, units, false)) lines.push_back(w.text);
  }
  return lines;
}

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
                                 "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢"};
const char* const kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军",
                              "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "茜", "晨", "宇"};

std::string random_name(Rng& r) {
  std::string n = kSurnames[r.uniform(0, 23)];
  int given = r.uniform(1, 2);
  for (int i = 0; i < given; ++i) n += kGiven[r.uniform(0, 23)];
  return n;
}

bool ends_in_digit(const std::u32string& s) { return !s.empty() && is_ascii_digit(s.back()); }

// 1. Truth leaves in reading order (headline, subtitle, byline, headings, paragraphs, the box).
std::vector<Leaf> truth_leaves(const CorpusArticle& article, const DegradeOptions& o, const std::string& other_headline,
                               Rng& r, ArtefactCounts& art, std::string& byline_marker) {
  std::vector<Leaf> leaves;
  std::vector<CorpusBlock> body;
  for (const auto& b : article.blocks) {
    if (b.type == "headline" && leaves.empty()) leaves.push_back({Kind::headline, false, b.text, {}, {}});
    else if (b.type == "headline") body.push_back({"p", b.text});  // a stray second headline reads as text
    else body.push_back(b);
  }
  if (leaves.empty()) leaves.push_back({Kind::headline, false, "无题", {}, {}});
  if (o.subtitle && !other_headline.empty()) {
    leaves.push_back({Kind::subtitle, false, "——" + other_headline, {}, {}});
    ++art.subtitles;
  }
  if (o.byline) {
    std::string names = random_name(r);
    if (r.chance(0.2)) names += " " + random_name(r);
    leaves.push_back({Kind::byline, false, (o.traditional ? "本報記者 " : "本报记者 ") + names, {}, {}});
    byline_marker = r.chance(0.5) ? "□" : "口";
    if (r.chance(0.7)) byline_marker += " ";
    ++art.bylines;
  }
  // The box takes the last paragraphs after the last heading, leaving that section at least one.
  size_t box_from = body.size();
  if (o.box) {
    size_t last_heading = 0;
    bool any_heading = false;
    for (size_t i = 0; i < body.size(); ++i)
      if (body[i].type == "heading") last_heading = i, any_heading = true;
    size_t first_p = any_heading ? last_heading + 1 : 0;
    size_t n = body.size() - first_p;
    if (n >= 3) box_from = body.size() - static_cast<size_t>(r.uniform(1, std::min<int>(3, static_cast<int>(n) - 1)));
  }
  for (size_t i = 0; i < body.size(); ++i) {
    const auto& b = body[i];
    if (b.type == "heading") {
      leaves.push_back({Kind::heading, false, "", {}, {}});
      // Heading type is at least a third larger than body type, so a heading line holds fewer
      // characters than the column: at most three quarters of the measure.
      int heading_units = std::max(5, o.measure * 3 / 4) * 2;
      for (auto& l : split_heading(to_u32(b.text), heading_units)) leaves.back().lines.push_back(to_utf8(l));
      if (leaves.back().lines.size() > 1) ++art.multi_line_headings;
    } else {
      std::string text = to_utf8(add_title_spaces(to_u32(b.text), o.real_title_space, r));
      leaves.push_back({Kind::paragraph, i >= box_from, text, {}, {}});
      if (i >= box_from) ++art.box_paragraphs;
    }
  }

  return leaves;
}

// 2. Printed lines with their artefacts.
std::vector<Printed> print_lines(const std::vector<Leaf>& leaves, const DegradeOptions& o,
                                 const std::string& byline_marker, Rng& r, ArtefactCounts& art) {
  std::vector<Printed> printed;
  for (size_t li = 0; li < leaves.size(); ++li) {
    const Leaf& leaf = leaves[li];
    int leaf_id = static_cast<int>(li);
    for (char32_t c : to_u32(leaf.text)) art.real_spaces += c == U' ';
    for (auto& l : leaf.lines) for (char32_t c : to_u32(l)) art.real_spaces += c == U' ';
    switch (leaf.kind) {
      case Kind::headline:
      case Kind::subtitle:
        printed.push_back({extraction_spaces(to_u32(leaf.text), o.extraction_space, r, art.extraction_spaces), leaf_id});
        break;
      case Kind::byline:
        printed.push_back({to_u32(byline_marker + leaf.text), leaf_id});
        break;
      case Kind::heading:
        for (auto& l : leaf.lines)
          printed.push_back({extraction_spaces(to_u32(l), o.extraction_space, r, art.extraction_spaces), leaf_id});
        break;
      default: {
        int units = (leaf.in_box ? o.box_measure : o.measure) * 2;
        // The first-line indent of two characters is lost in extraction: the line is just shorter.
        auto wrapped = wrap_column(to_u32(leaf.text), units - 4, units, o.hanging);
        for (size_t k = 0; k < wrapped.size(); ++k) {
          std::u32string t = wrapped[k].text;
          confuse_punct(t, o.halfwidth_punct, r, art.halfwidth_punct);
          int avail = k == 0 ? units - 4 : units;
          if (wrapped[k].width > avail) ++art.hanging_lines;
          bool last = k + 1 == wrapped.size();
          bool has_space = t.find(U' ') != std::u32string::npos;
          // A justified line with slack is letter-spaced in print; extractors emit those gaps.
          double p = avail - wrapped[k].width >= 2 ? o.letter_spacing : o.letter_spacing * 0.05;
          if (!last && !has_space && t.size() > 3 && r.chance(p)) {
            size_t from = r.chance(0.3) ? static_cast<size_t>(r.uniform(1, static_cast<int>(t.size()) / 3)) : 0;
            t = letter_space(t, from);
            ++art.letter_spaced_lines;
          } else {
            t = extraction_spaces(t, o.extraction_space, r, art.extraction_spaces);
          }
          printed.push_back({t, leaf_id});
        }
      }
    }
  }
  for (size_t i = 0; i + 1 < printed.size(); ++i) {
    if (printed[i].leaf == printed[i + 1].leaf && ends_in_digit(printed[i].text) &&
        !printed[i + 1].text.empty() && is_han(printed[i + 1].text.front()))
      ++art.split_numbers;
  }

  return printed;
}

// 3. Emit with the empty-line policy, recording each leaf's source lines.
std::vector<std::string> emit_lines(std::vector<Leaf>& leaves, const std::vector<Printed>& printed,
                                    const DegradeOptions& o) {
  std::vector<std::string> lines;
  if (o.leading_empty_line) lines.emplace_back();
  auto empty_between = [&](const Printed& a, const Printed& b) {
    const Leaf& la = leaves[a.leaf];
    const Leaf& lb = leaves[b.leaf];
    bool same = a.leaf == b.leaf;
    if (la.kind == Kind::headline && lb.kind == Kind::subtitle && o.headline_subtitle_adjacent) return false;
    switch (o.empty) {
      case EmptyLines::none: return false;
      case EmptyLines::paragraph: return !same;
      case EmptyLines::every:
        if (ends_in_digit(a.text)) return false;  // the sample: "出台党组 2024" ⏎ "年工作要点"
        if (same && la.kind == Kind::heading && o.heading_lines_adjacent) return false;
        return true;
    }
    return true;
  };
  for (size_t i = 0; i < printed.size(); ++i) {
    lines.push_back(to_utf8(printed[i].text));
    int n = static_cast<int>(lines.size());
    Leaf& leaf = leaves[printed[i].leaf];
    if (!leaf.src.known()) leaf.src.first = n;
    leaf.src.last = n;
    if (i + 1 < printed.size() && empty_between(printed[i], printed[i + 1])) lines.emplace_back();
  }

  return lines;
}

// 4. Truth document: sections open at headings; the box follows the last section.
Document truth_document(const std::vector<Leaf>& leaves, const std::string& id) {
  Document doc;
  doc.source = id + ".txt";
  int section = -1, box = -1;  // indices: doc.blocks grows while we fill it
  auto extend = [](LineRange& r, const LineRange& c) {
    if (!r.known()) r.first = c.first;
    r.last = c.last;
  };
  auto open = [&](Kind k) {
    Block b;
    b.kind = k;
    doc.blocks.push_back(std::move(b));
    return static_cast<int>(doc.blocks.size()) - 1;
  };
  for (const auto& leaf : leaves) {
    Block b;
    b.kind = leaf.kind;
    b.text = leaf.text;
    b.lines = leaf.lines;
    b.src = leaf.src;
    int into = -1;
    if (leaf.kind == Kind::heading) {
      into = section = open(Kind::section);
      box = -1;
    } else if (leaf.kind == Kind::paragraph && leaf.in_box) {
      if (box < 0) box = open(Kind::box), section = -1;
      into = box;
    } else if (leaf.kind == Kind::paragraph) {
      if (section < 0) section = open(Kind::section);
      into = section;
    }
    if (into < 0) {
      doc.blocks.push_back(b);
      continue;
    }
    extend(doc.blocks[into].src, b.src);
    doc.blocks[into].children.push_back(std::move(b));
  }
  return doc;
}

}  // namespace

Degraded degrade(const CorpusArticle& article, const DegradeOptions& o, uint64_t seed,
                 const std::string& other_headline) {
  Rng r(seed);
  Degraded d;
  d.id = article.id;
  d.seed = seed;
  d.options = o;
  std::string byline_marker;
  std::vector<Leaf> leaves = truth_leaves(article, o, other_headline, r, d.artefacts, byline_marker);
  std::vector<Printed> printed = print_lines(leaves, o, byline_marker, r, d.artefacts);
  d.lines = emit_lines(leaves, printed, o);
  d.truth = truth_document(leaves, article.id);
  return d;
}

}  // namespace paiban::bench
