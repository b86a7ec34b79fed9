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

}  // namespace paiban
