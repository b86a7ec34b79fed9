// read (xml): article XML → Document, validated against the structure of schema/article.rng.
// Every error names file:line:column. DTDs are refused outright (no entity expansion at all).
#include <pugixml.hpp>

#include <cctype>
#include <cstring>

#include "core/date.h"
#include "core/error.h"
#include "core/unicode.h"
#include "core/xml_chars.h"
#include "xml/xml.h"

namespace paiban {

namespace {

// Input quoted in a message: one line, bounded length.
std::string q(std::string_view s) { return xml_chars::excerpt(s); }

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& name, const Limits& limits)
      : buf_(bytes), name_(name), limits_(limits) {}

  Document read() {
    refuse_dtd();
    if (auto p = xml_chars::check_raw(buf_)) fail(p.offset, p.what, p.hint);
    if (auto p = xml_chars::check_nesting(buf_, limits_)) fail(p.offset, p.what, p.hint);
    auto res = xml_.load_buffer(buf_.data(), buf_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!res) fail(static_cast<size_t>(res.offset), std::string("malformed XML: ") + res.description(),
                   "fix the XML syntax at that place");
    pugi::xml_node root = xml_.document_element();
    if (std::strcmp(root.name(), "article") != 0)
      fail(root, "root element is <" + q(root.name()) + ">, expected <article>",
           "paiban reads article XML as written by 'paiban reflow' (schema/article.rng)");
    Document doc;
    doc.source.clear();
    std::string seen;  // "|lang|source|date|" of those already read
    for (auto a : root.attributes()) {
      std::string n = a.name();
      if (seen.find("|" + n + "|") != std::string::npos) duplicate_attribute(root, a);
      seen += "|" + n + "|";
      if (n == "lang") doc.lang = language(root, a);
      else if (n == "source") doc.source = attribute_value(root, a);
      else if (n == "date") {
        auto d = parse_iso_date(a.value());
        if (!d)
          fail(root, "date=\"" + q(a.value()) + "\" is not a calendar date",
               "write the publication date as YYYY-MM-DD, e.g. date=\"2025-01-10\"");
        doc.date = iso_date(*d);
      }
      else if (n == "version") {
        if (std::strcmp(a.value(), "1") != 0)
          fail(root, "unsupported article version '" + q(a.value()) + "'", "this paiban reads version 1");
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
    bool seen = false;
    for (auto a : n.attributes()) {
      if (std::strcmp(a.name(), "src") != 0) unknown_attribute(n, a);
      if (seen) duplicate_attribute(n, a);
      seen = true;
      std::string v = a.value();
      size_t dash = v.find('-');
      auto num = [&](const std::string& s) {
        if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos || s[0] == '0')
          fail(n, "src=\"" + q(v) + "\" is not a line range", "write src=\"N\" or src=\"FIRST-LAST\" (1-based lines)");
        return std::stoi(s);
      };
      r.first = num(v.substr(0, dash));
      r.last = dash == std::string::npos ? r.first : num(v.substr(dash + 1));
      if (r.last < r.first) fail(n, "src=\"" + q(v) + "\" ends before it starts", "write src=\"FIRST-LAST\" with FIRST ≤ LAST");
    }
    return r;
  }

  std::string only_text(pugi::xml_node n) {
    std::string t;
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) t += c.value();
      else if (c.type() == pugi::node_element)
        fail(c, "<" + q(c.name()) + "> inside <" + q(n.name()) + ">", "<" + q(n.name()) + "> holds text only");
    }
    std::string bad = xml_chars::check_value(t, true);
    if (!bad.empty()) fail(n, "<" + std::string(n.name()) + ">: " + bad, "remove the character or its reference");
    return t;
  }

  // Attribute values are names and tags, never text: a bound keeps a hostile megabyte value out of
  // messages, PDF metadata and file names.
  static constexpr size_t kMaxAttribute = 4096;

  std::string attribute_value(pugi::xml_node n, pugi::xml_attribute a) {
    size_t len = std::strlen(a.value());
    if (len > kMaxAttribute)
      fail(n, std::string(a.name()) + " on <" + n.name() + "> is " + format_bytes(len) + " long, more than " +
                  format_bytes(kMaxAttribute),
           "attribute values are short names; put text in elements");
    std::string bad = xml_chars::check_value(a.value(), false);
    if (!bad.empty())
      fail(n, std::string(a.name()) + " on <" + n.name() + ">: " + bad, "remove the character or its reference");
    return a.value();
  }

  // xsd:language (BCP 47 shape), as schema/article.rng requires: "zh-Hans", "zh-Hant-TW".
  std::string language(pugi::xml_node n, pugi::xml_attribute a) {
    std::string v = attribute_value(n, a);
    bool ok = !v.empty();
    size_t part = 0;
    for (size_t i = 0; ok && i <= v.size(); ++i) {
      if (i == v.size() || v[i] == '-') {
        ok = part >= 1 && part <= 8;
        part = 0;
      } else {
        unsigned char c = static_cast<unsigned char>(v[i]);
        ok = std::isalpha(c) || (std::isdigit(c) && i > v.find('-'));
        ++part;
      }
    }
    if (!ok) fail(n, "lang=\"" + q(v) + "\" is not a language tag", "write a BCP 47 tag such as lang=\"zh-Hans\"");
    return v;
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

  [[noreturn]] void duplicate_attribute(pugi::xml_node n, pugi::xml_attribute a) {
    fail(n, "attribute " + q(a.name()) + " appears twice on <" + q(n.name()) + ">", "keep one of them");
  }

  [[noreturn]] void unknown_attribute(pugi::xml_node n, pugi::xml_attribute a) {
    fail(n, "unknown attribute " + q(a.name()) + " on <" + q(n.name()) + ">",
         "see schema/article.rng for the attributes each element takes");
  }

  [[noreturn]] void misplaced(pugi::xml_node c, const char* parent, const char* allowed) {
    fail(c, "<" + q(c.name()) + "> is not allowed here in <" + parent + ">",
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
  const Limits& limits_;
  pugi::xml_document xml_;
};

}  // namespace

Document try_read_xml(std::string_view bytes, const std::string& name, const Limits& limits) {
  if (bytes.empty()) throw input_error(name + ": empty file", "there is nothing to convert; check the file");
  check_input_size(bytes.size(), name, limits);
  return Reader(bytes, name, limits).read();
}

}  // namespace paiban
