#include "ocr_baseline.h"

#include <pugixml.hpp>

#include <cstring>
#include <sstream>

#include "core/error.h"

namespace paiban::bench {

namespace {

void add_paragraph(Document& d, std::string& text) {
  if (text.find_first_not_of(" \t\f\r") != std::string::npos) {
    Block b;
    b.kind = Kind::paragraph;
    b.text = text;
    d.blocks.push_back(std::move(b));
  }
  text.clear();
}

void load(pugi::xml_document& doc, const std::string& xml, const std::string& name) {
  // Tesseract's hOCR opens with an XHTML DOCTYPE: pugixml's default skips it, expanding nothing.
  auto res = doc.load_buffer(xml.data(), xml.size());
  if (!res)
    throw input_error(name + ": malformed XML at byte " + std::to_string(res.offset) + ": " + res.description(),
                      "rerun tesseract for this page");
}

bool has_class(pugi::xml_node n, const char* cls) {
  std::istringstream in(n.attribute("class").value());
  std::string c;
  while (in >> c) if (c == cls) return true;
  return false;
}

// All character data under n (a word's text may sit inside <strong> or <em>).
std::string inner_text(pugi::xml_node n) {
  std::string s;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    else if (c.type() == pugi::node_element) s += inner_text(c);
  }
  return s;
}

// One hOCR paragraph: words of a line joined by a space, lines by nothing.
void hocr_words(pugi::xml_node n, std::string& out, bool& line_start) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (has_class(c, "ocrx_word")) {
      if (!line_start) out += ' ';
      out += inner_text(c);
      line_start = false;
    } else {
      bool line = has_class(c, "ocr_line") || has_class(c, "ocr_header") || has_class(c, "ocr_caption") ||
                  has_class(c, "ocr_textfloat");
      if (line) line_start = true;
      hocr_words(c, out, line_start);
    }
  }
}

void hocr_pars(pugi::xml_node n, Document& d) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (has_class(c, "ocr_par")) {
      std::string text;
      bool line_start = true;
      hocr_words(c, text, line_start);
      add_paragraph(d, text);
    } else {
      hocr_pars(c, d);
    }
  }
}

// ALTO element names carry a namespace prefix in some files: compare the local name.
bool is(pugi::xml_node n, const char* local) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}

void alto_blocks(pugi::xml_node n, Document& d) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (!is(c, "TextBlock")) { alto_blocks(c, d); continue; }
    std::string text;
    for (pugi::xml_node line : c.children()) {
      if (!is(line, "TextLine")) continue;
      bool first = true;
      for (pugi::xml_node w : line.children()) {
        if (is(w, "String")) {
          if (!first) text += ' ';
          text += w.attribute("CONTENT").value();
          first = false;
        }
      }
    }
    add_paragraph(d, text);
  }
}

}  // namespace

Document baseline_txt(const std::string& text) {
  Document d;
  std::istringstream in(text);
  std::string line, par;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t\f") == std::string::npos) add_paragraph(d, par);
    else par += line;
  }
  add_paragraph(d, par);
  return d;
}

Document baseline_hocr(const std::string& xml, const std::string& name) {
  pugi::xml_document doc;
  load(doc, xml, name);
  Document d;
  hocr_pars(doc, d);
  return d;
}

Document baseline_alto(const std::string& xml, const std::string& name) {
  pugi::xml_document doc;
  load(doc, xml, name);
  Document d;
  alto_blocks(doc, d);
  return d;
}

}  // namespace paiban::bench
