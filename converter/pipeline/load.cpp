// load: any input the user gives (raw column text in any supported encoding, or article XML)
// → the Document model.
#include "core/error.h"
#include "decode/decode.h"
#include "pipeline/convert.h"
#include "xml/xml.h"

namespace paiban {

Document try_load_document(std::string_view bytes, const std::string& name, const std::string& encoding,
                           ReflowReport* report) {
  if (looks_like_xml(bytes)) return try_read_xml(bytes, name);
  Decoded d = try_decode(bytes, name, encoding);
  std::string base = name;
  if (auto slash = base.find_last_of('/'); slash != std::string::npos) base = base.substr(slash + 1);
  ReflowResult r = reflow(d.lines, base == "-" ? std::string() : base);
  if (r.doc.blocks.empty())
    throw input_error(name + ": no text to convert (only blank lines, spaces or punctuation)",
                      "check that this is the right file");
  if (report) *report = std::move(r.report);
  return std::move(r.doc);
}

}  // namespace paiban
