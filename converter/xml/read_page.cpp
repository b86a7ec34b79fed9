// read (xml): a scanned page — <page> (one) or <pages> (several, e.g. a multi-page TIFF) — holding
// its <article>s and <furniture> (running heads, folios), version 2 of the format.
#include "xml/reader.h"

namespace paiban::xml_read {

Document Reader::page_root(pugi::xml_node n) {
  Document doc;
  Page p;
  require_version(n);
  attributes(n, {"version", "lang", "source", "date", "number", "width", "height", "dpi"},
             [&](const std::string& name, pugi::xml_attribute a) {
               if (name == "version") version(n, a, {"2"});
               else if (!document_attribute(n, a, doc)) page_attribute(n, a, p);
             });
  page_content(n, p);
  doc.pages.push_back(std::move(p));
  return doc;
}

Document Reader::pages_root(pugi::xml_node n) {
  Document doc;
  require_version(n);
  attributes(n, {"version", "lang", "source", "date"}, [&](const std::string& name, pugi::xml_attribute a) {
    if (name == "version") version(n, a, {"2"});
    else document_attribute(n, a, doc);
  });
  for (pugi::xml_node c : n.children()) {
    if (!is_element(c)) continue;
    if (std::string(c.name()) != "page") misplaced(c, "pages", "page+");
    Page p;
    attributes(c, {"number", "width", "height", "dpi"},
               [&](const std::string&, pugi::xml_attribute a) { page_attribute(c, a, p); });
    page_content(c, p);
    doc.pages.push_back(std::move(p));
  }
  if (doc.pages.empty())
    fail(n, "has no <page>", "write one <page> per scanned page, or a single <page> as the root");
  return doc;
}

// A page format's reader must know it is one: version 1 of the format had no pages.
void Reader::require_version(pugi::xml_node n) {
  if (!n.attribute("version"))
    fail(n, "has no version", "write <" + std::string(n.name()) + " version=\"2\">");
}

void Reader::page_attribute(pugi::xml_node n, pugi::xml_attribute a, Page& p) {
  std::string name = a.name();
  if (name == "number") p.number = positive(n, a, "page's number in its file");
  else if (name == "width") p.width = positive(n, a, "page's width in pixels");
  else if (name == "height") p.height = positive(n, a, "page's height in pixels");
  else p.dpi = positive(n, a, "scan's resolution in dots per inch");
}

// Furniture and articles in any order; the model keeps each list in document order.
void Reader::page_content(pugi::xml_node n, Page& p) {
  for (pugi::xml_node c : n.children()) {
    if (!is_element(c)) continue;
    std::string nm = c.name();
    if (nm == "article") p.articles.push_back(article(c));
    else if (nm == "furniture") p.furniture.push_back(furniture(c));
    else misplaced(c, "page", "(article | furniture)*");
  }
}

Furniture Reader::furniture(pugi::xml_node n) {
  Furniture f;
  bool role = false;
  attributes(n, {"role", "src", "ids", "bbox"}, [&](const std::string& name, pugi::xml_attribute a) {
    if (name == "src") {
      f.src = src(n, a);
    } else if (name == "ids") {
      f.ids = ids(n, a);
    } else if (name == "bbox") {
      f.bbox = bbox(n, a);
    } else {
      std::string v = a.value();
      for (auto r : {Furniture::Role::running_head, Furniture::Role::folio, Furniture::Role::other})
        if (v == role_name(r)) {
          f.role = r;
          role = true;
        }
      if (!role)
        fail(n, "role=\"" + q(v) + "\" is not a kind of furniture", "write role=\"running-head\", \"folio\" or \"other\"");
    }
  });
  if (!role) fail(n, "has no role", "write role=\"running-head\", \"folio\" or \"other\"");
  f.text = only_text(n);
  return f;
}

}  // namespace paiban::xml_read
