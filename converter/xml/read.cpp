// read (xml): article XML → Document, validated against the structure of schema/article.rng.
// The roots (<article>, <page>, <pages>), attribute values and errors. The bytes are checked and
// parsed by core/xml_input (DTDs refused, limits applied); every error names file:line:column: <element>.
#include <cctype>
#include <cstring>

#include "core/date.h"
#include "core/error.h"
#include "core/unicode.h"
#include "core/xml_chars.h"
#include "xml/reader.h"
#include "xml/xml.h"

namespace paiban::xml_read {

std::string q(std::string_view s) { return xml_chars::excerpt(s); }

namespace {

// Attribute values are names and tags, never text: a bound keeps a hostile megabyte value out of
// messages, PDF metadata and file names. `ids` lists source lines and may be longer.
constexpr size_t kMaxAttribute = 4096;

}  // namespace

Document Reader::read() {
  pugi::xml_node root = in_.root();
  std::string n = root.name();
  if (n == "article") return article(root);
  if (n == "page") return page_root(root);
  if (n == "pages") return pages_root(root);
  fail(root, "root element is <" + q(n) + ">, expected <article>, <page> or <pages>",
       "paiban reads article XML as written by 'paiban reflow' (schema/article.rng)");
}

void Reader::attributes(pugi::xml_node n, std::initializer_list<const char*> known,
                        const std::function<void(const std::string&, pugi::xml_attribute)>& f) {
  std::string seen;  // "|a|b|" of those already read
  for (auto a : n.attributes()) {
    std::string name = a.name();
    bool ok = false;
    for (const char* k : known) ok = ok || name == k;
    // Direction is the style's (<page writing-mode>): a block asking for its own would set a
    // horizontal box in a vertical page, which layout does not do; say so rather than "unknown".
    if (!ok && (name == "writing-mode" || name == "orientation"))
      fail(n, q(name) + "=\"" + q(a.value()) +
                  "\": an element cannot choose its writing direction (mixed-direction boxes are not supported)",
           "the whole article follows its page's writing mode, set by the style (<page writing-mode> in "
           "styles/README.md); remove the attribute");
    if (!ok)
      fail(n, "unknown attribute " + q(name),
           "see schema/article.rng for the attributes each element takes");
    if (seen.find("|" + name + "|") != std::string::npos)
      fail(n, "attribute " + q(name) + " appears twice", "keep one of them");
    seen += "|" + name + "|";
    f(name, a);
  }
}

bool Reader::document_attribute(pugi::xml_node n, pugi::xml_attribute a, Document& doc) {
  std::string name = a.name();
  if (name == "lang") {
    doc.lang = language(n, a);
  } else if (name == "source") {
    doc.source = attribute_value(n, a, kMaxAttribute);
  } else if (name == "date") {
    auto d = parse_iso_date(a.value());
    if (!d)
      fail(n, "date=\"" + q(a.value()) + "\" is not a calendar date",
           "write the publication date as YYYY-MM-DD, e.g. date=\"2025-01-10\"");
    doc.date = iso_date(*d);
  } else {
    return false;
  }
  return true;
}

void Reader::version(pugi::xml_node n, pugi::xml_attribute a, std::initializer_list<const char*> accepted) {
  std::string list;
  for (const char* v : accepted) {
    if (std::strcmp(a.value(), v) == 0) return;
    list += (list.empty() ? "" : " or ") + std::string(v);
  }
  fail(n, "unsupported version '" + q(a.value()) + "'",
       "this paiban reads <" + std::string(n.name()) + "> version " + list);
}

LineRange Reader::src(pugi::xml_node n, pugi::xml_attribute a) {
  LineRange r;
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
  return r;
}

// The source lines' ids: names separated by single spaces (XML IDs in hOCR, ALTO and PAGE hold none).
std::string Reader::ids(pugi::xml_node n, pugi::xml_attribute a) {
  std::string v = attribute_value(n, a, limits_.max_input_bytes);
  bool ok = !v.empty() && v.front() != ' ' && v.back() != ' ' && v.find("  ") == std::string::npos;
  if (!ok)
    fail(n, "ids=\"" + q(v) + "\" is not a list of line ids",
         "write the source lines' ids separated by single spaces, e.g. ids=\"line_1_3 line_1_4\"");
  return v;
}

// "x0 y0 x1 y1": whole page pixels, top-left to bottom-right, as hOCR writes a bbox.
BBox Reader::bbox(pugi::xml_node n, pugi::xml_attribute a) {
  std::string v = a.value();
  int c[4] = {0, 0, 0, 0};
  size_t i = 0;
  bool ok = true;
  for (int k = 0; k < 4 && ok; ++k) {
    if (k > 0) ok = i < v.size() && v[i++] == ' ';
    size_t start = i;
    while (ok && i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
    ok = ok && i > start && i - start <= 9 && (v[start] != '0' || i - start == 1);
    if (ok) c[k] = std::stoi(v.substr(start, i - start));
  }
  ok = ok && i == v.size();
  BBox b{c[0], c[1], c[2], c[3]};
  if (!ok || !b.known())
    fail(n, "bbox=\"" + q(v) + "\" is not a box",
         "write bbox=\"x0 y0 x1 y1\": page pixels of the top-left and bottom-right corners, x0 < x1, y0 < y1");
  return b;
}

int Reader::positive(pugi::xml_node n, pugi::xml_attribute a, const char* what) {
  std::string v = a.value();
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos || v[0] == '0')
    fail(n, std::string(a.name()) + "=\"" + q(v) + "\" is not a positive whole number",
         std::string("write the ") + what + " as digits, e.g. " + a.name() + "=\"300\"");
  return std::stoi(v);
}

std::string Reader::only_text(pugi::xml_node n) {
  std::string t;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) t += c.value();
    else if (c.type() == pugi::node_element)
      fail(c, "not allowed inside <" + q(n.name()) + ">", "<" + q(n.name()) + "> holds text only");
  }
  std::string bad = xml_chars::check_value(t, true);
  if (!bad.empty()) fail(n, bad, "remove the character or its reference");
  return t;
}

std::string Reader::attribute_value(pugi::xml_node n, pugi::xml_attribute a, size_t max) {
  size_t len = std::strlen(a.value());
  if (len > max)
    fail(n, std::string(a.name()) + " is " + format_bytes(len) + " long, more than " +
                format_bytes(max),
         "attribute values are short names; put text in elements");
  std::string bad = xml_chars::check_value(a.value(), false);
  if (!bad.empty())
    fail(n, std::string(a.name()) + ": " + bad, "remove the character or its reference");
  return a.value();
}

// xsd:language (BCP 47 shape), as schema/article.rng requires: "zh-Hans", "zh-Hant-TW".
std::string Reader::language(pugi::xml_node n, pugi::xml_attribute a) {
  std::string v = attribute_value(n, a, kMaxAttribute);
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
bool Reader::is_element(pugi::xml_node c) {
  if (c.type() == pugi::node_element) return true;
  if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
    std::string_view v = c.value();
    if (v.find_first_not_of(" \t\r\n") != std::string_view::npos)
      fail(c, "stray text between elements",
           "put text in <p>, <headline>, <subtitle>, <byline>, <caption>, <furniture> or a heading's <line>");
  }
  return false;
}

void Reader::no_attributes(pugi::xml_node n) { attributes(n, {}, [](const std::string&, pugi::xml_attribute) {}); }

void Reader::misplaced(pugi::xml_node c, const char* parent, const char* allowed) {
  fail(c, std::string("not allowed here in <") + parent + ">",
       std::string("<") + parent + "> holds " + allowed);
}

}  // namespace paiban::xml_read

namespace paiban {

Document read_xml(std::string_view bytes, const std::string& name, const Limits& limits) {
  XmlInput in(bytes, name, limits, {"article XML", XmlPolicy::Doctype::refuse});
  return xml_read::Reader(in, limits).read();
}

}  // namespace paiban
