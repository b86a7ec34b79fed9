// read (PAGE XML): PRImA's Page Analysis and Ground-truth Elements, 2013-07-15 and 2019-07-15
// schemas (https://github.com/PRImA-Research-Lab/PAGE-XML): PcGts/Page → TextRegion (nested,
// typed) → TextLine → Word → Glyph, outlines as Coords@points "x,y x,y …" (2010-era files: Point
// children), text as TextEquiv/Unicode with @index and @conf. Transkribus and OCR-D write it.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "ocr/fit.h"
#include "ocr/read.h"

namespace paiban::ocr {

namespace {

template <class F>
void each_child(pugi::xml_node n, std::string_view name, F&& f) {
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_element && local_name(c) == name) f(c);
}

// The preferred TextEquiv: the one with the lowest @index (PAGE: alternatives by index), else the first.
pugi::xml_node text_equiv(pugi::xml_node n) {
  pugi::xml_node best;
  long best_index = LONG_MAX;
  each_child(n, "TextEquiv", [&](pugi::xml_node t) {
    auto i = parse_number(attr(t, "index"));
    long idx = i ? static_cast<long>(*i) : LONG_MAX - 1;
    if (!best || idx < best_index) best = t, best_index = idx;
  });
  return best;
}

std::string unicode(pugi::xml_node te) { return child(te, "Unicode").text().get(); }

float conf(pugi::xml_node te) {
  auto c = parse_number(attr(te, "conf"));
  return c ? static_cast<float>(std::clamp(*c, 0.0, 1.0) * 100) : -1.0f;
}

class PageXmlReader {
 public:
  PageXmlReader(const XmlInput& in, const Limits& limits) : in_(in), limits_(limits) {}

  std::vector<Page> read() {
    pugi::xml_node root = root_named(
        in_, "PcGts", "PAGE XML files start with <PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">");
    pugi::xml_node p = child(root, "Page");
    if (!p) in_.fail(root, "no <Page> in <PcGts>", "a PAGE XML file holds its text in <PcGts><Page>");
    Page page;
    page_ = &page;
    page.source = in_.name();
    page.engine = child(child(root, "Metadata"), "Creator").text().get();
    auto w = parse_number(attr(p, "imageWidth")), h = parse_number(attr(p, "imageHeight"));
    if (w && h && *w >= 1 && *h >= 1) {
      page.width = static_cast<int>(std::lround(*w));
      page.height = static_cast<int>(std::lround(*h));
    } else {
      warn(page, in_.note(p, "imageWidth/imageHeight missing or not positive numbers"));
    }
    auto res = parse_number(attr(p, "imageXResolution"));
    if (res && *res >= 1 && *res <= 10000) page.dpi = static_cast<int>(std::lround(*res));
    collect_regions(p);
    for (pugi::xml_node r : ordered_regions(p)) read_region(r);
    finish_page(page, in_, p);
    std::vector<Page> out;
    out.push_back(std::move(page));
    return out;
  }

 private:
  // Every TextRegion under the page (nested ones, those in tables), in document order.
  void collect_regions(pugi::xml_node p) {
    for (pugi::xml_node n = p.first_child(); n;) {
      bool region = n.type() == pugi::node_element && local_name(n) == "TextRegion";
      if (region) {
        std::string id(attr(n, "id"));
        if (!id.empty()) by_id_.emplace(id, regions_.size());
        regions_.push_back(n);
      }
      // A rule or a frame's side: evidence of boxes for reflow.
      if (n.type() == pugi::node_element && local_name(n) == "SeparatorRegion")
        if (BBox b = coords(n); b.known()) page_->rules.push_back(b);
      if (n.type() == pugi::node_element && local_name(n) != "ReadingOrder" && n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n != p && !n.next_sibling()) n = n.parent();
      n = n == p ? pugi::xml_node() : n.next_sibling();
    }
  }

  // ReadingOrder's region references (groups' children sorted by @index), then every region it
  // does not name, in document order (PAGE: regions outside the reading order have none).
  std::vector<pugi::xml_node> ordered_regions(pugi::xml_node p) {
    std::vector<bool> taken(regions_.size(), false);
    std::vector<pugi::xml_node> out;
    std::vector<pugi::xml_node> stack;
    if (pugi::xml_node ro = child(p, "ReadingOrder")) stack.push_back(ro);
    while (!stack.empty()) {
      pugi::xml_node g = stack.back();
      stack.pop_back();
      auto it = by_id_.find(std::string(attr(g, "regionRef")));
      if (it != by_id_.end() && !taken[it->second]) {
        taken[it->second] = true;
        out.push_back(regions_[it->second]);
      }
      std::vector<std::pair<double, pugi::xml_node>> kids;
      for (pugi::xml_node c : g.children())
        if (c.type() == pugi::node_element) kids.emplace_back(parse_number(attr(c, "index")).value_or(kids.size()), c);
      std::stable_sort(kids.begin(), kids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.push_back(k->second);
    }
    for (size_t i = 0; i < regions_.size(); ++i)
      if (!taken[i]) out.push_back(regions_[i]);
    return out;
  }

  void read_region(pugi::xml_node n) {
    Region r;
    r.id = source_id(*page_, in_, n, "id");
    r.box = coords(n);
    r.src = static_cast<int>(in_.line(n));
    r.hint = hint_from_name(attr(n, "type"));
    const std::string face = text_style(n, "");
    each_child(n, "TextLine", [&](pugi::xml_node l) { r.lines.push_back(read_line(l, r.hint, face)); });
    page_->regions.push_back(std::move(r));
  }

  // The face a TextStyle names: @fontFamily, " bold" where @bold is true; `inherited` when none.
  std::string text_style(pugi::xml_node n, const std::string& inherited) {
    pugi::xml_node s = child(n, "TextStyle");
    std::string face(attr(s, "fontFamily"));
    if (face.empty() || face.size() > 256) return inherited;
    if (attr(s, "bold") == "true" || attr(s, "bold") == "1") face += " bold";
    return face;
  }

  Line read_line(pugi::xml_node n, Hint hint, const std::string& region_face) {
    Line l;
    l.face = text_style(n, region_face);
    l.id = source_id(*page_, in_, n, "id");
    l.box = coords(n);
    l.src = static_cast<int>(in_.line(n));
    l.hint = hint;
    auto bl = points(child(n, "Baseline"));
    if (!bl.empty()) {
      double sum = 0;
      for (const auto& pt : bl) sum += pt.second;
      l.baseline = static_cast<int>(std::lround(sum / static_cast<double>(bl.size())));
    }
    l.size = l.box.height();
    each_child(n, "Word", [&](pugi::xml_node w) {
      Word word;
      pugi::xml_node te = text_equiv(w);
      word.text = te ? unicode(te) : glyph_text(w);
      check_text(word.text, in_, w, limits_);
      if (word.text.empty()) return;
      word.conf = te ? conf(te) : -1.0f;
      word.box = coords(w);
      l.words.push_back(std::move(word));
    });
    if (l.words.empty()) {  // no words: the line's own TextEquiv, with the line's box
      pugi::xml_node te = text_equiv(n);
      Word word{te ? unicode(te) : std::string(), l.box, te ? conf(te) : -1.0f};
      check_text(word.text, in_, n, limits_);
      if (!word.text.empty()) l.words.push_back(std::move(word));
    }
    return l;
  }

  std::string glyph_text(pugi::xml_node w) {
    std::string s;
    each_child(w, "Glyph", [&](pugi::xml_node g) {
      if (pugi::xml_node te = text_equiv(g)) s += unicode(te);
    });
    return s;
  }

  // Coords@points "x,y x,y …", or the 2010-era <Point x y/> children.
  std::vector<std::pair<double, double>> points(pugi::xml_node c) {
    std::vector<std::pair<double, double>> out;
    if (!c) return out;
    if (c.attribute("points")) {
      auto v = parse_numbers(attr(c, "points"));
      for (size_t i = 0; i + 1 < v.size(); i += 2) out.emplace_back(v[i], v[i + 1]);
    } else {
      each_child(c, "Point", [&](pugi::xml_node pt) {
        auto x = parse_number(attr(pt, "x")), y = parse_number(attr(pt, "y"));
        if (x && y) out.emplace_back(*x, *y);
      });
    }
    return out;
  }

  BBox coords(pugi::xml_node n) {
    pugi::xml_node c = child(n, "Coords");
    auto pts = points(c);
    if (pts.empty()) return {};
    double x0 = pts[0].first, y0 = pts[0].second, x1 = x0, y1 = y0;
    for (const auto& [x, y] : pts) {
      x0 = std::min(x0, x), x1 = std::max(x1, x);
      y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    BBox b{static_cast<int>(std::lround(x0)), static_cast<int>(std::lround(y0)), static_cast<int>(std::lround(x1)),
           static_cast<int>(std::lround(y1))};
    fit_box(b, *page_, in_, c);
    return b;
  }

  const XmlInput& in_;
  const Limits& limits_;
  Page* page_ = nullptr;
  std::vector<pugi::xml_node> regions_;
  std::unordered_map<std::string, size_t> by_id_;
};

}  // namespace

std::vector<Page> read_page_xml(std::string_view bytes, const std::string& name, const Limits& limits) {
  XmlInput in(bytes, name, limits, {"PAGE XML", XmlPolicy::Doctype::refuse});
  return PageXmlReader(in, limits).read();
}

}  // namespace paiban::ocr
