// read (xml input): check, then parse, then locate. Checks run on the raw bytes before pugixml
// builds a tree, so a hostile file costs one linear pass, never a node per element.
#include "core/xml_input.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/xml_chars.h"

namespace paiban {

namespace {

// First "<!DOCTYPE" (any case: HTML writes "<!doctype") outside comments, npos when none.
size_t find_doctype(std::string_view b) {
  for (size_t i = b.find("<!"); i != std::string_view::npos; i = b.find("<!", i + 2)) {
    if (b.compare(i, 4, "<!--") == 0) {
      size_t e = b.find("-->", i + 4);
      if (e == std::string_view::npos) return std::string_view::npos;
      i = e;
      continue;
    }
    std::string_view w = b.substr(i + 2, 7);
    if (w.size() == 7 && std::equal(w.begin(), w.end(), "DOCTYPE", [](char a, char c) {
          return std::toupper(static_cast<unsigned char>(a)) == c;
        }))
      return i;
    if (b.compare(i, 9, "<![CDATA[") == 0) {
      size_t e = b.find("]]>", i);
      if (e == std::string_view::npos) return std::string_view::npos;
      i = e;
    }
  }
  return std::string_view::npos;
}

// Whether the DOCTYPE at b[i] has an internal subset ('[' outside quoted ids, before its '>').
bool has_internal_subset(std::string_view b, size_t i) {
  size_t j = xml_chars::find_unquoted(b, i + 2, "[>");
  return j != std::string_view::npos && b[j] == '[';
}

}  // namespace

XmlInput::XmlInput(std::string_view bytes, std::string name, const Limits& limits, XmlPolicy policy)
    : bytes_(bytes), name_(std::move(name)) {
  if (bytes_.empty())
    throw input_error(Where{name_, 0, 0, -1, {}}, "empty file", "there is nothing to read; check the file");
  check_input_size(bytes_.size(), name_, limits);
  line_starts_.push_back(0);
  for (const char* p = bytes_.data(); (p = static_cast<const char*>(std::memchr(
                                           p, '\n', bytes_.data() + bytes_.size() - p))) != nullptr;)
    line_starts_.push_back(static_cast<size_t>(++p - bytes_.data()));
  check_doctype(policy);
  if (auto p = xml_chars::check_raw(bytes_, policy.kind)) fail_at(p.offset, p.what, p.hint);
  if (auto p = xml_chars::check_nesting(bytes_, limits)) fail_at(p.offset, p.what, p.hint);
  // parse_default leaves the DOCTYPE out of the tree and expands only XML's own references.
  auto res = doc_.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!res)
    fail_at(static_cast<size_t>(std::max<ptrdiff_t>(res.offset, 0)),
            std::string("malformed XML: ") + res.description(),
            std::string("fix the XML syntax at that place; the file may be truncated or not ") + policy.kind);
  if (!root())
    fail_at(0, "no root element", std::string("the file holds no ") + policy.kind + "; check the file");
}

void XmlInput::check_doctype(const XmlPolicy& policy) const {
  size_t d = find_doctype(bytes_);
  if (d == std::string_view::npos) return;
  if (policy.doctype == XmlPolicy::Doctype::refuse)
    fail_at(d, "DTDs and entity declarations are not accepted",
            std::string("remove the <!DOCTYPE …> declaration; ") + policy.kind + " needs none");
  if (has_internal_subset(bytes_, d))
    fail_at(d, "a DOCTYPE with an internal subset (entity declarations) is not accepted; nothing in it is expanded",
            std::string("remove the [ … ] part of the <!DOCTYPE …>; ") + policy.kind + " needs no entities");
}

size_t XmlInput::offset(pugi::xml_node n) const {
  ptrdiff_t off = n.offset_debug();
  if (off < 0) return 0;
  auto at = static_cast<size_t>(off);
  if (n.type() == pugi::node_element && at > 0) --at;  // pugixml points at the name, after '<'
  if (n.type() == pugi::node_pcdata) {
    std::string_view v = n.value();
    size_t lead = v.find_first_not_of(" \t\r\n");
    if (lead != std::string_view::npos) at += lead;
  }
  return std::min(at, bytes_.size());
}

long XmlInput::line_at(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<long>(it - line_starts_.begin());
}

Where XmlInput::where_at(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  Where w;
  w.file = name_;
  w.line = line_at(offset);
  w.column = 1;
  for (size_t i = line_starts_[static_cast<size_t>(w.line - 1)]; i < offset; ++i)
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++w.column;  // code points, not bytes
  w.byte = static_cast<long long>(offset);
  return w;
}

Where XmlInput::where(pugi::xml_node n) const {
  Where w = where_at(offset(n));
  w.element = label(n.type() == pugi::node_element ? n : n.parent());
  return w;
}

void XmlInput::fail(pugi::xml_node n, const std::string& what, const std::string& hint) const {
  throw input_error(where(n), what, hint);
}

void XmlInput::fail_at(size_t offset, const std::string& what, const std::string& hint) const {
  throw input_error(where_at(offset), what, hint);
}

std::string XmlInput::note(pugi::xml_node n, const std::string& what) const {
  Where w = where(n);
  w.column = 0;  // a line is enough to find a warning's element
  return w.str() + ": " + what;
}

std::string XmlInput::label(pugi::xml_node n) {
  if (n.type() != pugi::node_element) return {};
  std::string s = "<" + xml_chars::excerpt(n.name());
  for (const char* a : {"class", "id", "ID", "xml:id"})
    if (pugi::xml_attribute v = n.attribute(a)) s += std::string(" ") + a + "=\"" + xml_chars::excerpt(v.value()) + "\"";
  return s + ">";
}

}  // namespace paiban
