// load_style: styles/NAME.xml → Style. The format is documented in styles/README.md.
// Every element and attribute is checked: a typo or an out-of-range value is an error naming
// file:line:column and the field, never silently ignored. The bytes are checked and parsed by
// core/xml_input, as every XML reader's are.
#include "style/style.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/paths.h"
#include "decode/decode.h"
#include "core/xml_chars.h"
#include "core/xml_input.h"

namespace paiban {

namespace {

namespace fs = std::filesystem;

constexpr float kPtPerMm = 72.0f / 25.4f;

class Reader {
 public:
  explicit Reader(const XmlInput& in) : in_(in) {}

  const std::string& file() const { return in_.name(); }
  Where where(const pugi::xml_node& n) const { return in_.where(n); }

  // "file:line:column: body/@size: what": the field (element/@attribute) is what a user
  // searches the style for, so it stands in the Where as the element.
  [[noreturn]] void fail(const pugi::xml_node& n, const std::string& field, const std::string& what,
                         const std::string& hint = {}) const {
    Where w = in_.where(n);
    w.element = xml_chars::excerpt(field, 80);
    // Values are quoted in `what`: bounded, so a hostile style cannot flood the message.
    throw input_error(std::move(w), xml_chars::excerpt(what, 200),
                      hint.empty() ? "see styles/README.md for the style format" : hint);
  }

  // Every attribute of `n` must be one of `allowed`.
  void check_attributes(const pugi::xml_node& n, std::initializer_list<const char*> allowed) const {
    for (auto a : n.attributes()) {
      bool ok = std::any_of(allowed.begin(), allowed.end(),
                            [&](const char* name) { return std::strcmp(name, a.name()) == 0; });
      if (!ok) {
        std::string list;
        for (const char* name : allowed) list += std::string(list.empty() ? "" : ", ") + name;
        fail(n, field(n, a.name()), "unknown attribute",
             "<" + std::string(n.name()) + "> takes: " + (list.empty() ? "no attributes" : list));
      }
    }
  }

  static std::string field(const pugi::xml_node& n, const char* attr) {
    return std::string(n.name()) + "/@" + attr;
  }

  // A number with a unit: pt, mm, cm, in (a bare 0 is allowed). Range in pt.
  float length(const pugi::xml_node& n, const char* attr, float fallback, float lo, float hi) const {
    auto a = n.attribute(attr);
    if (!a) return fallback;
    std::string_view v = a.value();
    double x = 0;
    std::string_view unit = number(n, attr, v, x);
    double pt;
    if (unit == "pt") pt = x;
    else if (unit == "mm") pt = x * kPtPerMm;
    else if (unit == "cm") pt = x * 10 * kPtPerMm;
    else if (unit == "in") pt = x * 72;
    else if (unit.empty() && x == 0) pt = 0;
    else fail(n, field(n, attr), "'" + std::string(v) + "' needs a unit: pt, mm, cm or in");
    return in_range(n, attr, static_cast<float>(pt), lo, hi, "pt");
  }

  // A plain number, optionally with the one unit `suffix` ("em", "%" → divided by 100).
  float scalar(const pugi::xml_node& n, const char* attr, float fallback, float lo, float hi,
               const char* suffix = "") const {
    auto a = n.attribute(attr);
    if (!a) return fallback;
    std::string_view v = a.value();
    double x = 0;
    std::string_view unit = number(n, attr, v, x);
    if (!unit.empty() && unit != suffix)
      fail(n, field(n, attr), "'" + std::string(v) + "': unexpected unit '" + std::string(unit) + "'",
           *suffix ? std::string("write a number, optionally followed by ") + suffix : "write a number");
    if (std::strcmp(suffix, "%") == 0) {
      if (unit.empty() && x > 3) fail(n, field(n, attr), "'" + std::string(v) + "' looks like a percentage",
                                      "write it with a % sign, e.g. 60%");
      if (!unit.empty()) x /= 100;
      return in_range(n, attr, static_cast<float>(x), lo, hi, "", 100, "%");
    }
    return in_range(n, attr, static_cast<float>(x), lo, hi, suffix);
  }

  int integer(const pugi::xml_node& n, const char* attr, int fallback, int lo, int hi) const {
    auto a = n.attribute(attr);
    if (!a) return fallback;
    std::string_view v = a.value();
    int x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || p != v.data() + v.size())
      fail(n, field(n, attr), "'" + std::string(v) + "' is not a whole number");
    if (x < lo || x > hi)
      fail(n, field(n, attr), std::to_string(x) + " is out of range " + std::to_string(lo) + "–" +
                                  std::to_string(hi));
    return x;
  }

  bool boolean(const pugi::xml_node& n, const char* attr, bool fallback) const {
    auto a = n.attribute(attr);
    if (!a) return fallback;
    std::string_view v = a.value();
    if (v == "yes" || v == "true") return true;
    if (v == "no" || v == "false") return false;
    fail(n, field(n, attr), "'" + std::string(v) + "' is not yes or no");
  }

  Align align(const pugi::xml_node& n, const char* attr, Align fallback) const {
    auto a = n.attribute(attr);
    if (!a) return fallback;
    std::string_view v = a.value();
    if (v == "start") return Align::start;
    if (v == "center") return Align::center;
    if (v == "end") return Align::end;
    if (v == "justify") return Align::justify;
    fail(n, field(n, attr), "'" + std::string(v) + "' is not one of start, center, end, justify");
  }

 private:
  // Parses the leading decimal number of v into x and returns the rest (the unit).
  std::string_view number(const pugi::xml_node& n, const char* attr, std::string_view v, double& x) const {
    size_t i = 0;
    while (i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.' || v[i] == '-' ||
                            v[i] == '+'))
      ++i;
    std::string num(v.substr(0, i));
    // std::from_chars for double is not in every libstdc++ we support; istringstream is locale-
    // dependent only through the global locale, which paiban never changes.
    std::istringstream is(num);
    is.imbue(std::locale::classic());
    if (num.empty() || !(is >> x) || !is.eof() || !std::isfinite(x))
      fail(n, field(n, attr), "'" + std::string(v) + "' is not a number");
    return v.substr(i);
  }

  float in_range(const pugi::xml_node& n, const char* attr, float x, float lo, float hi,
                 const char* unit, float show_scale = 1, const char* show_unit = nullptr) const {
    if (x < lo - 1e-4f || x > hi + 1e-4f) {
      auto fmt = [&](float f) {
        std::ostringstream o;
        o.imbue(std::locale::classic());
        o << std::round(f * show_scale * 100) / 100 << (show_unit ? show_unit : unit);
        return o.str();
      };
      fail(n, field(n, attr), fmt(x) + " is out of range " + fmt(lo) + "–" + fmt(hi));
    }
    return x;
  }

  const XmlInput& in_;
};

// <headline orientation>: the head's writing direction. `horizontal` on a vertical-rl page sets
// headline and subtitle across the top (layout/compose.cpp); a vertical head on a horizontal page
// is a mixed direction layout does not set, so it is refused here rather than drawn wrong.
void read_orientation(const Reader& r, const pugi::xml_node& n, Style& s) {
  auto a = n.attribute("orientation");
  if (!a) return;
  std::string_view v = a.value();
  if (v == "horizontal") s.head_across = s.vertical();
  else if (v == "vertical" && !s.vertical())
    r.fail(n, "headline/@orientation", "a vertical head on a horizontal-tb page is not supported",
           "vertical heads belong to <page writing-mode=\"vertical-rl\">; remove the attribute here");
  else if (v != "vertical")
    r.fail(n, "headline/@orientation", "'" + std::string(v) + "' is not horizontal or vertical",
           "horizontal sets the headline and subtitle across the top of a vertical-rl page");
}

// <box writing-mode>: a box is set in its page's direction; one asking for the other direction (a
// horizontal box on a vertical-rl page, or the reverse) is a mixed layout paiban does not set.
void read_box_mode(const Reader& r, const pugi::xml_node& n, const Style& s) {
  auto a = n.attribute("writing-mode");
  if (!a) return;
  std::string_view v = a.value();
  const char* page = s.vertical() ? "vertical-rl" : "horizontal-tb";
  if (v != "horizontal-tb" && v != "vertical-rl")
    r.fail(n, "box/@writing-mode", "'" + std::string(v) + "' is not horizontal-tb or vertical-rl");
  if (v != page)
    r.fail(n, "box/@writing-mode",
           "a " + std::string(v) + " box on a " + page + " page is not supported (mixed-direction boxes)",
           std::string("boxes are set in the page's writing mode (<page writing-mode=\"") + page +
               "\">); remove the attribute or change the page's");
}

// Reads the text-style attributes shared by <body>, <headline>, <box>, ...
TextStyle read_text(const Reader& r, const pugi::xml_node& n, TextStyle t, const Style& s) {
  if (!n) return t;
  if (auto a = n.attribute("font")) {
    t.font = a.value();
    if (!s.fonts.count(t.font))
      r.fail(n, Reader::field(n, "font"), "no font role '" + t.font + "'",
             "define it in <fonts> as <role name=\"" + t.font + "\">");
  }
  if (auto a = n.attribute("latin")) {
    t.latin = a.value();
    if (!t.latin.empty() && !s.fonts.count(t.latin))
      r.fail(n, Reader::field(n, "latin"), "no font role '" + t.latin + "'",
             "define it in <fonts> as <role name=\"" + t.latin + "\">, or write latin=\"\" for none");
  }
  t.size = r.length(n, "size", t.size, 4, 400);
  t.leading = r.scalar(n, "leading", t.leading, 0, 2, "%");
  t.align = r.align(n, "align", t.align);
  t.indent = r.scalar(n, "indent", t.indent, 0, 10, "em");
  t.gray = r.scalar(n, "gray", t.gray, 0, 1);
  t.tracking = r.scalar(n, "tracking", t.tracking, -0.2f, 2, "em");
  return t;
}

#define TEXT_ATTRS "font", "latin", "size", "leading", "align", "indent", "gray", "tracking"

void read_fonts(const Reader& r, const pugi::xml_node& fonts, Style& s) {
  r.check_attributes(fonts, {});
  fs::path dir = fs::path(r.file()).parent_path();
  for (auto role : fonts.children()) {
    if (role.type() != pugi::node_element) continue;
    if (std::strcmp(role.name(), "role") != 0)
      r.fail(role, "fonts", "unexpected <" + std::string(role.name()) + ">", "<fonts> holds <role> elements");
    r.check_attributes(role, {"name"});
    std::string name = role.attribute("name").value();
    if (name.empty()) r.fail(role, "role/@name", "missing", "name the role, e.g. <role name=\"body\">");
    if (s.fonts.count(name)) r.fail(role, "role/@name", "role '" + name + "' is defined twice");
    std::vector<FontRef> chain;
    for (auto face : role.children()) {
      if (face.type() != pugi::node_element) continue;
      if (std::strcmp(face.name(), "face") != 0)
        r.fail(face, "role", "unexpected <" + std::string(face.name()) + ">", "<role> holds <face> elements");
      r.check_attributes(face, {"family", "style", "file", "index"});
      FontRef f;
      f.family = face.attribute("family").value();
      f.style = face.attribute("style").as_string("Regular");
      f.file = face.attribute("file").value();
      f.index = r.integer(face, "index", 0, 0, 65535);  // as the font manifest allows
      f.where = r.where(face);
      if (f.family.empty() == f.file.empty())
        r.fail(face, "face", "give either family (+ style) or file",
               "e.g. <face family=\"Noto Serif CJK SC\" style=\"Regular\"/> or <face file=\"fonts/MyFont.otf\"/>");
      if (!f.file.empty() && fs::path(f.file).is_relative()) f.file = (dir / f.file).lexically_normal().string();
      chain.push_back(std::move(f));
    }
    if (chain.empty()) r.fail(role, "role", "role '" + name + "' has no <face>");
    s.fonts[name] = std::move(chain);
  }
  for (const char* required : {"body", "heading", "box", "latin"})
    if (!s.fonts.count(required))
      r.fail(fonts, "fonts", std::string("the role '") + required + "' is missing",
             "a style defines at least the roles body, heading, box and latin");
}

Running read_running(const Reader& r, const pugi::xml_node& n, const Style& s) {
  Running run;
  if (!n) return run;
  r.check_attributes(n, {"left", "center", "right", "rule", "distance", TEXT_ATTRS});
  run.enabled = true;
  run.left = n.attribute("left").value();
  run.center = n.attribute("center").value();
  run.right = n.attribute("right").value();
  TextStyle base;
  base.font = "heading";
  base.size = 7.5f;
  base.leading = 0.2f;
  base.align = Align::start;
  run.text = read_text(r, n, base, s);
  run.rule = r.length(n, "rule", 0, 0, 10);
  run.distance = r.length(n, "distance", run.text.size, 0, 200);
  for (const std::string* t : {&run.left, &run.center, &run.right}) {
    for (size_t i = t->find('{'); i != std::string::npos; i = t->find('{', i + 1)) {
      size_t j = t->find('}', i);
      std::string key = t->substr(i + 1, j == std::string::npos ? std::string::npos : j - i - 1);
      if (j == std::string::npos ||
          (key != "paper" && key != "date" && key != "page" && key != "pages" && key != "title"))
        r.fail(n, std::string(n.name()), "unknown field {" + key + "}",
               "templates may use {paper}, {date}, {page}, {pages} and {title}");
    }
  }
  return run;
}

void read_style(const Reader& r, const pugi::xml_node& root, Style& s) {
  if (std::strcmp(root.name(), "style") != 0)
    r.fail(root, "style", "the root element is <" + std::string(root.name()) + ">, not <style>");
  r.check_attributes(root, {"name", "version"});
  if (auto v = root.attribute("version"); v && std::strcmp(v.value(), "1") != 0)
    r.fail(root, "style/@version", "version '" + std::string(v.value()) + "' is not supported",
           "this paiban reads version 1");
  if (auto nm = root.attribute("name")) s.name = nm.value();

  static const std::set<std::string> known = {"page", "margins", "columns", "fonts", "body", "headline",
                                              "subtitle", "byline", "subhead", "box", "paper", "header",
                                              "footer"};
  std::set<std::string> seen;
  for (auto c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    if (!known.count(c.name()))
      r.fail(c, "style", "unknown element <" + std::string(c.name()) + ">");
    if (!seen.insert(c.name()).second) r.fail(c, c.name(), "given twice");
  }
  if (!root.child("fonts")) r.fail(root, "fonts", "missing", "a style names its fonts in <fonts>");
  read_fonts(r, root.child("fonts"), s);

  if (auto n = root.child("page")) {
    r.check_attributes(n, {"width", "height", "bleed", "writing-mode"});
    s.page_width = r.length(n, "width", s.page_width, 72, 5000);
    s.page_height = r.length(n, "height", s.page_height, 72, 5000);
    s.bleed = r.length(n, "bleed", 0, 0, 20 * kPtPerMm);
    std::string_view mode = n.attribute("writing-mode").value();
    if (mode == "vertical-rl") s.writing_mode = WritingMode::vertical_rl;
    else if (!mode.empty() && mode != "horizontal-tb")
      r.fail(n, "page/@writing-mode", "'" + std::string(mode) + "' is not horizontal-tb or vertical-rl",
             "vertical-rl sets lines top to bottom, columns and pages right to left");
  }
  if (auto n = root.child("margins")) {
    r.check_attributes(n, {"top", "bottom", "left", "right"});
    s.margin_top = r.length(n, "top", s.margin_top, 0, s.page_height / 2);
    s.margin_bottom = r.length(n, "bottom", s.margin_bottom, 0, s.page_height / 2);
    s.margin_left = r.length(n, "left", s.margin_left, 0, s.page_width / 2);
    s.margin_right = r.length(n, "right", s.margin_right, 0, s.page_width / 2);
  }
  if (auto n = root.child("columns")) {
    r.check_attributes(n, {"count", "gap", "grid", "rule", "rule-gray"});
    s.columns = r.integer(n, "count", s.columns, 1, 12);
    s.column_gap = r.length(n, "gap", s.column_gap, 0, 200);
    s.grid = r.boolean(n, "grid", s.grid);
    s.column_rule = r.length(n, "rule", 0, 0, 5);
    s.rule_gray = r.scalar(n, "rule-gray", 0, 0, 1);
  }

  // Body text: DESIGN §4 — newspaper body is 8–10.5 pt with a line gap of 50–100 % of the size.
  s.body.font = "body";
  s.body.latin = "latin";
  s.body.size = 9;
  s.body.leading = 0.6f;
  s.body.indent = 2;  // clreq §first_line_indents: every paragraph indents 2 em
  if (auto n = root.child("body")) {
    r.check_attributes(n, {TEXT_ATTRS});
    s.body = read_text(r, n, s.body, s);
    if (s.body.size < 8 || s.body.size > 10.5f)
      r.fail(n, "body/@size", "body text must be 8–10.5 pt", "newspaper body text is 8–10.5 pt (DESIGN §4)");
    if (s.body.leading < 0.5f || s.body.leading > 1.0f)
      r.fail(n, "body/@leading", "the line gap must be 50–100 % of the size",
             "newspaper body leading is 50–100 % (DESIGN §4)");
  }

  TextStyle display;
  display.align = Align::center;
  display.leading = 0.25f;
  display.font = "heading";
  TextStyle t = display;
  t.size = 28;
  s.headline = t;
  t.size = 14;
  s.subtitle = t;
  t.size = s.body.size;
  t.font = "body";
  t.latin = "latin";
  s.byline = t;
  t.latin.clear();
  t.font = "heading";
  t.size = s.body.size * 1.2f;
  s.subhead = t;
  s.box = s.body;
  s.box.font = "box";

  if (auto n = root.child("headline")) {
    r.check_attributes(n, {TEXT_ATTRS, "rule", "space", "orientation"});
    s.headline = read_text(r, n, s.headline, s);
    s.headline_rule = r.length(n, "rule", 0, 0, 10);
    s.headline_space = r.length(n, "space", s.body.pitch(), 0, 500);
    read_orientation(r, n, s);
  } else {
    s.headline_space = s.body.pitch();
  }
  if (auto n = root.child("subtitle")) {
    r.check_attributes(n, {TEXT_ATTRS});
    s.subtitle = read_text(r, n, s.subtitle, s);
  }
  if (auto n = root.child("byline")) {
    r.check_attributes(n, {TEXT_ATTRS});
    s.byline = read_text(r, n, s.byline, s);
  }
  s.subhead_space = s.body.pitch();
  if (auto n = root.child("subhead")) {
    r.check_attributes(n, {TEXT_ATTRS, "rule", "space"});
    s.subhead = read_text(r, n, s.subhead, s);
    s.subhead_rule = r.length(n, "rule", 0, 0, 10);
    s.subhead_space = r.length(n, "space", s.subhead_space, 0, 200);
  }
  if (auto n = root.child("box")) {
    r.check_attributes(n, {TEXT_ATTRS, "frame", "padding", "writing-mode"});
    read_box_mode(r, n, s);
    s.box = read_text(r, n, s.box, s);
    s.box_frame = r.length(n, "frame", s.box_frame, 0, 10);
    s.box_padding = r.scalar(n, "padding", s.box_padding, 0, 5, "em");
  }
  if (auto n = root.child("paper")) {
    r.check_attributes(n, {"name", "date"});
    s.paper = n.attribute("name").value();
    s.date = n.attribute("date").value();
  }
  s.header = read_running(r, root.child("header"), s);
  s.footer = read_running(r, root.child("footer"), s);

  // The page must leave room for text: a column at least 4 body characters long along its lines
  // (vertical-rl: a band of the text area's height), the text area at least 10 lines deep.
  const bool vert = s.vertical();
  const char* why = vert ? " (writing-mode vertical-rl: columns are bands down the page)" : "";
  float text_w = s.page_width - s.margin_left - s.margin_right;
  float text_h = s.page_height - s.margin_top - s.margin_bottom;
  float along = vert ? text_h : text_w, depth = vert ? text_w : text_h;
  float col_w = (along - (s.columns - 1) * s.column_gap) / s.columns;
  if (col_w < 4 * s.body.size)
    r.fail(root.child("columns") ? root.child("columns") : root, "columns",
           std::string(vert ? "column bands are too short" : "columns are too narrow") + " for the body text (" +
               std::to_string(static_cast<int>(col_w)) + " pt)" + why,
           "use fewer columns, a smaller gap or smaller margins");
  // A box too must hold 4 of its characters inside frame and padding, in the column as laid out
  // (on the grid, whole body ems: compose.cpp); else every box line overflows, off the page.
  float measure = s.grid ? std::floor(col_w / s.body.size + 1e-4f) * s.body.size : col_w;
  float box_room = measure - 2 * (s.box_padding * s.box.size + s.box_frame);
  if (box_room < 4 * s.box.size)
    r.fail(root.child("box") ? root.child("box") : root, "box",
           "a box line holds fewer than 4 box characters (" + std::to_string(static_cast<int>(std::max(0.0f, box_room))) +
               " pt inside frame and padding)",
           "use a smaller box size or padding, or wider columns");
  if (depth < 10 * s.body.pitch())
    r.fail(root.child("margins") ? root.child("margins") : root, "margins",
           std::string(vert ? "the text area is narrower than 10 vertical body lines"
                            : "the text area is shorter than 10 body lines") + why,
           vert ? "use smaller margins or a wider page" : "use smaller margins or a taller page");
}

std::string resolve(const std::string& name_or_file) {
  bool is_file = name_or_file.find('/') != std::string::npos ||
                 (name_or_file.size() > 4 && name_or_file.compare(name_or_file.size() - 4, 4, ".xml") == 0);
  if (is_file) return name_or_file;
  for (char c : name_or_file)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
      throw input_error("style '" + name_or_file + "': not a style name",
                        "give a style name (broadsheet, tabloid, report) or a path to a style .xml file");
  return data_path("styles/" + name_or_file + ".xml");
}

std::string available_styles() {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(data_path("styles"), ec))
    if (e.path().extension() == ".xml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  std::string out;
  for (auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out + " (NAME-tc, NAME-sc: NAME with Traditional or Simplified Chinese fonts only)";
}

}  // namespace

namespace {

constexpr std::string_view kTraditional = "-tc", kSimplified = "-sc";

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// NAME-tc or NAME-sc where styles/NAME-tc.xml (-sc.xml) does not exist: NAME with pinned faces.
bool pinned_variant(const std::string& name_or_file, std::string_view tail, std::string& base) {
  if (!ends_with(name_or_file, tail)) return false;
  const std::string path = resolve(name_or_file);
  if (path == name_or_file || std::ifstream(path)) return false;  // a style file, or a NAME-tc.xml of its own
  base = name_or_file.substr(0, name_or_file.size() - tail.size());
  return true;
}

// Noto CJK's regional subfamilies: "… CJK SC" has GB 18030 glyph forms, "… CJK TC" Taiwan's
// standard forms (one TTC holds both). Faces named by file are the style's own and never swapped.
bool is_face_of(const FontRef& f, std::string_view region) {
  return f.file.empty() && ends_with(f.family, std::string(" CJK ") + std::string(region));
}

Style with_region(Style s, std::string_view from, std::string_view to) {
  for (auto& [role, chain] : s.fonts)
    for (FontRef& f : chain)
      if (is_face_of(f, from)) f.family.replace(f.family.size() - from.size(), from.size(), to);
  return s;
}

}  // namespace

Style traditional_variant(Style s) {
  s = with_region(std::move(s), "SC", "TC");
  s.name += kTraditional;
  return s;
}

bool has_traditional_variant(const Style& s) {
  for (const auto& [role, chain] : s.fonts)
    if (std::any_of(chain.begin(), chain.end(), [](const FontRef& f) { return is_face_of(f, "SC"); })) return true;
  return false;
}

Style load_style(const std::string& name_or_file) {
  std::string base;
  if (pinned_variant(name_or_file, kTraditional, base) || pinned_variant(name_or_file, kSimplified, base)) {
    const bool tc = ends_with(name_or_file, kTraditional);
    Style s = with_region(load_style(base), tc ? "SC" : "TC", tc ? "TC" : "SC");
    s.name = name_or_file;
    s.faces = Faces::pinned;
    return s;
  }
  std::string path = resolve(name_or_file);
  if (!std::ifstream(path, std::ios::binary)) {
    bool by_name = path != name_or_file;
    throw input_error(Where{path, 0, 0, -1, {}}, std::string("cannot read style: ") + std::strerror(errno),
                      by_name ? "available styles: " + available_styles() + " (or give a style file)"
                              : "check the path of the style file");
  }
  Limits limits;
  limits.max_input_bytes = 1 << 20;  // a style is a page of XML; a device or a huge file is no style
  const std::string text = read_file_limited(path, limits);
  // Valid UTF-8, no control characters, no DTD, no entities but XML's five (as for article XML).
  XmlInput in(text, path, limits, {"style XML", XmlPolicy::Doctype::refuse});
  Style s;
  s.file = path;
  s.name = fs::path(path).stem().string();
  read_style(Reader(in), in.root(), s);
  return s;
}

}  // namespace paiban
