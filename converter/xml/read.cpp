// read (xml): article XML → Document, validated against the structure of schema/article.rng.
// Every error names file:line:column. DTDs are refused outright (no entity expansion at all).
#include <pugixml.hpp>

#include <cstring>

#include "core/error.h"
#include "core/unicode.h"
#include "xml/xml.h"

namespace paiban {

namespace {

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& name) : buf_(bytes), name_(name) {}

  Document read() {
    refuse_dtd();
    auto res = xml_.load_buffer(buf_.data(), buf_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!res) fail(static_cast<size_t>(res.offset), std::string("malformed XML: ") + res.description(),
                   "fix the XML syntax at that place");
    pugi::xml_node root = xml_.document_element();
    if (std::strcmp(root.name(), "article") != 0)
      fail(root, std::string("root element is <") + root.name() + ">, expected <article>",
           "paiban reads article XML as written by 'paiban reflow' (schema/article.rng)");
    Document doc;
    doc.source.clear();
    for (auto a : root.attributes()) {
      std::string n = a.name();
      if (n == "lang") doc.lang = a.value();
      else if (n == "source") doc.source = a.value();
      else if (n == "version") {
        if (std::strcmp(a.value(), "1") != 0)
          fail(root, std::string("unsupported article version '") + a.value() + "'", "this paiban reads version 1");
      } else {
        unknown_attribute(root, a);
      }
    }
    read_article_children(root, doc);
    return doc;
  }

 private:
  enum class Phase { head, front, body };

  void read_article_children(pugi::xml_node root, Document& doc) {
    Phase phase = Phase::head;
    for (pugi::xml_node c : root.children()) {
      if (!is_element(c, root)) continue;
      std::string n = c.name();
      if (n == "headline" && phase == Phase::head) {
        doc.blocks.push_back(text_block(c, Kind::headline));
        phase = Phase::front;
      } else if ((n == "subtitle" || n == "byline") && phase != Phase::body) {
        doc.blocks.push_back(text_block(c, n == "subtitle" ? Kind::subtitle : Kind::byline));
        phase = Phase::front;
      } else if (n == "p" || n == "section" || n == "box") {
        doc.blocks.push_back(n == "p" ? text_block(c, Kind::paragraph) : n == "box" ? box(c) : section(c));
        phase = Phase::body;
      } else {
        misplaced(c, "article", "headline?, (subtitle | byline)*, then (p | section | box)*");
      }
    }
  }

  Block section(pugi::xml_node n) {
    Block b = container(n, Kind::section);
    for (pugi::xml_node c : n.children()) {
      if (!is_element(c, n)) continue;
      std::string nm = c.name();
      if (nm == "heading" && b.children.empty()) b.children.push_back(heading(c));
      else if (nm == "p") b.children.push_back(text_block(c, Kind::paragraph));
      else if (nm == "box") b.children.push_back(box(c));
      else misplaced(c, "section", "heading?, then (p | box)*");
    }
    return b;
  }

  Block box(pugi::xml_node n) {
    Block b = container(n, Kind::box);
    for (pugi::xml_node c : n.children()) {
      if (!is_element(c, n)) continue;
      std::string nm = c.name();
      if (nm == "heading" && b.children.empty()) b.children.push_back(heading(c));
      else if (nm == "p") b.children.push_back(text_block(c, Kind::paragraph));
      else misplaced(c, "box", "heading?, then p+");
    }
    if (b.children.empty() || b.children.back().kind != Kind::paragraph)
      fail(n, "<box> holds no <p>", "a box holds at least one paragraph");
    return b;
  }

  Block heading(pugi::xml_node n) {
    Block b = container(n, Kind::heading);
    for (pugi::xml_node c : n.children()) {
      if (!is_element(c, n)) continue;
      if (std::strcmp(c.name(), "line") != 0) misplaced(c, "heading", "line+");
      no_attributes(c);
      b.lines.push_back(only_text(c));
    }
    if (b.lines.empty()) fail(n, "<heading> has no <line>", "write each printed line of the heading as <line>");
    return b;
  }

  Block container(pugi::xml_node n, Kind k) {
    Block b;
    b.kind = k;
    b.src = read_src(n);
    return b;
  }

  Block text_block(pugi::xml_node n, Kind k) {
    Block b = container(n, k);
    b.text = only_text(n);
    return b;
  }

  LineRange read_src(pugi::xml_node n) {
    LineRange r;
    for (auto a : n.attributes()) {
      if (std::strcmp(a.name(), "src") != 0) unknown_attribute(n, a);
      std::string v = a.value();
      size_t dash = v.find('-');
      auto num = [&](const std::string& s) {
        if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos || s[0] == '0')
          fail(n, "src=\"" + v + "\" is not a line range", "write src=\"N\" or src=\"FIRST-LAST\" (1-based lines)");
        return std::stoi(s);
      };
      r.first = num(v.substr(0, dash));
      r.last = dash == std::string::npos ? r.first : num(v.substr(dash + 1));
      if (r.last < r.first) fail(n, "src=\"" + v + "\" ends before it starts", "write src=\"FIRST-LAST\" with FIRST ≤ LAST");
    }
    return r;
  }

  std::string only_text(pugi::xml_node n) {
    std::string t;
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) t += c.value();
      else if (c.type() == pugi::node_element)
        fail(c, std::string("<") + c.name() + "> inside <" + n.name() + ">", std::string("<") + n.name() + "> holds text only");
    }
    return t;
  }

  // Elements are processed; comments/PIs skipped; stray text between elements is an error.
  bool is_element(pugi::xml_node c, pugi::xml_node parent) {
    if (c.type() == pugi::node_element) return true;
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      std::string_view v = c.value();
      if (v.find_first_not_of(" \t\r\n") != std::string_view::npos)
        fail(c, std::string("text directly inside <") + parent.name() + ">",
             "put text in <p>, <headline>, <subtitle>, <byline> or a heading's <line>");
    }
    return false;
  }

  void no_attributes(pugi::xml_node n) {
    if (auto a = n.first_attribute()) unknown_attribute(n, a);
  }

  [[noreturn]] void unknown_attribute(pugi::xml_node n, pugi::xml_attribute a) {
    fail(n, std::string("unknown attribute ") + a.name() + " on <" + n.name() + ">",
         "see schema/article.rng for the attributes each element takes");
  }

  [[noreturn]] void misplaced(pugi::xml_node c, const char* parent, const char* allowed) {
    fail(c, std::string("<") + c.name() + "> is not allowed here in <" + parent + ">",
         std::string("<") + parent + "> holds " + allowed);
  }

  void refuse_dtd() {
    size_t p = buf_.find("<!DOCTYPE");
    if (p != std::string_view::npos)
      fail(p, "DTDs and entity declarations are not accepted",
           "remove the <!DOCTYPE …> declaration; article XML needs none");
  }

  [[noreturn]] void fail(pugi::xml_node n, const std::string& what, const std::string& hint) {
    ptrdiff_t off = n.offset_debug();
    if (off < 0) off = 0;
    // Point at the '<' of an element, and at the first visible character of a text node.
    if (n.type() == pugi::node_element && off > 0) --off;
    if (n.type() == pugi::node_pcdata) {
      std::string_view v = n.value();
      size_t lead = v.find_first_not_of(" \t\r\n");
      if (lead != std::string_view::npos) off += static_cast<ptrdiff_t>(lead);
    }
    fail(static_cast<size_t>(off), what, hint);
  }

  [[noreturn]] void fail(size_t offset, const std::string& what, const std::string& hint) {
    int line = 1, col = 1;
    for (size_t i = 0; i < offset && i < buf_.size(); ++i) {
      if (buf_[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(buf_[i]) & 0xC0) != 0x80) {
        ++col;  // count code points, not bytes
      }
    }
    throw input_error(name_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + what, hint);
  }

  std::string_view buf_;
  const std::string& name_;
  pugi::xml_document xml_;
};

}  // namespace

Document try_read_xml(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) throw input_error(name + ": empty file", "there is nothing to convert; check the file");
  return Reader(bytes, name).read();
}

}  // namespace paiban
