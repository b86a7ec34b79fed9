// read (xml): an <article> and its blocks, in the order schema/article.rng allows.
#include <cstring>

#include "xml/reader.h"

namespace paiban::xml_read {

// At the root an article carries the format's version (2 when it uses caption, ids or bbox);
// inside a <page> the page's version holds, and the article may repeat one.
Document Reader::article(pugi::xml_node n) {
  Document doc;
  attributes(n, {"version", "lang", "source", "date", "bbox"}, [&](const std::string& name, pugi::xml_attribute a) {
    if (name == "version") version(n, a, {"1", "2"});
    else if (name == "bbox") doc.bbox = bbox(n, a);
    else document_attribute(n, a, doc);
  });
  article_children(n, doc);
  return doc;
}

void Reader::article_children(pugi::xml_node root, Document& doc) {
  enum class Phase { head, front, body } phase = Phase::head;
  for (pugi::xml_node c : root.children()) {
    if (!is_element(c)) continue;
    std::string n = c.name();
    if (n == "headline" && phase == Phase::head) {
      doc.blocks.push_back(text_block(c, Kind::headline));
      phase = Phase::front;
    } else if ((n == "subtitle" || n == "byline") && phase != Phase::body) {
      doc.blocks.push_back(text_block(c, n == "subtitle" ? Kind::subtitle : Kind::byline));
      phase = Phase::front;
    } else if (n == "p" || n == "caption") {
      doc.blocks.push_back(text_block(c, n == "p" ? Kind::paragraph : Kind::caption));
      phase = Phase::body;
    } else if (n == "section" || n == "box") {
      doc.blocks.push_back(n == "box" ? box(c) : section(c));
      phase = Phase::body;
    } else if (n == "figure") {
      doc.blocks.push_back(figure(c));
      phase = Phase::body;
    } else {
      misplaced(c, "article", "headline?, (subtitle | byline)*, then (p | caption | section | box | figure)*");
    }
  }
}

Block Reader::section(pugi::xml_node n) {
  Block b = container(n, Kind::section);
  for (pugi::xml_node c : n.children()) {
    if (!is_element(c)) continue;
    std::string nm = c.name();
    if (nm == "heading" && b.children.empty()) b.children.push_back(heading(c));
    else if (nm == "p") b.children.push_back(text_block(c, Kind::paragraph));
    else if (nm == "caption") b.children.push_back(text_block(c, Kind::caption));
    else if (nm == "box") b.children.push_back(box(c));
    else if (nm == "figure") b.children.push_back(figure(c));
    else misplaced(c, "section", "heading?, then (p | caption | box | figure)*");
  }
  return b;
}

Block Reader::box(pugi::xml_node n) {
  Block b = container(n, Kind::box);
  bool text = false;
  for (pugi::xml_node c : n.children()) {
    if (!is_element(c)) continue;
    std::string nm = c.name();
    if (nm == "heading" && b.children.empty()) {
      b.children.push_back(heading(c));
    } else if (nm == "p" || nm == "caption") {
      b.children.push_back(text_block(c, nm == "p" ? Kind::paragraph : Kind::caption));
      text = true;
    } else {
      misplaced(c, "box", "heading?, then (p | caption)+");
    }
  }
  if (!text) fail(n, "holds no <p>", "a box holds at least one paragraph");
  return b;
}

Block Reader::heading(pugi::xml_node n) {
  Block b = container(n, Kind::heading);
  for (pugi::xml_node c : n.children()) {
    if (!is_element(c)) continue;
    if (std::strcmp(c.name(), "line") != 0) misplaced(c, "heading", "line+");
    no_attributes(c);
    b.lines.push_back(only_text(c));
  }
  if (b.lines.empty()) fail(n, "has no <line>", "write each printed line of the heading as <line>");
  return b;
}

// A picture: src names its file (relative to the article's), columns the whole columns it spans;
// under it an optional caption, then an optional credit. The file is read by the pipeline.
Block Reader::figure(pugi::xml_node n) {
  Block b;
  b.kind = Kind::figure;
  attributes(n, {"src", "columns", "ids", "bbox"}, [&](const std::string& name, pugi::xml_attribute a) {
    if (name == "src") b.image = attribute_value(n, a, 1024);
    else if (name == "columns") b.columns = positive(n, a, "columns");
    else if (name == "ids") b.ids = ids(n, a);
    else b.bbox = bbox(n, a);
  });
  if (b.image.empty()) fail(n, "has no src", "name the picture file: <figure src=\"photo.jpg\">");
  if (b.columns > 24) fail(n, "columns=\"" + std::to_string(b.columns) + "\" is wider than any page", "a figure spans 1 to 24 columns");
  for (pugi::xml_node c : n.children()) {
    if (!is_element(c)) continue;
    std::string nm = c.name();
    bool caption_ok = nm == "caption" && b.children.empty();
    bool credit_ok = nm == "credit" && (b.children.empty() || b.children.back().kind == Kind::caption);
    if (caption_ok || credit_ok) b.children.push_back(text_block(c, caption_ok ? Kind::caption : Kind::credit));
    else misplaced(c, "figure", "caption?, credit?");
  }
  return b;
}

// Every block may say where it came from: src (text input), ids and bbox (OCR layout input).
Block Reader::container(pugi::xml_node n, Kind k) {
  Block b;
  b.kind = k;
  attributes(n, {"src", "ids", "bbox"}, [&](const std::string& name, pugi::xml_attribute a) {
    if (name == "src") b.src = src(n, a);
    else if (name == "ids") b.ids = ids(n, a);
    else b.bbox = bbox(n, a);
  });
  return b;
}

Block Reader::text_block(pugi::xml_node n, Kind k) {
  Block b = container(n, k);
  b.text = only_text(n);
  return b;
}

}  // namespace paiban::xml_read
