// The one greedy line breaker of clean text by display columns (UAX #11), breaking only where
// W3C clreq §3.1.7 allows (core/clreq.h) and UAX #14's rule of no break inside a run of Latin
// letters or digits. The text stage's --width wraps with it; bench's degrader prints its columns
// with it.
#pragma once

#include <string>
#include <vector>

namespace paiban {

struct WrapOptions {
  int first_width = 0;  // display columns of the first line
  int width = 0;        // of every later line
  // Where a space is a break opportunity: after every space (clean text: a space is where a line
  // may end), or only between two non-Han characters (print: a space between Han characters, or
  // Han and Latin, is a real space kept inside the line).
  enum class Spaces { every, latin } spaces = Spaces::every;
  // A pause, stop or closing mark may hang past the measure (clreq §3.1.7 "hanging").
  bool hanging = false;
};

struct WrappedLine {
  std::u32string text;  // without the spaces at its end
  int width = 0;        // display columns, spaces inside included
};

// May a line end between the non-space characters a and b? Not inside a run of Latin letters,
// digits or ASCII signs (UAX #14), nor where clreq §3.1.7 forbids (core/clreq.h).
bool may_break(char32_t a, char32_t b);

// Greedy: each line takes as many unbreakable runs as fit; a run wider than a line stands whole
// on a line of its own, overflowing (a URL or a long number must not be cut). Leading spaces of
// the text are kept with Spaces::latin (print) and dropped with Spaces::every. "" gives no line.
std::vector<WrappedLine> wrap_greedy(const std::u32string& text, const WrapOptions& options);

}  // namespace paiban
