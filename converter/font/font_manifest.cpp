// fonts/manifest.xml: family/style → Debian file, face index and package; roles → fallback chains.
// Format documented in fonts/README.md.
#include <pugixml.hpp>

#include "core/error.h"
#include "font/font_file.h"

namespace paiban {
namespace {

ManifestFont read_font(const pugi::xml_node& n, const std::string& where) {
  ManifestFont f;
  f.family = n.attribute("family").as_string();
  f.style = n.attribute("style").as_string("Regular");
  f.file = n.attribute("file").as_string();
  f.package = n.attribute("package").as_string();
  f.index = n.attribute("index").as_int(0);
  if (f.family.empty()) {
    throw input_error(where + ": <" + n.name() + "> without a family attribute",
                      "see fonts/README.md for the manifest format");
  }
  return f;
}

}  // namespace

Manifest try_load_manifest(const std::string& path) {
  Manifest m;
  m.path = path;
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_file(path.c_str());
  if (r.status == pugi::status_file_not_found || r.status == pugi::status_io_error) {
    throw input_error(path + ": cannot read the font manifest",
                      "set PAIBAN_DATA_DIR to the folder holding fonts/manifest.xml");
  }
  if (!r) {
    throw input_error(path + ": cannot read font manifest: " + r.description() + " at byte " +
                          std::to_string(r.offset),
                      "fix the XML, or set PAIBAN_DATA_DIR to a folder holding fonts/manifest.xml");
  }
  pugi::xml_node root = doc.child("fonts");
  if (!root) throw input_error(path + ": the root element must be <fonts>", "see fonts/README.md");
  for (pugi::xml_node n : root.children("font")) {
    std::string where = path + " (byte " + std::to_string(n.offset_debug()) + ")";
    ManifestFont f = read_font(n, where);
    if (f.file.empty()) {
      throw input_error(where + ": <font family=\"" + f.family + "\"> without a file attribute",
                        "see fonts/README.md for the manifest format");
    }
    m.fonts.push_back(std::move(f));
  }
  for (pugi::xml_node r : root.children("role")) {
    ManifestRole role;
    role.name = r.attribute("name").as_string();
    for (pugi::xml_node n : r.children("face"))
      role.faces.push_back(read_font(n, path + " (byte " + std::to_string(n.offset_debug()) + ")"));
    if (role.name.empty() || role.faces.empty()) {
      throw input_error(path + ": a <role> needs a name and at least one <face>",
                        "see fonts/README.md for the manifest format");
    }
    m.roles.push_back(std::move(role));
  }
  return m;
}

}  // namespace paiban
