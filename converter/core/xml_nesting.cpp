// measure (xml nesting): count element depth and number in one pass over the raw bytes, so a
// hostile file (a million nested or sibling elements) is refused before pugixml allocates a
// node for each. Approximate on malformed XML (pugixml reports that next), exact on well-formed.
#include "core/limits.h"
#include "core/xml_chars.h"

namespace paiban::xml_chars {

namespace {

// End of the construct starting at b[i] == '<': one past its closing delimiter.
size_t end_of(std::string_view b, size_t i, std::string_view close) {
  size_t e = b.find(close, i);
  return e == std::string_view::npos ? b.size() : e + close.size();
}

// One past the '>' closing the tag at b[i]; quotes in attribute values may hold '>'.
size_t end_of_tag(std::string_view b, size_t i, bool& self_closing) {
  size_t j = find_unquoted(b, i + 1, ">");
  self_closing = j != std::string_view::npos && b[j - 1] == '/';
  return j == std::string_view::npos ? b.size() : j + 1;
}

}  // namespace

size_t find_unquoted(std::string_view b, size_t from, std::string_view chars) {
  char quote = 0;
  for (size_t j = from; j < b.size(); ++j) {
    char c = b[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (chars.find(c) != std::string_view::npos) {
      return j;
    }
  }
  return std::string_view::npos;
}

Problem check_nesting(std::string_view b, const Limits& l) {
  int depth = 0;
  uint64_t elements = 0;
  size_t first_over = std::string_view::npos;
  for (size_t i = b.find('<'); i != std::string_view::npos && i < b.size(); i = b.find('<', i)) {
    std::string_view rest = b.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      i = end_of(b, i, "-->");
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      i = end_of(b, i, "]]>");
    } else if (rest.substr(0, 2) == "<?") {
      i = end_of(b, i, "?>");
    } else if (rest.substr(0, 2) == "<!") {
      i = end_of(b, i, ">");
    } else if (rest.substr(0, 2) == "</") {
      if (depth > 0) --depth;
      i = end_of(b, i, ">");
    } else {
      bool self_closing = false;
      size_t start = i;
      i = end_of_tag(b, i, self_closing);
      int level = depth + 1;  // this element's depth (the root is 1)
      if (level > l.max_depth) {
        OverLimit o = depth_over_limit(level, l);
        return {start, o.what, o.hint};
      }
      if (!self_closing) depth = level;
      if (++elements > l.max_blocks && first_over == std::string_view::npos) first_over = start;
    }
  }
  if (first_over != std::string_view::npos) {
    OverLimit o = block_count_over_limit(elements, l);
    return {first_over, o.what, o.hint};
  }
  return {};
}

}  // namespace paiban::xml_chars
