// read (hOCR): XHTML whose class and title attributes carry the layout (hOCR 1.2,
// http://kba.github.io/hocr-spec/1.2/): ocr_page → ocr_carea → ocr_par → ocr_line (ocr_header,
// ocr_caption, ocr_textfloat) → ocrx_word, each with "bbox x0 y0 x1 y1; key values; …" in title.
// Written by Tesseract 4/5, OCRmyPDF and kraken.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "ocr/fit.h"
#include "ocr/read.h"

namespace paiban::ocr {

namespace {

// The properties of a title attribute: "bbox 1 2 3 4; x_wconf 95; image "a;b.png"" — separated
// by ';' outside double quotes, in any order; unknown ones ignored.
struct Title {
  std::string_view text;
  // The values of property `key` ("" when absent).
  std::string_view get(std::string_view key) const {
    size_t i = 0;
    while (i < text.size()) {
      size_t end = i;
      bool quoted = false;
      while (end < text.size() && (quoted || text[end] != ';')) quoted ^= text[end++] == '"';
      std::string_view prop = text.substr(i, end - i);
      i = end + 1;
      size_t k = prop.find_first_not_of(" \t\r\n");
      if (k == std::string_view::npos) continue;
      prop.remove_prefix(k);
      if (prop.substr(0, key.size()) == key && (prop.size() == key.size() || std::strchr(" \t\r\n", prop[key.size()])))
        return prop.substr(key.size());
    }
    return {};
  }
  std::vector<double> numbers(std::string_view key, size_t max) const { return parse_numbers(get(key), max); }
};

enum class Role { none, page, area, par, line, word, rule };

struct Class {
  Role role = Role::none;
  Hint hint = Hint::none;
};

// The hOCR class among an element's classes ("ocr_line", "ocrx_word foo").
Class classify(const char* cls) {
  std::string_view s = cls;
  Class c;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(" \t\r\n", i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view t = s.substr(i, j - i);
    i = j + 1;
    if (t == "ocr_page") return {Role::page, Hint::none};
    if (t == "ocr_carea" || t == "ocrx_block") c = {Role::area, Hint::none};
    else if (t == "ocr_par") c = {Role::par, Hint::none};
    else if (t == "ocr_line" || t == "ocrx_line") c = {Role::line, Hint::none};
    else if (t == "ocr_header") c = {Role::line, Hint::heading};
    else if (t == "ocr_caption") c = {Role::line, Hint::caption};
    else if (t == "ocr_textfloat") c = {Role::line, Hint::other};  // Tesseract: pull-out text
    else if (t == "ocrx_word") c = {Role::word, Hint::none};
    else if (t == "ocr_separator") c = {Role::rule, Hint::none};  // a rule or a frame's side
  }
  return c;
}

// All text inside an element, as written (ocrx_word may wrap it in <strong>/<em>), trimmed.
std::string inner_text(pugi::xml_node n) {
  std::string s;
  for (pugi::xml_node d = n.first_child(); d && d != n;) {
    if (d.type() == pugi::node_pcdata || d.type() == pugi::node_cdata) s += d.value();
    if (d.first_child()) {
      d = d.first_child();
    } else {
      while (d != n && !d.next_sibling()) d = d.parent();
      if (d != n) d = d.next_sibling();
    }
  }
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

int to_int(double v) { return static_cast<int>(std::lround(v)); }

class HocrReader {
 public:
  HocrReader(const XmlInput& in, const Limits& limits) : in_(in), limits_(limits) {}

  std::vector<Page> read() {
    pugi::xml_node root = root_named(
        in_, "html", "hOCR is XHTML with class=\"ocr_page\" elements, as 'tesseract IMAGE OUT hocr' writes it");
    for (pugi::xml_node m : root.child("head").children("meta"))
      if (std::strcmp(m.attribute("name").value(), "ocr-system") == 0) engine_ = m.attribute("content").value();
    walk(root);
    if (pages_.empty())
      in_.fail(root, "no element with class=\"ocr_page\"",
               "this HTML holds no hOCR page; make it with 'tesseract IMAGE OUT hocr'");
    finish_page();
    return std::move(pages_);
  }

 private:
  // Document order without recursion; the stack of open hOCR elements gives each node's context.
  void walk(pugi::xml_node root) {
    std::vector<std::pair<pugi::xml_node, Role>> open;
    for (pugi::xml_node n = root.first_child(); n;) {
      bool descend = true;
      if (n.type() == pugi::node_element) {
        Class c = classify(n.attribute("class").value());
        if (c.role != Role::none) {
          descend = c.role != Role::word;  // a word's inside (ocrx_cinfo, <strong>) is its text
          if (enter(n, c)) open.emplace_back(n, c.role);
        }
      }
      if (descend && n.first_child()) {
        n = n.first_child();
        continue;
      }
      leave(open, n);
      while (n != root && !n.next_sibling()) leave(open, n = n.parent());
      n = n == root ? pugi::xml_node() : n.next_sibling();
    }
  }

  void leave(std::vector<std::pair<pugi::xml_node, Role>>& open, pugi::xml_node n) {
    if (open.empty() || open.back().first != n) return;
    Role r = open.back().second;
    open.pop_back();
    if (r == Role::area) {
      area_ = {};
      in_implicit_ = false;
    }
    if (r == Role::line && line_) {
      // A line without ocrx_word elements (some writers) is one word: its own text and box.
      if (line_->words.empty()) {
        Word w{inner_text(n), line_->box, -1};
        check_text(w.text, in_, n, limits_);
        if (!w.text.empty()) line_->words.push_back(std::move(w));
      }
      line_ = nullptr;
    }
  }

  // Returns whether the element opened a page, area, paragraph or line (closed in leave()).
  bool enter(pugi::xml_node n, Class c) {
    if (c.role == Role::page) {
      start_page(n);
      return true;
    }
    if (!page_) return false;  // hOCR outside any ocr_page is not on a page
    switch (c.role) {
      case Role::area:
        if (area_) return false;  // nested areas: one region
        area_ = n;
        start_region(n);
        return true;
      case Role::par: ++par_; return false;
      case Role::line:
        if (line_) return false;  // a line inside a line: its words belong to the outer one
        add_line(n, c.hint);
        return true;
      case Role::word: add_word(n); return false;
      case Role::rule:
        if (BBox b = bbox(n); b.known()) page_->rules.push_back(b);
        return false;
      default: return false;
    }
  }

  void start_page(pugi::xml_node n) {
    finish_page();
    check_page_count(static_cast<int>(pages_.size()) + 1, in_.name(), limits_);
    pages_.emplace_back();
    page_ = &pages_.back();
    page_node_ = n;
    page_->source = in_.name();
    page_->number = static_cast<int>(pages_.size());
    page_->engine = engine_;
    Title t{n.attribute("title").value()};
    auto b = t.numbers("bbox", 4);
    if (b.size() == 4 && b[2] > b[0] && b[3] > b[1]) {
      page_->width = to_int(b[2]);
      page_->height = to_int(b[3]);
    } else if (!b.empty()) {
      warn(*page_, in_.note(n, "the page's bbox is not four numbers with x1 > x0 and y1 > y0; ignored"));
    }
    auto res = t.numbers("scan_res", 2);
    if (!res.empty() && res[0] >= 1 && res[0] <= 10000) page_->dpi = to_int(res[0]);
    area_ = {};
    line_ = nullptr;
    par_ = -1;
    in_implicit_ = false;
  }

  void finish_page() {
    if (!page_) return;
    ocr::finish_page(*page_, in_, page_node_);
    page_ = nullptr;
  }

  void start_region(pugi::xml_node n) {
    Region r;
    r.id = source_id(*page_, in_, n, "id");
    r.box = bbox(n);
    r.src = static_cast<int>(in_.line(n));
    page_->regions.push_back(std::move(r));
    par_ = -1;
    in_implicit_ = false;
  }

  // Lines outside any ocr_carea (kraken writes none) go to a region of their own, opened once.
  Region& region_for(pugi::xml_node line) {
    if (!area_ && !in_implicit_) {
      Region r;
      r.src = static_cast<int>(in_.line(line));
      page_->regions.push_back(std::move(r));
      in_implicit_ = true;
    }
    return page_->regions.back();
  }

  void add_line(pugi::xml_node n, Hint hint) {
    Region& r = region_for(n);
    Line l;
    l.id = source_id(*page_, in_, n, "id");
    l.hint = hint;
    l.par = par_;
    l.src = static_cast<int>(in_.line(n));
    Title t{n.attribute("title").value()};
    l.box = bbox(n);
    auto xs = t.numbers("x_size", 1);
    if (!xs.empty() && xs[0] > 0) l.size = xs[0];
    auto bl = t.numbers("baseline", 2);  // slope, offset from the box's bottom-left corner (hOCR §8.1)
    if (bl.size() == 2 && l.box.known()) l.baseline = to_int(l.box.y1 + bl[1]);
    r.lines.push_back(std::move(l));
    line_ = &r.lines.back();
  }

  void add_word(pugi::xml_node n) {
    if (!line_) {
      warn(*page_, in_.note(n, "word outside any ocr_line; left out"));
      return;
    }
    Word w;
    w.text = inner_text(n);
    check_text(w.text, in_, n, limits_);
    if (w.text.empty()) return;  // Tesseract writes empty words for blobs it could not read
    w.box = bbox(n);
    auto c = Title{n.attribute("title").value()}.numbers("x_wconf", 1);
    if (!c.empty()) w.conf = static_cast<float>(std::clamp(c[0], 0.0, 100.0));
    line_->words.push_back(std::move(w));
  }

  BBox bbox(pugi::xml_node n) {
    auto b = Title{n.attribute("title").value()}.numbers("bbox", 4);
    if (b.empty()) return {};
    if (b.size() != 4) {
      warn(*page_, in_.note(n, "bbox is not four numbers; left out"));
      return {};
    }
    BBox box{to_int(b[0]), to_int(b[1]), to_int(b[2]), to_int(b[3])};
    fit_box(box, *page_, in_, n);
    return box;
  }

  const XmlInput& in_;
  const Limits& limits_;
  std::string engine_;
  std::vector<Page> pages_;
  Page* page_ = nullptr;
  pugi::xml_node page_node_, area_;
  bool in_implicit_ = false;  // lines outside an ocr_carea are being collected in regions.back()
  Line* line_ = nullptr;
  int par_ = -1;
};

}  // namespace

std::vector<Page> read_hocr(std::string_view bytes, const std::string& name, const Limits& limits) {
  XmlInput in(bytes, name, limits, {"hOCR", XmlPolicy::Doctype::skip});
  return HocrReader(in, limits).read();
}

}  // namespace paiban::ocr
