#include "core/error.h"

namespace paiban {

std::string Where::str() const {
  std::string s = file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  } else if (byte >= 0) {
    s += " (byte " + std::to_string(byte) + ")";
  }
  if (!element.empty()) s += (s.empty() ? "" : ": ") + element;
  return s;
}

std::string what_with_causes(const Error& e, const std::string& sep) {
  std::string s = e.what();
  for (const Error* c = e.cause(); c; c = c->cause()) s += sep + c->what();
  return s;
}

const std::string& hint_with_causes(const Error& e) {
  const Error* h = &e;
  while (h->hint().empty() && h->cause()) h = h->cause();
  return h->hint();
}

}  // namespace paiban
