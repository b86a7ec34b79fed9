// Test-only: Tesseract's hOCR → ocr::Page, just enough for reflow tests to feed real pages
// until converter/ocr's reader lands (it replaces this; no second reader in converter/).
#pragma once

#include <pugixml.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ocr/page.h"

namespace paiban::test {

inline BBox hocr_bbox(const char* title) {
  BBox b;
  const char* p = std::strstr(title, "bbox ");
  if (p) std::sscanf(p + 5, "%d %d %d %d", &b.x0, &b.y0, &b.x1, &b.y1);
  return b;
}

inline double hocr_num(const char* title, const char* key) {
  const char* p = std::strstr(title, key);
  double v = 0;
  if (p) std::sscanf(p + std::strlen(key), " %lf", &v);
  return v;
}

inline bool has_class(const pugi::xml_node& n, const char* c) {
  return std::strcmp(n.attribute("class").as_string(), c) == 0;
}

inline void hocr_walk(const pugi::xml_node& n, ocr::Page& page, ocr::Region* region, int& par) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    const char* title = c.attribute("title").as_string();
    if (has_class(c, "ocr_carea")) {
      page.regions.push_back(ocr::Region{});
      page.regions.back().id = c.attribute("id").as_string();
      page.regions.back().box = hocr_bbox(title);
      hocr_walk(c, page, &page.regions.back(), par);
    } else if (has_class(c, "ocr_par")) {
      ++par;
      hocr_walk(c, page, region, par);
    } else if (region && (has_class(c, "ocr_line") || has_class(c, "ocr_header") || has_class(c, "ocr_caption") ||
                          has_class(c, "ocr_textfloat"))) {
      ocr::Line l;
      l.id = c.attribute("id").as_string();
      l.box = hocr_bbox(title);
      l.size = hocr_num(title, "x_size");
      l.par = par;
      l.hint = has_class(c, "ocr_header") ? ocr::Hint::heading
               : has_class(c, "ocr_caption") ? ocr::Hint::caption : ocr::Hint::none;
      for (pugi::xml_node w : c.children()) {
        if (!has_class(w, "ocrx_word")) continue;
        ocr::Word word;
        word.text = w.text().as_string();
        if (word.text.empty()) word.text = w.child_value();
        for (pugi::xml_node s : w.children())
          if (s.type() == pugi::node_element) word.text += s.text().as_string();
        const char* wt = w.attribute("title").as_string();
        word.box = hocr_bbox(wt);
        word.conf = static_cast<float>(hocr_num(wt, "x_wconf"));
        l.words.push_back(word);
      }
      region->lines.push_back(l);
    } else {
      hocr_walk(c, page, region, par);
    }
  }
}

inline std::vector<ocr::Page> mini_read_hocr(const std::string& bytes, const std::string& name) {
  pugi::xml_document doc;
  std::vector<ocr::Page> pages;
  if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default)) return pages;
  for (pugi::xpath_node pn : doc.select_nodes("//*[@class='ocr_page']")) {
    ocr::Page p;
    p.source = name;
    p.number = static_cast<int>(pages.size()) + 1;
    BBox b = hocr_bbox(pn.node().attribute("title").as_string());
    p.width = b.x1, p.height = b.y1;
    p.dpi = static_cast<int>(hocr_num(pn.node().attribute("title").as_string(), "scan_res"));
    int par = -1;
    hocr_walk(pn.node(), p, nullptr, par);
    pages.push_back(std::move(p));
  }
  return pages;
}

}  // namespace paiban::test
