// fonts/manifest.xml: family/style → Debian file, face index and package; roles → fallback chains.
// Format documented in fonts/README.md. Read through core/xml_input, as every XML input is: each
// error names file:line:column and the element.
#include <charconv>
#include <fstream>

#include "core/error.h"
#include "core/xml_chars.h"
#include "core/xml_input.h"
#include "decode/decode.h"
#include "font/font_file.h"

namespace paiban {
namespace {

constexpr const char* kFormat = "see fonts/README.md for the manifest format";

// A face in a collection (.ttc): 0 when not given. FreeType takes the face number in the low 16
// bits of face_index (FT_Open_Face), so 0–65535.
int face_index(const XmlInput& in, const pugi::xml_node& n) {
  pugi::xml_attribute a = n.attribute("index");
  if (!a) return 0;
  std::string_view v = a.value();
  int i = -1;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), i);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || i < 0 || i > 65535)
    in.fail(n, "index=\"" + xml_chars::excerpt(v) + "\" is not a face number",
            "write the face's number in its collection as digits from 0, e.g. index=\"2\"; " + std::string(kFormat));
  return i;
}

ManifestFont read_font(const XmlInput& in, const pugi::xml_node& n) {
  ManifestFont f;
  f.family = n.attribute("family").as_string();
  f.style = n.attribute("style").as_string("Regular");
  f.file = n.attribute("file").as_string();
  f.package = n.attribute("package").as_string();
  f.index = face_index(in, n);
  if (f.family.empty()) in.fail(n, "no family attribute", kFormat);
  return f;
}

}  // namespace

Manifest load_manifest(const std::string& path) {
  if (!std::ifstream(path, std::ios::binary))
    throw input_error(Where{path, 0, 0, -1, {}}, "cannot read the font manifest",
                      "set PAIBAN_DATA_DIR to the folder holding fonts/manifest.xml");
  Limits limits;
  limits.max_input_bytes = 1 << 20;  // a manifest is a few pages of XML; a device or a huge file is none
  const std::string text = read_file_limited(path, limits);
  XmlInput in(text, path, limits, {"font manifest XML", XmlPolicy::Doctype::refuse});
  pugi::xml_node root = in.root();
  if (std::string(root.name()) != "fonts")
    in.fail(root, "root element is <" + xml_chars::excerpt(root.name()) + ">, expected <fonts>", kFormat);
  Manifest m;
  m.path = path;
  for (pugi::xml_node n : root.children("font")) {
    ManifestFont f = read_font(in, n);
    if (f.file.empty()) in.fail(n, "no file attribute", kFormat);
    m.fonts.push_back(std::move(f));
  }
  for (pugi::xml_node r : root.children("role")) {
    ManifestRole role;
    role.name = r.attribute("name").as_string();
    for (pugi::xml_node n : r.children("face")) role.faces.push_back(read_font(in, n));
    if (role.name.empty() || role.faces.empty()) in.fail(r, "a role needs a name and at least one <face>", kFormat);
    m.roles.push_back(std::move(role));
  }
  return m;
}

}  // namespace paiban
