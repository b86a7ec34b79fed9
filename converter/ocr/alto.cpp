// read (ALTO): Analyzed Layout and Text Object v2–v4 (https://www.loc.gov/standards/alto/):
// Layout/Page → margins and PrintSpace → (ComposedBlock →)* TextBlock → TextLine → String/SP/HYP,
// positions HPOS/VPOS/WIDTH/HEIGHT in Description/MeasurementUnit (pixel, mm10 = 1/10 mm,
// inch1200 = 1/1200 inch). Tesseract writes pixel ALTO v3/v4, ABBYY FineReader mm10 ALTO v2.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

#include "ocr/fit.h"
#include "ocr/read.h"

namespace paiban::ocr {

namespace {

constexpr int kAssumedDpi = 300;

// The words of a space-separated IDREFS attribute.
std::vector<std::string_view> refs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size() && out.size() < 64) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

class AltoReader {
 public:
  AltoReader(const XmlInput& in, const Limits& limits) : in_(in), limits_(limits) {}

  std::vector<Page> read() {
    pugi::xml_node root = root_named(
        in_, "alto", "ALTO files start with <alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">");
    read_description(child(root, "Description"));
    read_styles(root);
    pugi::xml_node layout = child(root, "Layout");
    std::vector<Page> pages;
    for (pugi::xml_node p : layout.children()) {
      if (local_name(p) != "Page") continue;
      check_page_count(static_cast<int>(pages.size()) + 1, in_.name(), limits_);
      pages.push_back(read_page(p, static_cast<int>(pages.size()) + 1));
    }
    if (pages.empty())
      in_.fail(layout ? layout : root, "no <Page> in <Layout>", "an ALTO file holds its text in <Layout><Page>");
    return pages;
  }

 private:
  void read_description(pugi::xml_node d) {
    std::string_view unit = child(d, "MeasurementUnit").text().get();
    while (!unit.empty() && std::strchr(" \t\r\n", unit.back())) unit.remove_suffix(1);
    while (!unit.empty() && std::strchr(" \t\r\n", unit.front())) unit.remove_prefix(1);
    if (unit == "mm10") per_inch_ = 254;
    else if (unit == "inch1200") per_inch_ = 1200;
    else if (!unit.empty() && unit != "pixel") unit_note_ = "MeasurementUnit \"" + std::string(unit.substr(0, 40)) +
                                                          "\" is not pixel, mm10 or inch1200; read as pixel";
    // ALTO has no resolution element; writers that record one put it under sourceImageInformation
    // or the processing step (xResolution, xSamplingFrequency in NISO MIX terms).
    for (pugi::xml_node n = d.first_child(); n && !dpi_; n = next_in(n, d)) {
      std::string_view nm = local_name(n);
      if (nm == "xResolution" || nm == "XResolution" || nm == "xSamplingFrequency" || nm == "resolution") {
        auto v = parse_number(n.text().get());
        if (v && *v >= 1 && *v <= 10000) dpi_ = static_cast<int>(std::lround(*v));
      }
    }
    for (pugi::xml_node n = d.first_child(); n && engine_.empty(); n = next_in(n, d)) {
      if (local_name(n) != "processingSoftware") continue;
      engine_ = child(n, "softwareName").text().get();
      std::string_view version = child(n, "softwareVersion").text().get();
      if (!engine_.empty() && !version.empty()) engine_ += " " + std::string(version);
    }
    tesseract_wc_ = writes_wc_as_percent(engine_);
    description_ = d;
  }

  // Tesseract up to 5.5.2 writes WC as "0." and its integer confidence, so 6 % comes out as
  // "0.6" and 100 % as "0.100" (tesseract-ocr/tesseract#4615, fixed by #4616): read back the
  // integer it meant, as its hOCR's x_wconf says.
  static bool writes_wc_as_percent(std::string_view engine) {
    if (!from_tesseract(engine)) return false;
    int v[3] = {0, 0, 0};
    size_t i = 9, k = 0;
    while (i < engine.size() && !std::isdigit(static_cast<unsigned char>(engine[i]))) ++i;
    if (i == engine.size()) return true;  // no version: an older one
    for (; i < engine.size() && k < 3; ++i) {
      if (std::isdigit(static_cast<unsigned char>(engine[i]))) v[k] = std::min(v[k] * 10 + (engine[i] - '0'), 999);
      else if (engine[i] == '.') ++k;
      else break;
    }
    return v[0] < 5 || (v[0] == 5 && (v[1] < 5 || (v[1] == 5 && v[2] <= 2)));
  }

  std::optional<double> word_confidence(std::string_view wc) const {
    if (tesseract_wc_ && wc.size() >= 3 && wc.size() <= 5 && wc.substr(0, 2) == "0.") {
      std::string_view digits = wc.substr(2);
      bool all = std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (all && (digits.size() == 1 || digits.size() == 3)) return std::stoi(std::string(digits)) / 100.0;
    }
    return parse_number(wc);
  }

  // Next element in document order inside `top` (iterative: no recursion on hostile depth).
  static pugi::xml_node next_in(pugi::xml_node n, pugi::xml_node top) {
    if (n.first_child()) return n.first_child();
    while (n && n != top && !n.next_sibling()) n = n.parent();
    return n && n != top ? n.next_sibling() : pugi::xml_node();
  }

  void read_styles(pugi::xml_node root) {
    for (pugi::xml_node s : child(root, "Styles").children()) {
      if (local_name(s) == "TextStyle") {
        auto size = parse_number(attr(s, "FONTSIZE"));
        if (size && *size > 0) font_size_[std::string(attr(s, "ID"))] = *size;
        // The face: FONTFAMILY, with FONTSTYLE (bold, italics…) where given.
        std::string face(attr(s, "FONTFAMILY"));
        if (!face.empty() && !attr(s, "FONTSTYLE").empty()) face += " " + std::string(attr(s, "FONTSTYLE"));
        if (!face.empty() && face.size() <= 256) font_face_[std::string(attr(s, "ID"))] = face;
      }
    }
    for (pugi::xml_node t : child(root, "Tags").children()) {
      std::string_view label = attr(t, "LABEL").empty() ? attr(t, "TYPE") : attr(t, "LABEL");
      if (!label.empty()) tags_[std::string(attr(t, "ID"))] = hint_from_name(label);
    }
  }

  Page read_page(pugi::xml_node p, int number) {
    Page page;
    page.source = in_.name();
    page.number = number;
    page.engine = engine_;
    page.dpi = dpi_;
    if (!unit_note_.empty()) warn(page, in_.note(description_, unit_note_));
    if (per_inch_ && !dpi_) {
      page.dpi = kAssumedDpi;
      warn(page, in_.note(description_, "positions are in physical units and the scan's resolution is not given; "
                                        "300 dpi assumed"));
    }
    page_ = &page;
    size_note_ = false;
    auto w = length(p, "WIDTH"), h = length(p, "HEIGHT");
    if (w && h && *w > 0 && *h > 0) {
      page.width = static_cast<int>(std::lround(*w));
      page.height = static_cast<int>(std::lround(*h));
    }
    // Blocks in the margins are the source's evidence of running heads, folios and side notes.
    for (pugi::xml_node c : p.children()) {
      std::string_view nm = local_name(c);
      Hint where = nm == "TopMargin" ? Hint::header : nm == "BottomMargin" ? Hint::footer
                 : nm == "LeftMargin" || nm == "RightMargin" ? Hint::other : Hint::none;
      if (nm == "PrintSpace" || where != Hint::none) read_blocks(c, where);
    }
    finish_page(page, in_, p);
    page_ = nullptr;
    return page;
  }

  // TextBlocks anywhere inside `space` (ComposedBlocks nest), in document order. A ComposedBlock
  // holding TextBlocks only is one block of paragraphs (Tesseract writes its text areas so, as
  // hOCR's ocr_carea of ocr_par): one region, its TextBlocks the lines' paragraphs.
  void read_blocks(pugi::xml_node space, Hint where) {
    for (pugi::xml_node n = space.first_child(); n;) {
      bool block = n.type() == pugi::node_element &&
                   (local_name(n) == "TextBlock" || (local_name(n) == "ComposedBlock" && paragraphs_only(n)));
      if (block) read_block(n, where);
      // A rule or a frame's side (Tesseract writes its separators so); other graphics are
      // told apart by shape in reflow.
      if (n.type() == pugi::node_element && local_name(n) == "GraphicalElement")
        if (BBox b = box(n); b.known()) page_->rules.push_back(b);
      n = block ? skip(n, space) : next_in(n, space);
    }
  }

  static pugi::xml_node skip(pugi::xml_node n, pugi::xml_node top) {
    while (n && n != top && !n.next_sibling()) n = n.parent();
    return n && n != top ? n.next_sibling() : pugi::xml_node();
  }

  static bool paragraphs_only(pugi::xml_node c) {
    bool any = false;
    for (pugi::xml_node k : c.children()) {
      if (k.type() != pugi::node_element) continue;
      if (local_name(k) != "TextBlock") return false;
      any = true;
    }
    return any;
  }

  // One region: a TextBlock, or a ComposedBlock of them (each TextBlock its lines' paragraph).
  void read_block(pugi::xml_node n, Hint where) {
    Region r;
    r.id = source_id(*page_, in_, n, "ID");
    r.box = box(n);
    r.src = static_cast<int>(in_.line(n));
    auto take = [&](pugi::xml_node b, int par) {
      if (r.hint == Hint::none) r.hint = tag_hint(b, where);
      const double block_size = style_size(b, 0);
      const std::string block_face = style_face(b, "");
      for (pugi::xml_node l : b.children())
        if (local_name(l) == "TextLine") {
          r.lines.push_back(read_line(l, block_size, block_face));
          r.lines.back().par = par;
        }
    };
    if (local_name(n) == "TextBlock") {
      take(n, -1);
    } else {
      int par = 0;
      for (pugi::xml_node b : n.children())
        if (b.type() == pugi::node_element) take(b, par++);
    }
    page_->regions.push_back(std::move(r));
  }

  // TAGREFS naming a tag whose LABEL/TYPE we know; a ComposedBlock's TYPE; else the margin's.
  Hint tag_hint(pugi::xml_node b, Hint where) {
    for (auto id : refs(attr(b, "TAGREFS"))) {
      auto it = tags_.find(std::string(id));
      if (it != tags_.end()) return it->second;
    }
    for (pugi::xml_node a = b; a && local_name(a) != "Page"; a = a.parent())
      if (!attr(a, "TYPE").empty() && local_name(a) == "ComposedBlock") return hint_from_name(attr(a, "TYPE"));
    return where;
  }

  Line read_line(pugi::xml_node n, double block_size, const std::string& block_face) {
    Line l;
    l.id = source_id(*page_, in_, n, "ID");
    l.box = box(n);
    l.src = static_cast<int>(in_.line(n));
    // BASELINE: one y (v2–v4.1) or, from v4.2, points "x,y x,y …": their mean y.
    auto bl = parse_numbers(attr(n, "BASELINE"), 4096);
    if (bl.size() == 1) l.baseline = px(bl[0]);
    else if (bl.size() >= 2) {
      double sum = 0;
      for (size_t i = 1; i < bl.size(); i += 2) sum += bl[i];
      l.baseline = px(sum / static_cast<double>(bl.size() / 2));
    }
    double size = style_size(n, block_size);
    l.face = style_face(n, block_face);
    for (pugi::xml_node c : n.children()) {
      std::string_view nm = local_name(c);
      if (nm == "String") {
        Word w;
        w.text = attr(c, "CONTENT");
        check_text(w.text, in_, c, limits_);
        if (w.text.empty()) continue;
        w.box = box(c);
        auto wc = word_confidence(attr(c, "WC"));
        if (wc) w.conf = static_cast<float>(std::clamp(*wc, 0.0, 1.0) * 100);
        if (!size) size = style_size(c, 0);
        if (l.face.empty()) l.face = style_face(c, "");
        l.words.push_back(std::move(w));
      } else if (nm == "HYP") {
        l.hyphenated = true;
      }
    }
    l.size = size > 0 ? size : l.box.height();
    return l;
  }

  // The face the STYLEREFS' TextStyle names; `inherited` when none.
  std::string style_face(pugi::xml_node n, const std::string& inherited) {
    for (auto id : refs(attr(n, "STYLEREFS"))) {
      auto it = font_face_.find(std::string(id));
      if (it != font_face_.end()) return it->second;
    }
    return inherited;
  }

  // Type size from the STYLEREFS' TextStyle FONTSIZE (points) in page pixels; `inherited` when none.
  double style_size(pugi::xml_node n, double inherited) {
    for (auto id : refs(attr(n, "STYLEREFS"))) {
      auto it = font_size_.find(std::string(id));
      if (it == font_size_.end()) continue;
      if (!page_->dpi && !size_note_) {
        size_note_ = true;
        warn(*page_, in_.note(n, "type sizes in points are converted at an assumed 300 dpi (the scan's resolution is not given)"));
      }
      return it->second * (page_->dpi ? page_->dpi : kAssumedDpi) / 72.0;
    }
    return inherited;
  }

  std::optional<double> length(pugi::xml_node n, const char* name) {
    std::string_view v = attr(n, name);
    if (v.empty()) return std::nullopt;
    auto x = parse_number(v);
    if (!x) {
      warn(*page_, in_.note(n, std::string(name) + "=\"" + std::string(v.substr(0, 20)) + "\" is not a number; ignored"));
      return std::nullopt;
    }
    return per_inch_ ? *x * page_->dpi / per_inch_ : *x;
  }

  int px(double v) { return static_cast<int>(std::lround(per_inch_ ? v * page_->dpi / per_inch_ : v)); }

  BBox box(pugi::xml_node n) {
    auto x = length(n, "HPOS"), y = length(n, "VPOS"), w = length(n, "WIDTH"), h = length(n, "HEIGHT");
    if (!x || !y || !w || !h) return {};
    BBox b{static_cast<int>(std::lround(*x)), static_cast<int>(std::lround(*y)), static_cast<int>(std::lround(*x + *w)),
           static_cast<int>(std::lround(*y + *h))};
    fit_box(b, *page_, in_, n);
    return b;
  }

  const XmlInput& in_;
  const Limits& limits_;
  pugi::xml_node description_;
  int per_inch_ = 0;  // units per inch: 254 (mm10), 1200 (inch1200); 0 for pixels
  int dpi_ = 0;
  std::string engine_, unit_note_;
  bool tesseract_wc_ = false;  // WC as Tesseract ≤ 5.5.2 writes it (writes_wc_as_percent)
  std::unordered_map<std::string, double> font_size_;  // TextStyle ID → FONTSIZE (points)
  std::unordered_map<std::string, std::string> font_face_;  // TextStyle ID → FONTFAMILY [FONTSTYLE]
  std::unordered_map<std::string, Hint> tags_;          // Tags/*Tag ID → hint from LABEL/TYPE
  Page* page_ = nullptr;
  bool size_note_ = false;  // the page's assumed-resolution warning for type sizes is given
};

}  // namespace

std::vector<Page> read_alto(std::string_view bytes, const std::string& name, const Limits& limits) {
  XmlInput in(bytes, name, limits, {"ALTO", XmlPolicy::Doctype::refuse});
  return AltoReader(in, limits).read();
}

}  // namespace paiban::ocr
