// Internal to xml: the article-XML reader, one class over three files — read.cpp (entry, roots,
// values, errors), read_blocks.cpp (an <article> and its blocks), read_page.cpp (<page>, <pages>,
// <furniture>). Structure as schema/article.rng says; every error names file:line:column.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/limits.h"
#include "core/xml_input.h"
#include "xml/plan.h"

namespace paiban::xml_read {

class Reader {
 public:
  // `in` holds the checked, parsed input (core/xml_input.h: DTDs refused, limits applied).
  Reader(const XmlInput& in, const Limits& limits) : in_(in), limits_(limits) {}
  Document read();
  Plan plan();  // read_plan.cpp

 private:
  // read_blocks.cpp
  Document article(pugi::xml_node n);
  void article_children(pugi::xml_node root, Document& doc);
  Block section(pugi::xml_node n);
  Block box(pugi::xml_node n);
  Block heading(pugi::xml_node n);
  Block figure(pugi::xml_node n);
  Block container(pugi::xml_node n, Kind k);
  Block text_block(pugi::xml_node n, Kind k);

  // read_plan.cpp
  PlanArticle plan_article(pugi::xml_node n);
  void range(pugi::xml_node n, pugi::xml_attribute a, int& first, int& last, int& width);

  // read_page.cpp
  Document page_root(pugi::xml_node n);
  Document pages_root(pugi::xml_node n);
  void require_version(pugi::xml_node n);
  void page_attribute(pugi::xml_node n, pugi::xml_attribute a, Page& p);
  void page_content(pugi::xml_node n, Page& p);
  Furniture furniture(pugi::xml_node n);

  // read.cpp: attributes and values
  // Calls f(name, attribute) for each attribute, refusing duplicates and names not in `known`.
  void attributes(pugi::xml_node n, std::initializer_list<const char*> known,
                  const std::function<void(const std::string&, pugi::xml_attribute)>& f);
  // lang, source, date of an <article>, <page> or <pages>; false when `a` is none of them.
  bool document_attribute(pugi::xml_node n, pugi::xml_attribute a, Document& doc);
  void version(pugi::xml_node n, pugi::xml_attribute a, std::initializer_list<const char*> accepted);
  LineRange src(pugi::xml_node n, pugi::xml_attribute a);
  std::string ids(pugi::xml_node n, pugi::xml_attribute a);
  BBox bbox(pugi::xml_node n, pugi::xml_attribute a);
  int positive(pugi::xml_node n, pugi::xml_attribute a, const char* what);
  std::string only_text(pugi::xml_node n);
  std::string attribute_value(pugi::xml_node n, pugi::xml_attribute a, size_t max);
  std::string language(pugi::xml_node n, pugi::xml_attribute a);
  bool is_element(pugi::xml_node c);  // text between elements (not white space) is an error
  void no_attributes(pugi::xml_node n);
  [[noreturn]] void misplaced(pugi::xml_node c, const char* parent, const char* allowed);
  // An input Error "file:line:column: <element>: what" (XmlInput::fail).
  [[noreturn]] void fail(pugi::xml_node n, const std::string& what, const std::string& hint) const {
    in_.fail(n, what, hint);
  }

  const XmlInput& in_;
  const Limits& limits_;
};

// Input quoted in a message: one line, bounded length.
std::string q(std::string_view s);

}  // namespace paiban::xml_read
