#include "core/document.h"

namespace paiban {

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::headline: return "headline";
    case Kind::subtitle: return "subtitle";
    case Kind::byline: return "byline";
    case Kind::section: return "section";
    case Kind::heading: return "heading";
    case Kind::paragraph: return "p";
    case Kind::box: return "box";
    case Kind::caption: return "caption";
    case Kind::figure: return "figure";
    case Kind::credit: return "credit";
  }
  return "?";
}

const char* role_name(Furniture::Role r) {
  switch (r) {
    case Furniture::Role::running_head: return "running-head";
    case Furniture::Role::folio: return "folio";
    case Furniture::Role::other: return "other";
  }
  return "?";
}

std::string plain_text(const Block& b) {
  std::string out = b.text;
  for (const auto& l : b.lines) out += l;
  for (const auto& c : b.children) out += plain_text(c);
  return out;
}

}  // namespace paiban
