// fit (ocr): keep what a reader transcribes on its page, and its warnings few.
#include "ocr/fit.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace paiban::ocr {

namespace {

constexpr double kMaxCoordinate = 1e7;  // far beyond any scan (an A0 sheet at 1200 dpi is ~56 000 px)

std::string box_text(const BBox& b) {
  return std::to_string(b.x0) + " " + std::to_string(b.y0) + " " + std::to_string(b.x1) + " " + std::to_string(b.y1);
}

template <class F>
void each_box(Page& page, F&& f) {
  for (auto& r : page.regions) {
    f(r.box);
    for (auto& l : r.lines) {
      f(l.box);
      for (auto& w : l.words) f(w.box);
    }
  }
  for (auto& b : page.rules) f(b);
}

}  // namespace

std::optional<double> parse_number(std::string_view s) {
  // Most positions are plain integers ("1234"): read them without the general parser.
  if (!s.empty() && s.size() <= 7) {
    size_t i = s[0] == '-' ? 1 : 0;
    int v = 0;
    bool digits = i < s.size();
    for (size_t k = i; digits && k < s.size(); ++k) {
      digits = s[k] >= '0' && s[k] <= '9';
      v = v * 10 + (s[k] - '0');
    }
    if (digits) return i ? -v : v;
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.size() > 32) return std::nullopt;
  // from_chars: no locale, no allocation, and it never reads "nan" or "inf" in general format.
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v) || std::fabs(v) > kMaxCoordinate)
    return std::nullopt;
  return v;
}

std::vector<double> parse_numbers(std::string_view s, size_t max) {
  std::vector<double> out;
  size_t i = 0;
  while (out.size() < max) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i == s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') ++j;
    auto v = parse_number(s.substr(i, j - i));
    if (!v) break;
    out.push_back(*v);
    i = j;
  }
  return out;
}

void warn(Page& page, std::string note) {
  if (page.warnings.size() < kMaxWarnings) page.warnings.push_back(std::move(note));
  else if (page.warnings.size() == kMaxWarnings)  // named like every other line, for a batch's report
    page.warnings.push_back(page.source + (page.source.empty() ? "" : ": ") + "further warnings on this page are not listed");
}

void fit_box(BBox& box, Page& page, const XmlInput& in, pugi::xml_node n) {
  if (!box.known()) {
    warn(page, in.note(n, "box " + box_text(box) + " has no area; left out"));
    box = {};
    return;
  }
  if (page.width <= 0 || page.height <= 0) return;
  BBox c{std::clamp(box.x0, 0, page.width), std::clamp(box.y0, 0, page.height), std::clamp(box.x1, 0, page.width),
         std::clamp(box.y1, 0, page.height)};
  if (c == box) return;
  if (!c.known()) {
    warn(page, in.note(n, "box " + box_text(box) + " lies outside the page (" + std::to_string(page.width) + "×" +
                              std::to_string(page.height) + "); left out"));
    box = {};
  } else {
    warn(page, in.note(n, "box " + box_text(box) + " reaches outside the page; clamped to " + box_text(c)));
    box = c;
  }
}

void size_from_boxes(Page& page, const XmlInput& in, pugi::xml_node n) {
  if (page.width > 0 && page.height > 0) return;
  BBox all;
  bool any = false, negative = false;
  each_box(page, [&](BBox& b) {
    if (!b.known()) return;
    negative = negative || b.x0 < 0 || b.y0 < 0;
    all = any ? BBox{std::min(all.x0, b.x0), std::min(all.y0, b.y0), std::max(all.x1, b.x1), std::max(all.y1, b.y1)} : b;
    any = true;
  });
  if (!any) return;
  page.width = std::max(all.x1, 1);
  page.height = std::max(all.y1, 1);
  warn(page, in.note(n, "the page's size is not given; taken from the boxes it holds (" + std::to_string(page.width) +
                            "×" + std::to_string(page.height) + ")"));
  if (!negative) return;
  warn(page, in.note(n, "boxes reach left of or above the page; clamped to it"));
  each_box(page, [&](BBox& b) {
    if (!b.known()) return;
    b.x0 = std::max(b.x0, 0);
    b.y0 = std::max(b.y0, 0);
    if (!b.known()) b = {};
  });
}

std::string source_id(Page& page, const XmlInput& in, pugi::xml_node n, const char* name) {
  std::string_view v = n.attribute(name).value();
  if (v.size() <= kMaxId) return std::string(v);
  warn(page, in.note(n, std::string(name) + " is " + format_bytes(v.size()) + " long; left out"));
  return {};
}

void check_text(std::string_view text, const XmlInput& in, pugi::xml_node n, const Limits& limits) {
  if (text.size() > limits.max_line_bytes)
    check_line_length(text.size(), static_cast<int>(in.line(n)), in.name(), limits);
}

void finish_page(Page& page, const XmlInput& in, pugi::xml_node n) {
  size_from_boxes(page, in, n);
  for (auto& r : page.regions)
    r.lines.erase(std::remove_if(r.lines.begin(), r.lines.end(), [](const Line& l) { return l.words.empty(); }),
                  r.lines.end());
  page.regions.erase(std::remove_if(page.regions.begin(), page.regions.end(),
                                    [](const Region& r) { return r.lines.empty(); }),
                     page.regions.end());
  if (page.regions.empty()) warn(page, in.note(n, "the page holds no text lines"));
  page.rules.erase(std::remove_if(page.rules.begin(), page.rules.end(), [](const BBox& b) { return !b.known(); }),
                   page.rules.end());
  if (page.rules.size() > kMaxRules) {
    warn(page, in.note(n, "the page holds " + std::to_string(page.rules.size()) + " rules; the first " +
                              std::to_string(kMaxRules) + " are kept"));
    page.rules.resize(kMaxRules);
  }
}

Hint hint_from_name(std::string_view name) {
  std::string s;
  for (char c : name)
    if (c != '-' && c != '_' && c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s.empty()) return Hint::none;
  if (s == "paragraph" || s == "text" || s == "body" || s == "bodytext") return Hint::text;
  if (s == "heading" || s == "headline" || s == "title" || s == "subheading")
    return Hint::heading;
  if (s == "caption") return Hint::caption;
  if (s == "header" || s == "runninghead" || s == "runningheader" || s == "pageheader") return Hint::header;
  if (s == "footer" || s == "pagefooter" || s == "runningfooter") return Hint::footer;
  if (s == "pagenumber" || s == "folio") return Hint::page_number;
  return Hint::other;
}

std::string_view local_name(pugi::xml_node n) {
  std::string_view s = n.name();
  size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

pugi::xml_node root_named(const XmlInput& in, std::string_view name, const char* hint) {
  pugi::xml_node root = in.root();
  if (local_name(root) != name)
    in.fail(root, "root element is <" + std::string(root.name()) + ">, expected <" + std::string(name) + ">", hint);
  return root;
}

}  // namespace paiban::ocr
