// Safe XML input, shared by every reader of XML (OCR layouts, article XML, styles, the font
// manifest): one place that
//   - checks the bytes before any tree is built: size (Limits::max_input_bytes), UTF-8, control
//     characters, references (only XML's five entities and numeric ones: no DTD entity is ever
//     expanded), encoding declaration, element depth and count (Limits::max_depth, max_blocks);
//   - applies a DOCTYPE policy: refuse (article XML) or skip an external-DTD declaration unread
//     (XHTML hOCR: nothing fetched); an internal subset (entity declarations) is always refused;
//   - parses with pugixml;
//   - turns a node or byte offset into a Where (file:line:column, element) for Errors and
//     warnings, in O(log lines) per lookup so a reader may ask for every line's source line.
// Usage:
//   XmlInput in(bytes, name, limits, {"ALTO", XmlPolicy::Doctype::refuse});
//   pugi::xml_node root = in.root();
//   if (bad) in.fail(node, "WIDTH=\"x\" is not a number", "write WIDTH as a number of MeasurementUnits");
//   page.warnings.push_back(in.note(node, "box outside the page, clamped"));
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/limits.h"

namespace paiban {

struct XmlPolicy {
  const char* kind = "XML";  // what the input is, in messages: "article XML", "hOCR", "ALTO"
  // refuse: any <!DOCTYPE> is an error. skip: a DOCTYPE that only names an external DTD (XHTML's
  // PUBLIC "-//W3C//DTD XHTML 1.0 …", as Tesseract writes) is skipped: never fetched or read.
  enum class Doctype { refuse, skip } doctype = Doctype::refuse;
};

class XmlInput {
 public:
  // Checks and parses `bytes`, which must outlive this object. Throws an input Error with a
  // Where (file:line:column) and a hint when the bytes are not acceptable XML.
  XmlInput(std::string_view bytes, std::string name, const Limits& limits, XmlPolicy policy = {});
  XmlInput(const XmlInput&) = delete;
  XmlInput& operator=(const XmlInput&) = delete;

  pugi::xml_node root() const { return doc_.document_element(); }
  const std::string& name() const { return name_; }
  std::string_view bytes() const { return bytes_; }

  // Byte offset of a node in the input: an element at its '<', text at its first visible character.
  size_t offset(pugi::xml_node n) const;
  long line(pugi::xml_node n) const { return line_at(offset(n)); }  // 1-based
  long line_at(size_t offset) const;
  // file, line, column (code points) and element label; a text node is labelled by its element.
  Where where(pugi::xml_node n) const;
  Where where_at(size_t offset) const;  // file, line, column; no element

  // [[noreturn]]: an input Error "file:line:column: <el>: what" with the hint.
  [[noreturn]] void fail(pugi::xml_node n, const std::string& what, const std::string& hint) const;
  [[noreturn]] void fail_at(size_t offset, const std::string& what, const std::string& hint) const;
  // "file:line: <el>: what", for warnings (ocr::Page::warnings) that do not stop reading.
  std::string note(pugi::xml_node n, const std::string& what) const;

  // "<TextLine ID=\"tl_3\">": the element's name with its class and id attributes (id, ID or
  // xml:id), values excerpted, so a user can search the file for it.
  static std::string label(pugi::xml_node n);

 private:
  void check_doctype(const XmlPolicy& policy) const;

  std::string_view bytes_;
  std::string name_;
  std::vector<size_t> line_starts_;  // offset of each line's first byte
  pugi::xml_document doc_;
};

}  // namespace paiban
