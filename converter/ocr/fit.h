// What the three OCR layout readers share: numbers read leniently from attributes, boxes kept on
// their page, warnings bounded, a source's own words for a region or line mapped to a Hint.
// Readers transcribe; these helpers only keep what they transcribe sane (DESIGN.md §7).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/xml_input.h"
#include "ocr/page.h"

namespace paiban::ocr {

// A finite number written in decimal ("12", "-3.5", "1e2"), nullopt for anything else or for
// magnitudes beyond any scan (|v| > 1e7 page units).
std::optional<double> parse_number(std::string_view s);
// All numbers in s, separated by spaces, commas or tabs ("10,20 30,40"); stops at the first
// token that is not one and returns what it has. At most `max` numbers.
std::vector<double> parse_numbers(std::string_view s, size_t max = 1u << 20);

// Adds a warning to the page, at most kMaxWarnings of them: then one line says more were left
// out, so a million bad boxes cost a bounded list.
constexpr size_t kMaxWarnings = 50;
void warn(Page& page, std::string note);

// Keeps a box the source gave (at element n) on the page. A box with no area (x1 <= x0 or y1 <= y0) or wholly off the page
// becomes unknown; one reaching off the page is clamped to it. Each change is warned about,
// naming the element. A page of unknown size (0) leaves boxes as they are.
void fit_box(BBox& box, Page& page, const XmlInput& in, pugi::xml_node n);

// The source's id of an element (attribute `name`): ids are short names, so one longer than
// kMaxId bytes is left out with a warning rather than carried into output and messages.
constexpr size_t kMaxId = 4096;
// Rules (separators) kept per page: a frame has four, a page some dozens.
constexpr size_t kMaxRules = 10000;
std::string source_id(Page& page, const XmlInput& in, pugi::xml_node n, const char* name);

// A word's text, refused (input Error) beyond limits.max_line_bytes like any source line.
void check_text(std::string_view text, const XmlInput& in, pugi::xml_node n, const Limits& limits);

// The end of a page: its size from its boxes when the source gave none, lines without text and
// regions without lines left out, a warning when no text line is left. `n` is the page element.
void finish_page(Page& page, const XmlInput& in, pugi::xml_node n);

// When the source gives no page size: the union of the boxes it holds, with a warning.
void size_from_boxes(Page& page, const XmlInput& in, pugi::xml_node n);

// A source's name for what a region or line is (PAGE TextRegion@type, ALTO tag labels, hOCR
// classes) → the Hint it is evidence for; Hint::other for a name we do not map.
Hint hint_from_name(std::string_view name);

// The element's name without a namespace prefix ("alto:String" → "String").
std::string_view local_name(pugi::xml_node n);
// The first child element with this local name; an empty node when none.
pugi::xml_node child(pugi::xml_node n, std::string_view name);
inline std::string_view attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }

// The document element when its local name is `name`; otherwise an input Error naming what it
// is instead, with `hint` saying what the format's files start with.
pugi::xml_node root_named(const XmlInput& in, std::string_view name, const char* hint);

}  // namespace paiban::ocr
