// write (xml): Document → article XML, the contract of DESIGN.md §2 (schema/article.rng): one
// article as <article>, a scanned page as <page> holding its <article>s, several as <pages>.
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

// hOCR's bbox convention: "x0 y0 x1 y1", page pixels, y down.
std::string format_bbox(const BBox& b) {
  return std::to_string(b.x0) + " " + std::to_string(b.y0) + " " + std::to_string(b.x1) + " " + std::to_string(b.y1);
}

// src, ids and bbox: where a block or piece of furniture came from, each only when known.
void write_provenance(pugi::xml_node n, const LineRange& src, const std::string& ids, const BBox& bbox) {
  if (src.known()) n.append_attribute("src") = format_src(src).c_str();
  if (!ids.empty()) n.append_attribute("ids") = ids.c_str();
  if (bbox.known()) n.append_attribute("bbox") = format_bbox(bbox).c_str();
}

void write_block(pugi::xml_node parent, const Block& b) {
  pugi::xml_node n = parent.append_child(kind_name(b.kind));
  if (b.kind == Kind::figure) {  // src names the picture here, not source lines
    n.append_attribute("src") = b.image.c_str();
    if (b.columns > 0) n.append_attribute("columns") = b.columns;
  }
  write_provenance(n, b.kind == Kind::figure ? LineRange{} : b.src, b.ids, b.bbox);  // a figure's src is its file
  switch (b.kind) {
    case Kind::heading:
      for (const auto& line : b.lines) n.append_child("line").text().set(line.c_str());
      break;
    case Kind::section:
    case Kind::box:
    case Kind::figure:
      for (const auto& c : b.children) write_block(n, c);
      break;
    default:
      n.text().set(b.text.c_str());
  }
}

// Version 2 of an article: it uses what version 1 lacks (a caption, ids, a bbox), so a reader of
// version 1 is told rather than surprised.
bool needs_v2(const Block& b) {
  if (b.kind == Kind::caption || b.kind == Kind::figure || !b.ids.empty() || b.bbox.known()) return true;
  for (const auto& c : b.children)
    if (needs_v2(c)) return true;
  return false;
}

bool needs_v2(const Document& d) {
  if (d.bbox.known()) return true;
  for (const auto& b : d.blocks)
    if (needs_v2(b)) return true;
  return false;
}

void write_document_attributes(pugi::xml_node n, const Document& doc) {
  n.append_attribute("lang") = doc.lang.c_str();
  if (!doc.source.empty()) n.append_attribute("source") = doc.source.c_str();
  if (!doc.date.empty()) n.append_attribute("date") = doc.date.c_str();
}

// An article: at the root it carries the format's version; inside a <page> the page's does.
void write_article(pugi::xml_node parent, const Document& doc, bool root) {
  pugi::xml_node article = parent.append_child("article");
  if (root) article.append_attribute("version") = needs_v2(doc) ? "2" : "1";
  write_document_attributes(article, doc);
  if (doc.bbox.known()) article.append_attribute("bbox") = format_bbox(doc.bbox).c_str();
  for (const auto& b : doc.blocks) write_block(article, b);
}

void write_page_attributes(pugi::xml_node n, const Page& p) {
  if (p.number > 0) n.append_attribute("number") = p.number;
  if (p.width > 0) n.append_attribute("width") = p.width;
  if (p.height > 0) n.append_attribute("height") = p.height;
  if (p.dpi > 0) n.append_attribute("dpi") = p.dpi;
}

// Furniture first (running heads, folios: outside every article), then the articles in reading order.
void write_page_content(pugi::xml_node n, const Page& p) {
  for (const auto& f : p.furniture) {
    pugi::xml_node e = n.append_child("furniture");
    e.append_attribute("role") = role_name(f.role);
    write_provenance(e, f.src, f.ids, f.bbox);
    e.text().set(f.text.c_str());
  }
  for (const auto& a : p.articles) write_article(n, a, false);
}

}  // namespace

std::string write_xml(const Document& doc) {
  pugi::xml_document x;
  auto decl = x.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  if (!doc.is_pages()) {
    write_article(x, doc, true);
  } else if (doc.pages.size() == 1) {
    pugi::xml_node page = x.append_child("page");
    page.append_attribute("version") = "2";
    write_document_attributes(page, doc);
    write_page_attributes(page, doc.pages[0]);
    write_page_content(page, doc.pages[0]);
  } else {
    pugi::xml_node pages = x.append_child("pages");
    pages.append_attribute("version") = "2";
    write_document_attributes(pages, doc);
    for (const auto& p : doc.pages) {
      pugi::xml_node page = pages.append_child("page");
      write_page_attributes(page, p);
      write_page_content(page, p);
    }
  }
  std::ostringstream out;
  x.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace paiban
