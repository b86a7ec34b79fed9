// write_nitf: article → IPTC NITF 3.6 (https://www.iptc.org/std/NITF/3.6/, nitf-3-6.dtd), the
// news archives' exchange format. The mapping is docs/formats.md "NITF".
#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "core/date.h"
#include "xml/formats.h"

namespace paiban {

namespace {

bool is_head(Kind k) { return k == Kind::headline || k == Kind::subtitle || k == Kind::byline; }

// hl1 is the headline; a second headline and the subtitles follow as hl2 (the DTD: hedline (hl1, hl2*)).
void write_body_head(pugi::xml_node body, const Document& a) {
  const Block* headline = nullptr;
  for (const auto& b : a.blocks)
    if (b.kind == Kind::headline) { headline = &b; break; }
  bool any = false;
  for (const auto& b : a.blocks) any = any || is_head(b.kind);
  if (!any) return;
  pugi::xml_node head = body.append_child("body.head");
  if (headline) {
    pugi::xml_node hed = head.append_child("hedline");
    hed.append_child("hl1").text().set(headline->text.c_str());
    for (const auto& b : a.blocks)
      if ((b.kind == Kind::headline && &b != headline) || b.kind == Kind::subtitle)
        hed.append_child("hl2").text().set(b.text.c_str());
  }
  for (const auto& b : a.blocks)
    if (b.kind == Kind::byline) head.append_child("byline").text().set(b.text.c_str());
}

// Sections have no NITF element: their heading becomes an hl2 and their content follows it.
// Boxes become <block>; a caption without its picture a <p class="caption"> (media needs a reference).
void write_content(pugi::xml_node parent, const Block& b) {
  switch (b.kind) {
    case Kind::heading: {  // the printed lines kept apart by <br/> (enriched text)
      pugi::xml_node hl2 = parent.append_child("hl2");
      for (size_t i = 0; i < b.lines.size(); ++i) {
        if (i) hl2.append_child("br");
        hl2.append_child(pugi::node_pcdata).set_value(b.lines[i].c_str());
      }
      break;
    }
    case Kind::section:
      for (const auto& c : b.children) write_content(parent, c);
      break;
    case Kind::box: {
      pugi::xml_node block = parent.append_child("block");
      for (const auto& c : b.children) write_content(block, c);
      break;
    }
    case Kind::figure:  // the picture is not carried: its caption and credit as caption paragraphs
      for (const auto& c : b.children) {
        pugi::xml_node p = parent.append_child("p");
        p.append_attribute("class") = "caption";
        p.text().set(c.text.c_str());
      }
      break;
    case Kind::caption: {
      pugi::xml_node p = parent.append_child("p");
      p.append_attribute("class") = "caption";
      p.text().set(b.text.c_str());
      break;
    }
    case Kind::paragraph:
      parent.append_child("p").text().set(b.text.c_str());
      break;
    default:  // headline, subtitle, byline: in body.head
      break;
  }
}

std::string write_one(const Document& a, const std::string& doc_id, const std::string& date) {
  pugi::xml_document x;
  auto decl = x.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node nitf = x.append_child("nitf");
  nitf.append_attribute("version") = "-//IPTC//DTD NITF 3.6//EN";
  nitf.append_attribute("baselang") = a.lang.c_str();
  pugi::xml_node head = nitf.append_child("head");
  for (const auto& b : a.blocks)
    if (b.kind == Kind::headline) {
      head.append_child("title").text().set(b.text.c_str());
      break;
    }
  pugi::xml_node docdata = head.append_child("docdata");
  if (!doc_id.empty()) docdata.append_child("doc-id").append_attribute("id-string") = doc_id.c_str();
  // norm: ISO 8601 basic format (the DTD's date.issue), the day alone since the time is unknown.
  if (auto d = parse_iso_date(date)) {
    std::string norm = iso_date(*d);
    norm.erase(std::remove(norm.begin(), norm.end(), '-'), norm.end());
    docdata.append_child("date.issue").append_attribute("norm") = norm.c_str();
  }
  pugi::xml_node body = nitf.append_child("body");
  write_body_head(body, a);
  pugi::xml_node content = body.append_child("body.content");
  for (const auto& b : a.blocks) write_content(content, b);
  std::ostringstream out;
  x.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

std::vector<std::string> write_nitf(const Document& doc) {
  std::vector<std::string> out;
  if (!doc.is_pages()) {
    out.push_back(write_one(doc, doc.source, doc.date));
    return out;
  }
  int n = 0;
  for (const auto& p : doc.pages)
    for (const auto& a : p.articles) {
      ++n;
      const std::string& source = a.source.empty() ? doc.source : a.source;
      std::string id = source.empty() ? std::string() : source + "#" + std::to_string(n);
      out.push_back(write_one(a, id, a.date.empty() ? doc.date : a.date));
    }
  return out;
}

}  // namespace paiban
