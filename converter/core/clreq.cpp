#include "core/clreq.h"

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

bool is_closing(char32_t cp) {
  switch (cp) {
    case U'）': case U'》': case U'」': case U'』': case U'”': case U'’': case U'】':
    case U'〕': case U'〗': case U'〉': case U')': case U']':
      return true;
    default:
      return false;
  }
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

}  // namespace paiban::clreq
