// normalise: clean each source line (letter-spacing, extraction spaces), join a block's lines
// without inventing or losing a character, and repair OCR punctuation inside Han text.
#include <cstdint>
#include <vector>

#include "core/clreq.h"
#include "core/unicode.h"
#include "reflow/chars.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

using chars::Cls;

namespace {

// A space between two Latin words (or numbers) is a real word space; anything else next to CJK
// text is either a real space between Han phrases or an extraction artefact.
bool word_space(Cls a, Cls b) { return !chars::is_cjk(a) && !chars::is_cjk(b); }

// The printed gap between Han text and an ASCII word is spacing (clreq §3.2.1 "Mixed text"),
// not a space character: extractors emit one, the newspaper text has none.
bool extraction_space(char32_t a, Cls ka, char32_t b, Cls kb) {
  return (chars::is_cjk(ka) && b < 0x80) || (a < 0x80 && chars::is_cjk(kb));
}

bool ascii_mark(char32_t c) { return c == U',' || c == U':' || c == U';' || c == U'!' || c == U'?'; }

void count(ReflowReport& r, const char* kind, int n = 1) {
  if (n > 0) r.repairs[kind] += n;
}

// A justified line whose slack went into the gaps between characters comes out of PDF
// extraction as "重 点 产 业 链": several one-Han-character words in a row.
bool is_letter_spaced(const std::u32string& t, size_t b, size_t e) {
  int tokens = 0, singles = 0;
  size_t k = b;
  while (k < e) {
    while (k < e && chars::classify(t[k]) == Cls::space) ++k;
    if (k >= e) break;
    int han = 0, len = 0;
    while (k < e && chars::classify(t[k]) != Cls::space) {
      han += chars::classify(t[k]) == Cls::han;
      ++len, ++k;
    }
    ++tokens;
    singles += han == 1 && len <= 2;
  }
  return singles >= 3 && singles * 2 >= tokens;
}

void set_ending(Line& l) {
  const std::u32string& t = l.text;
  size_t k = t.size();
  while (k > 0 && clreq::is_closing(t[k - 1])) --k;
  l.end = End::word;
  if (k == 0) {
    l.end = t.empty() ? End::word : End::closing;
    return;
  }
  char32_t c = t[k - 1];
  bool after_han = k >= 2 && chars::classify(t[k - 2]) == Cls::han;
  // "（新闻联播）:" and OCR's "新闻联播):": a mark after a bracket that closes Han text.
  bool after_bracket = k >= 3 && (t[k - 2] == U')' || t[k - 2] == U'）') && chars::classify(t[k - 3]) == Cls::han;
  if (clreq::is_stop(c) || c == U'…' || c == U'⋯' ||
      ((c == U'.' || c == U'!' || c == U'?') && after_han))
    l.end = End::stop;
  else if (c == U'；' || (c == U';' && after_han))
    l.end = End::semicolon;
  else if (c == U'：' || (c == U':' && (after_han || after_bracket)))
    l.end = End::colon;
  else if (c == U'，' || c == U'、' || (c == U',' && after_han))
    l.end = End::pause;
  else if (k < t.size())
    l.end = End::closing;
}

// Width of the first chunk a line break may not enter (clreq §3.1.7 prohibitions, no break
// inside an ASCII word, a real space between Han phrases glues its neighbours).
int head_width(const std::u32string& t) {
  int w = 0;
  for (size_t k = 0; k < t.size(); ++k) {
    char32_t c = t[k];
    if (c == U' ' && k > 0 && k + 1 < t.size() &&
        chars::classify(t[k - 1]) != Cls::han && chars::classify(t[k + 1]) != Cls::han)
      break;  // a Latin word space is a break opportunity
    w += chars::width(c);
    if (k + 1 == t.size()) break;
    char32_t n = t[k + 1];
    if (c == U' ' || n == U' ') continue;
    bool ascii_word = c > 0x20 && c < 0x7F && n > 0x20 && n < 0x7F;
    if (!ascii_word && !clreq::forbids_break(c, n)) break;
  }
  return w;
}

}  // namespace

Line clean_line(std::string_view raw, int src, ReflowReport& report, bool repair) {
  Line l;
  l.src = src;
  std::u32string t;
  t.reserve(raw.size() / 2 + 1);
  for (size_t i = 0; i < raw.size();) t.push_back(chars::decode(raw, i));
  if (!t.empty() && t.front() == 0xFEFF) t.erase(0, 1);  // a stray BOM is no character
  size_t b = 0, e = t.size();
  while (b < e && chars::classify(t[b]) == Cls::space) {
    l.indent += t[b] == U'\t' ? 4 : chars::width(t[b]);
    ++b;
  }
  while (e > b && chars::classify(t[e - 1]) == Cls::space) --e;
  if (b == e) {
    l.indent = 0;
    return l;
  }
  // chi_sim reads a subtitle's opening dash "——" as "一一" (the character 一 twice); at the
  // start of a line, before Han, it is the dash ("一一对应" never opens a printed line alone).
  if (repair && e - b >= 3 && t[b] == U'一' && t[b + 1] == U'一' && chars::classify(t[b + 2]) == Cls::han) {
    t[b] = t[b + 1] = U'—';
    count(report, "dash-yi");
  }
  // Four spaces or more inside a line: the engine read across a gutter (page text, psm 4/6).
  for (size_t k = b, run = 0; k < e && !l.gutter; ++k) {
    run = chars::classify(t[k]) == Cls::space ? run + 1 : 0;
    l.gutter = run >= 4;
  }
  l.letter_spaced = is_letter_spaced(t, b, e);
  if (l.letter_spaced) count(report, "letter-spacing");

  std::u32string& out = l.text;
  out.reserve(e - b);
  int removed = 0;
  for (size_t k = b; k < e;) {
    char32_t c = t[k];
    Cls kc = chars::classify(c);
    if (kc != Cls::space) {
      out.push_back(c);
      ++k;
      continue;
    }
    size_t r = k;
    while (r < e && chars::classify(t[r]) == Cls::space) ++r;
    char32_t a = out.back(), n = t[r];
    Cls ka = chars::classify(a), kn = chars::classify(n);
    if ((ascii_mark(n) && !chars::is_alnum(ka) && !l.letter_spaced) || (n == U'〈' && ka == Cls::han)) {
      // "消息 〈新闻联播) :": Tesseract spaces a look-alike mark off the bracket before it, and
      // its （ read as 〈 off the Han before it (a full-width bracket carries its own spacing).
      ++removed;
    } else if (word_space(ka, kn)) {
      out.push_back(U' ');
    } else if (extraction_space(a, ka, n, kn)) {
      ++removed;
    } else if (!l.letter_spaced) {
      out.push_back(c == 0x3000 ? c : U' ');  // a real space between Han phrases stays one space
    }
    k = r;
  }
  count(report, "extraction-space", removed);

  for (size_t k = 0; k < out.size(); ++k) {
    char32_t c = out[k];
    l.width += chars::width(c);
    switch (c) {
      case U'，': case U'、': case U'。': case U'；': case U'！': case U'？':
        ++l.pauses;
        break;
      case U'：':
        ++l.marks;
        break;
      case U',': case U';': case U'!': case U'?': case U':': case U'(': case U')': {
        // OCR's look-alikes of full-width marks, when next to Han: set full width in print.
        bool han = (k > 0 && chars::classify(out[k - 1]) == Cls::han) ||
                   (k + 1 < out.size() && chars::classify(out[k + 1]) == Cls::han);
        l.width += han;
        l.pauses += han && c != U':' && c != U'(' && c != U')';
        l.marks += han && c == U':';
        break;
      }
      default:
        break;
    }
  }
  l.marks += l.pauses;
  // A closing mark or a pause may hang past the measure (clreq §3.1.7): not part of the set width.
  char32_t last = out.back();
  l.hang = (clreq::is_closing(last) || clreq::is_pause_or_stop(last)) ? chars::width(last) : 0;
  l.head = head_width(out);
  set_ending(l);
  return l;
}

namespace {

// OCR reads full-width marks inside Han text as their ASCII look-alikes. Only a mark between
// Han characters (or CJK brackets and quotes) is repaired; numbers and Latin text are untouched.
bool han_side(char32_t c) {
  Cls k = chars::classify(c);
  return k == Cls::han || (k == Cls::punct && (clreq::is_closing(c) || clreq::is_opening(c)));
}

// Brackets are repaired as pairs: a pair that holds Han text or has one full-width half becomes
// （…）, so (2024年) and （党组) read （2024年）, （党组）, while (COVID-19) stays. A lone bracket
// is repaired on its Han side: ( before Han, ) after Han.
void repair_brackets(std::u32string& t, ReflowReport& report) {
  constexpr size_t none = static_cast<size_t>(-1);
  std::vector<size_t> open;
  auto fix = [&](size_t k) {
    bool angle = t[k] == U'〈' || t[k] == U'<';
    char32_t full = t[k] == U'(' || angle ? U'（' : t[k] == U')' ? U'）' : 0;
    if (!full) return;
    t[k] = full;
    count(report, angle ? "angle-paren" : "halfwidth-parens");
  };
  auto han = [&](size_t k) { return k < t.size() && chars::classify(t[k]) == Cls::han; };
  std::vector<size_t> lone;
  for (size_t k = 0; k < t.size(); ++k) {
    char32_t c = t[k];
    // chi_sim reads （ as 〈 or <: one that a ) or ） closes around Han text was a parenthesis.
    bool angle = (c == U'〈' || c == U'<') && han(k + 1);
    if (c == U'(' || c == U'（' || angle) {
      open.push_back(k);
    } else if (c == U')' || c == U'）') {
      size_t o = open.empty() ? none : open.back();
      if (o == none) {
        lone.push_back(k);
        continue;
      }
      open.pop_back();
      bool han_inside = han(o + 1) || (k > 0 && han(k - 1));
      if (han_inside || t[o] == U'（' || c == U'）') fix(o), fix(k);
    }
  }
  for (size_t o : open)
    if (t[o] == U'(' || t[o] == U'（') lone.push_back(o);
  for (size_t k : lone) {
    if ((t[k] == U'(' && han(k + 1)) || (t[k] == U')' && k > 0 && han(k - 1))) fix(k);
  }
}

void repair_punctuation(std::u32string& t, ReflowReport& report) {
  const size_t n = t.size();
  for (char32_t c : t) {
    if (c == U'(' || c == U')' || c == U'〈' || c == U'<') {
      repair_brackets(t, report);  // first: "(党组),要" needs its ）before the comma is judged
      break;
    }
  }
  for (size_t k = 0; k < n; ++k) {
    char32_t c = t[k];
    if (c > 0x3F) continue;
    if (c != U',' && c != U':' && c != U';' && c != U'?' && c != U'!') continue;
    char32_t prev = k > 0 ? t[k - 1] : 0;
    char32_t next = k + 1 < n ? t[k + 1] : 0;
    if (!han_side(prev)) continue;
    bool end_ok = next == 0 && (c == U'?' || c == U'!' || c == U';' || c == U':');
    if (!han_side(next) && !end_ok) continue;
    switch (c) {
      case U',': t[k] = U'，'; count(report, "halfwidth-comma"); break;
      case U':': t[k] = U'：'; count(report, "halfwidth-colon"); break;
      case U';': t[k] = U'；'; count(report, "halfwidth-semicolon"); break;
      case U'?': t[k] = U'？'; count(report, "halfwidth-question"); break;
      case U'!': t[k] = U'！'; count(report, "halfwidth-exclamation"); break;
      default: break;
    }
  }
}

// Marks a CJK font draws with one glyph for two code points, whose PDF ToUnicode may name the
// other one (XeLaTeX with Noto CJK, fresh26 and fresh28): in a text layer too, repaired.
// - The ellipsis is two U+2026 (GB/T 15834-2011 §4.11); the font's glyph is also U+22EF MIDLINE
//   HORIZONTAL ELLIPSIS, and "……" came back "⋯⋯". Two or more in a row; one alone stays.
// - The interpunct is U+00B7 (§4.13, 间隔号); the glyph is also U+30FB KATAKANA MIDDLE DOT, and
//   "【一线调研·加快" came back with "・"; or U+2219 BULLET OPERATOR ("乐达∙普玛", fresh34
//   p001). Between Han characters only: beside kana "・" is Japanese, beside figures "∙" maths.
void repair_shared_glyphs(std::u32string& t, ReflowReport& report) {
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (t[k] != U'⋯' || t[k + 1] != U'⋯') continue;
    for (; k < t.size() && t[k] == U'⋯'; ++k) t[k] = U'…', count(report, "midline-ellipsis");
  }
  for (size_t k = 1; k + 1 < t.size(); ++k)
    if ((t[k] == U'・' || t[k] == U'∙') && han_side(t[k - 1]) && han_side(t[k + 1])) {
      count(report, t[k] == U'・' ? "katakana-middle-dot" : "bullet-operator-dot");
      t[k] = U'·';
    }
}

}  // namespace

std::string join_lines(const std::vector<Line>& lines, size_t begin, size_t end, ReflowReport& report,
                       bool repair) {
  std::u32string t;
  size_t total = 0;
  for (size_t i = begin; i < end; ++i) total += lines[i].text.size() + 1;
  t.reserve(total);
  for (size_t i = begin; i < end; ++i) {
    const std::u32string& s = lines[i].text;
    if (s.empty()) continue;
    if (!t.empty()) {
      char32_t a = t.back(), b = s.front();
      Cls ka = chars::classify(a), kb = chars::classify(b);
      if (a == U'-' && t.size() >= 2 && t[t.size() - 2] >= U'a' && t[t.size() - 2] <= U'z' &&
          b >= U'a' && b <= U'z') {
        t.pop_back();  // "inter-" ⏎ "national": the typesetter's hyphen, not the word's
        count(report, "hyphen-rejoin");
      } else if (chars::is_alnum(ka) && chars::is_alnum(kb) && (ka == Cls::latin || kb == Cls::latin)) {
        t.push_back(U' ');  // two Latin words broke at their space
      } else if ((a == U',' || a == U'.' || a == U';' || a == U':' || a == U'!' || a == U'?' ||
                  a == U')') && kb == Cls::latin && t.size() >= 2 &&
                 chars::classify(t[t.size() - 2]) != Cls::han) {
        t.push_back(U' ');  // "U.S." ⏎ "officials"
      }
    }
    t += s;
  }
  if (repair) repair_punctuation(t, report);
  repair_shared_glyphs(t, report);
  std::string out;
  out.reserve(t.size() * 3);
  for (char32_t c : t) chars::encode(out, c);
  return out;
}

std::string strip_byline_marker(std::string text, ReflowReport& report, bool repair) {
  size_t i = 0;
  char32_t c = text.empty() ? 0 : next_code_point(text, i);
  // 口 is the engine's reading of □; a text layer's 口 is the character.
  if (c != U'□' && (c != U'口' || !repair) && c != U'■' && c != U'◻') return text;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (text.compare(i, 3, "\u3000") == 0) i += 3;
  count(report, "byline-marker");
  return text.substr(i);
}

// A short vertical column's word gaps survive OCR as spaces; inside a credit word (本報記者) a
// space is never printed, while the one after it, before the names, is (本报记者 高茜).
std::string close_credit(std::string text, ReflowReport& report) {
  const std::u32string t = to_u32(text);
  std::u32string closed;
  std::vector<size_t> at;  // where each character of `closed` stands in `t`
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] != U' ' && t[i] != 0x3000) {
      closed += t[i];
      at.push_back(i);
    }
  size_t start = !closed.empty() && (closed[0] == U'【' || closed[0] == U'〔' || closed[0] == U'［' || closed[0] == U'[');
  size_t n = credit_at(closed, start);
  if (n < 2 || at[start + n - 1] == start + n - 1) return text;  // no credit, or no space inside it
  std::u32string out = closed.substr(0, start + n) + t.substr(at[start + n - 1] + 1);
  count(report, "byline-spaces");
  return to_utf8(out);
}

std::string seat_headline_marks(std::string text, ReflowReport& report) {
  std::u32string t = to_u32(text);
  size_t lead = 0;
  while (lead < t.size() && (clreq::is_closing(t[lead]) || clreq::is_pause_or_stop(t[lead]) || ascii_mark(t[lead]) ||
                             t[lead] == U'.'))
    ++lead;
  if (lead == 0 || lead == t.size()) return text;
  std::u32string rest = t.substr(lead);
  // The headline's last unmatched opening mark, which a closing mark read first may close.
  std::vector<char32_t> open;
  for (char32_t c : rest) {
    if (clreq::is_opening(c)) open.push_back(c);
    else if (clreq::opening_of(c) && !open.empty() && open.back() == clreq::opening_of(c)) open.pop_back();
  }
  for (size_t k = lead; k-- > 0;) {
    if (!open.empty() && clreq::opening_of(t[k]) == open.back()) {
      rest += t[k];
      open.pop_back();
      count(report, "headline-mark-seated");
    } else {
      count(report, "headline-mark-dropped");
    }
  }
  return to_utf8(rest);
}

}  // namespace paiban::reflow_stages
