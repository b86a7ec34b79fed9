// Internal to text: the verbs write_text (write.cpp) calls.
#pragma once

#include <string>
#include <vector>

namespace paiban::text_stages {

// space.cpp: a space between Han and Latin letters or digits (the "pangu" habit), where none is.
std::u32string pangu(const std::u32string& s);

// wrap.cpp: lines of at most `width` display columns (UAX #11), breaking only where clreq
// allows (no line-start 、，。 or closing marks, no line-end opening marks, —— and …… whole) and
// never inside a Latin word or a number. A chunk wider than `width` stands alone, overflowing.
std::vector<std::u32string> wrap(const std::u32string& s, int width);

}  // namespace paiban::text_stages
