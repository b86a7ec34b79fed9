#include "core/clreq.h"

#include "core/unicode.h"

namespace paiban::clreq {

bool is_opening(char32_t cp) {
  switch (cp) {
    case U'（': case U'《': case U'「': case U'『': case U'“': case U'‘': case U'【':
    case U'〔': case U'〖': case U'〈': case U'(': case U'[':
      return true;
    default:
      return false;
  }
}

char32_t opening_of(char32_t c) {
  switch (c) {
    case U'”': return U'“';
    case U'’': return U'‘';
    case U'）': return U'（';
    case U'》': return U'《';
    case U'」': return U'「';
    case U'』': return U'『';
    case U'】': return U'【';
    case U'〕': return U'〔';
    case U'〗': return U'〖';
    case U'〉': return U'〈';
    case U')': return U'(';
    case U']': return U'[';
    default: return 0;
  }
}

// Every closing mark pairs with an opening one: one list of them, opening_of's.
bool is_closing(char32_t cp) { return opening_of(cp) != 0; }

bool leaves_open(std::u32string_view text) {
  int depth = 0;
  for (char32_t c : text) {
    if (is_opening(c)) ++depth;
    else if (is_closing(c) && depth > 0) --depth;
  }
  return depth > 0;
}

bool is_pause_or_stop(char32_t cp) {
  switch (cp) {
    case U'、': case U'，': case U'；': case U'：': case U'。': case U'！': case U'？':
      return true;
    default:
      return false;
  }
}

bool is_stop(char32_t cp) { return cp == U'。' || cp == U'！' || cp == U'？'; }

Variant variant_of(std::string_view lang) {
  auto starts = [&](std::string_view p) {
    return lang.size() >= p.size() && lang.substr(0, p.size()) == p &&
           (lang.size() == p.size() || lang[p.size()] == '-');
  };
  return starts("zh-Hant") || starts("zh-TW") || starts("zh-HK") || starts("zh-MO") ? Variant::traditional
                                                                                    : Variant::simplified;
}

bool centred_in_frame(char32_t cp, Variant v) { return v == Variant::traditional && is_pause_or_stop(cp); }

bool not_at_line_start(char32_t cp) {
  if (is_pause_or_stop(cp) || is_closing(cp)) return true;
  switch (cp) {
    case U'·': case U'・': case U'〃': case U'々': case U'～':
    case U',': case U'.': case U';': case U':': case U'!': case U'?': case U'%': case U'％':
      return true;
    default:
      return false;
  }
}

bool not_at_line_end(char32_t cp) { return is_opening(cp); }

bool inseparable(char32_t a, char32_t b) {
  // A dash or ellipsis spans two em-wide glyphs; both halves stay on one line.
  return a == b && (a == U'—' || a == U'…' || a == U'⸺');
}

bool forbids_break(char32_t a, char32_t b) {
  return not_at_line_end(a) || not_at_line_start(b) || inseparable(a, b);
}

bool is_fullwidth(char32_t cp) {
  if (cp < 0xA0) return false;
  if (display_width(cp) == 2) return true;
  switch (cp) {
    case U'“': case U'”': case U'‘': case U'’': case U'…': case U'—': case U'·': case U'⸺':
      return true;
    default:
      return false;
  }
}

bool is_interpunct(char32_t cp) { return cp == U'·' || cp == U'・' || cp == U'‧'; }

bool is_adjustable_mark(char32_t cp) {
  return is_opening(cp) || is_closing(cp) || is_pause_or_stop(cp) || is_interpunct(cp);
}

Squeeze adjacent_squeeze(char32_t a, char32_t b) {
  if (!is_fullwidth(a) || !is_fullwidth(b)) return Squeeze::none;  // ASCII brackets have no blank half
  if (!is_adjustable_mark(b) || is_interpunct(a) || is_interpunct(b)) return Squeeze::none;
  if (is_closing(a) || is_pause_or_stop(a)) return Squeeze::first;
  if (is_opening(a) && is_opening(b)) return Squeeze::second;
  return Squeeze::none;
}

bool halves_at_line_end(char32_t cp) { return is_fullwidth(cp) && (is_pause_or_stop(cp) || is_closing(cp)); }

bool halves_at_line_start(char32_t cp) { return is_fullwidth(cp) && is_opening(cp); }

namespace {
bool is_western(char32_t cp) { return is_latin_letter(cp) || is_ascii_digit(cp); }
bool is_connector(char32_t cp) {
  switch (cp) {
    case U'-': case U'‐': case U'–': case U'～': case U'~': case U'/': case U'／':
      return true;
    default:
      return false;
  }
}
}  // namespace

bool wants_han_latin_space(char32_t a, char32_t b) {
  return (is_han(a) && is_western(b)) || (is_western(a) && is_han(b));
}

bool shrink_class(char32_t cp, Shrink* cls) {
  if (!is_fullwidth(cp)) return false;
  Shrink c;
  if (is_interpunct(cp)) c = Shrink::interpunct;
  else if (is_opening(cp) || is_closing(cp)) c = Shrink::bracket;
  else if (is_stop(cp)) c = Shrink::stop;
  else if (is_pause_or_stop(cp)) c = Shrink::pause;
  else return false;
  *cls = c;
  return true;
}

bool stretchable_gap(char32_t a, char32_t b) {
  if (inseparable(a, b) || is_connector(a) || is_connector(b)) return false;
  return is_fullwidth(a) || is_fullwidth(b);
}

bool across_char(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z'); }

bool sets_across(std::u32string_view run, char32_t before, char32_t after) {
  // Glued to Western text on either side (a letter, or ASCII punctuation of a longer token such as
  // "3.5" or "A-B"), the run belongs to a word that is rotated whole.
  auto western = [](char32_t c) { return c != 0 && c < 0x80 && c != U' '; };
  if (western(before) || western(after) || run.empty() || run.size() > 3) return false;
  bool digits = true, capitals = true;
  for (char32_t c : run) {
    digits = digits && c >= U'0' && c <= U'9';
    capitals = capitals && c >= U'A' && c <= U'Z';
  }
  return digits || (capitals && run.size() >= 2);
}

}  // namespace paiban::clreq
