// Test helper: parse the layout debug dump (layout/debug_dump.cpp) and check the rules every
// layout obeys — clreq prohibitions, ——/…… unsplit, no widow or orphan line, headings kept with
// what follows, text in reading order.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "core/clreq.h"
#include "core/unicode.h"
#include "font/fonts.h"
#include "style/style.h"
#include "layout/layout.h"

namespace paiban::testutil {

struct DumpLine {
  int page = 0, column = 0;
  float x = 0, y = 0, w = 0, h = 0, ratio = 0;
  int glyphs = 0, line = 0, lines = 0;
  std::string kind, text;
};

inline std::vector<DumpLine> parse_dump(const std::string& dump) {
  std::vector<DumpLine> out;
  std::istringstream in(dump);
  std::string s;
  while (std::getline(in, s)) {
    DumpLine d;
    char ratio[16] = {0}, kind[32] = {0};
    int used = 0;
    int n = std::sscanf(s.c_str(), "p=%d c=%d x=%f y=%f w=%f h=%f r=%15s g=%d n=%d/%d %31s %n", &d.page, &d.column,
                        &d.x, &d.y, &d.w, &d.h, ratio, &d.glyphs, &d.line, &d.lines, kind, &used);
    EXPECT_EQ(n, 11) << "bad dump line: " << s;
    if (n != 11) continue;
    d.ratio = std::strtof(ratio, nullptr);
    d.kind = kind;
    d.text = s.substr(static_cast<size_t>(used));
    out.push_back(d);
  }
  return out;
}

// A document laid out in `style` with the debug dump on: its pages and the dump's lines.
struct Laid {
  LaidOutDocument doc;
  std::vector<DumpLine> lines;
};

inline Laid lay(const Document& doc, const Style& style, FontLibrary& fonts) {
  prepare_fonts(style, fonts);
  TypesetOptions opts;
  opts.debug = true;
  TypesetReport report;
  Laid l;
  l.doc = layout_document(doc, style, fonts, opts, &report);
  l.lines = parse_dump(report.debug_dump);
  return l;
}

inline std::string without_spaces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t cp = next_code_point(s, i);
    if (!is_space(cp) && cp >= 0x20) out.append(s, at, i - at);  // also line and page breaks
  }
  return out;
}

// The text an article's blocks (and the blocks inside them) should give the flow (flow_text).
inline std::string blocks_text(const std::vector<Block>& blocks) {
  std::string want;
  for (const Block& b : blocks) {
    want += b.text;
    for (const std::string& l : b.lines) want += l;
    want += blocks_text(b.children);
  }
  return want;
}

// Lines of the flow (not the running header/footer).
inline bool is_flow(const DumpLine& d) { return d.kind != "header" && d.kind != "footer"; }
inline bool is_body(const DumpLine& d) { return d.kind == "p" || d.kind == "box"; }

// The text of the flow's lines, in order.
inline std::string flow_text(const std::vector<DumpLine>& lines) {
  std::string all;
  for (const DumpLine& d : lines)
    if (is_flow(d)) all += d.text;
  return all;
}

inline void check_dump_rules(const std::vector<DumpLine>& lines, const std::string& where) {
  SCOPED_TRACE(where);
  const DumpLine* prev = nullptr;
  for (size_t i = 0; i < lines.size(); ++i) {
    const DumpLine& d = lines[i];
    if (!is_flow(d)) continue;
    auto cps = to_u32(d.text);
    ASSERT_FALSE(cps.empty()) << "empty line " << i;
    bool continues = prev && prev->kind == d.kind && d.line == prev->line + 1 && d.lines == prev->lines;
    if (d.line > 1) {
      EXPECT_FALSE(clreq::not_at_line_start(cps.front())) << "line starts with a prohibited mark: " << d.text;
    }
    if (d.line < d.lines) {
      EXPECT_FALSE(clreq::not_at_line_end(cps.back())) << "line ends with an opening mark: " << d.text;
    }
    if (continues) {
      auto pc = to_u32(prev->text);
      EXPECT_FALSE(clreq::inseparable(pc.back(), cps.front())) << "——/…… split: " << prev->text << " | " << d.text;
      bool moved = d.page != prev->page || d.column != prev->column;
      if (moved && is_body(d)) {
        // clreq §adjustments_of_orphans_and_widows: two lines at least on each side.
        EXPECT_GE(prev->line, 2) << "orphan: a paragraph's first line alone at a column's end: " << prev->text;
        EXPECT_GE(d.lines - prev->line, 2) << "widow: a paragraph's last line alone at a column's top: " << d.text;
      }
    }
    // A heading is kept with the first two lines of what follows (one if that is all there is).
    if (d.kind == "subhead" && d.line == d.lines) {
      size_t k = i + 1;
      while (k < lines.size() && lines[k].kind == "subhead") ++k;
      for (int m = 0; m < 2 && k + m < lines.size(); ++m) {
        const DumpLine& next = lines[k + m];
        if (!is_body(next) || (m == 1 && next.line == 1)) break;
        EXPECT_TRUE(next.page == d.page && next.column == d.column)
            << "heading '" << d.text << "' separated from the text after it: " << next.text;
      }
    }
    prev = &d;
  }
}

}  // namespace paiban::testutil
