#include "ocr_set.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace paiban::bench {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void bad(const std::string& name, pugi::xml_node n, const std::string& what) {
  throw input_error(name + ": <" + std::string(n.name()) + ">: " + what,
              "truth.xml is written by bench/ocr/make-devset (docs/ocr-devset.md); remake the page");
}

Block text_block(Kind k, pugi::xml_node n) {
  Block b;
  b.kind = k;
  b.text = n.text().get();
  return b;
}

Block heading(const std::string& name, pugi::xml_node n) {
  Block b;
  b.kind = Kind::heading;
  for (auto l : n.children("line")) b.lines.push_back(l.text().get());
  if (b.lines.empty()) bad(name, n, "a heading needs at least one <line>");
  return b;
}

// section and box: an optional heading, then p (and box in a section).
Block group(const std::string& name, pugi::xml_node n, Kind k) {
  Block b;
  b.kind = k;
  for (auto c : n.children()) {
    std::string t = c.name();
    if (c.type() != pugi::node_element) continue;
    if (t == "heading") b.children.push_back(heading(name, c));
    else if (t == "p") b.children.push_back(text_block(Kind::paragraph, c));
    else if (t == "caption") b.children.push_back(text_block(Kind::caption, c));
    else if (t == "box" && k == Kind::section) b.children.push_back(group(name, c, Kind::box));
    else bad(name, c, "not allowed inside <" + std::string(n.name()) + ">");
  }
  return b;
}

Document article(const std::string& name, pugi::xml_node n) {
  Document d;
  d.source = n.attribute("id").value();
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string t = c.name();
    if (t == "headline") d.blocks.push_back(text_block(Kind::headline, c));
    else if (t == "p") d.blocks.push_back(text_block(Kind::paragraph, c));
    else if (t == "caption") d.blocks.push_back(text_block(Kind::caption, c));
    else if (t == "section") d.blocks.push_back(group(name, c, Kind::section));
    else if (t == "box") d.blocks.push_back(group(name, c, Kind::box));
    else bad(name, c, "not an article element");
  }
  if (d.blocks.empty() || d.blocks.front().kind != Kind::headline) bad(name, n, "an article starts with its <headline>");
  return d;
}

}  // namespace

OcrPage parse_ocr_truth(const std::string& xml, const std::string& name) {
  pugi::xml_document doc;
  auto res = doc.load_buffer(xml.data(), xml.size());
  if (!res) throw input_error(name + ": malformed XML at byte " + std::to_string(res.offset) + ": " + res.description(),
                        "remake the page with bench/ocr/make-devset");
  pugi::xml_node root = doc.document_element();
  if (std::strcmp(root.name(), "page") != 0) bad(name, root, "the root must be <page>");
  OcrPage p;
  p.engine = root.attribute("engine").value();
  for (auto c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string t = c.name();
    if (t == "article") p.articles.push_back(article(name, c));
    else if (t != "furniture") bad(name, c, "a <page> holds <furniture> and <article>");
  }
  if (p.articles.empty()) bad(name, root, "a page needs at least one <article>");
  return p;
}

std::vector<OcrPage> load_ocr_set(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw input_error(dir + ": no such folder", "make it with bench/ocr/make-devset --out " + dir + " (docs/ocr-devset.md)");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_directory() && fs::exists(e.path() / "done") && fs::exists(e.path() / "truth.xml"))
      names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<OcrPage> out;
  for (const auto& n : names) {
    std::string path = (fs::path(dir) / n / "truth.xml").string();
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    OcrPage p = parse_ocr_truth(ss.str(), path);
    p.dir = (fs::path(dir) / n).string();
    p.name = n;
    out.push_back(std::move(p));
  }
  return out;
}

Document concat_articles(const std::vector<Document>& articles) {
  Document d;
  for (const auto& a : articles) d.blocks.insert(d.blocks.end(), a.blocks.begin(), a.blocks.end());
  return d;
}

}  // namespace paiban::bench
