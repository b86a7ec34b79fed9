// write (xml): Document → article XML, the contract of DESIGN.md §2 (schema/article.rng).
#include <pugixml.hpp>

#include <sstream>

#include "xml/xml.h"

namespace paiban {

namespace {

// "7" for one line, "7-8" for a range.
std::string format_src(const LineRange& r) {
  std::string s = std::to_string(r.first);
  if (r.last != r.first) s += "-" + std::to_string(r.last);
  return s;
}

void write_block(pugi::xml_node parent, const Block& b) {
  pugi::xml_node n = parent.append_child(kind_name(b.kind));
  if (b.src.known()) n.append_attribute("src") = format_src(b.src).c_str();
  switch (b.kind) {
    case Kind::heading:
      for (const auto& line : b.lines) n.append_child("line").text().set(line.c_str());
      break;
    case Kind::section:
    case Kind::box:
      for (const auto& c : b.children) write_block(n, c);
      break;
    default:
      n.text().set(b.text.c_str());
  }
}

}  // namespace

std::string write_xml(const Document& doc) {
  pugi::xml_document x;
  auto decl = x.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node article = x.append_child("article");
  article.append_attribute("version") = "1";
  article.append_attribute("lang") = doc.lang.c_str();
  if (!doc.source.empty()) article.append_attribute("source") = doc.source.c_str();
  if (!doc.date.empty()) article.append_attribute("date") = doc.date.c_str();
  for (const auto& b : doc.blocks) write_block(article, b);
  std::ostringstream out;
  x.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace paiban
