// assemble: classified units → the Document tree (DESIGN.md §2): headline, subtitle, byline,
// sections opened by headings, paragraphs, boxes; every block with its source line range.
#include <algorithm>

#include "core/date.h"
#include "reflow/stages.h"

namespace paiban::reflow_stages {

namespace {

// The lines' smallest and largest source line: on an OCR page reading order need not follow
// the file's order, and src="FIRST-LAST" must never run backwards.
LineRange range(const Layout& L, size_t begin, size_t end) {
  LineRange r{L.lines[begin].src, L.lines[begin].src};
  for (size_t i = begin + 1; i < end; ++i) {
    r.first = std::min(r.first, L.lines[i].src);
    r.last = std::max(r.last, L.lines[i].src);
  }
  return r;
}

void extend(LineRange& r, const LineRange& c) {
  if (!c.known()) return;
  if (!r.known()) {
    r = c;
    return;
  }
  r.first = std::min(r.first, c.first);
  r.last = std::max(r.last, c.last);
}

Block leaf(const Layout& L, const Unit& u, ReflowReport& report) {
  Block b;
  b.kind = u.kind;
  b.src = range(L, u.begin, u.end);
  if (u.kind == Kind::heading) {
    for (size_t i = u.begin; i < u.end; ++i) b.lines.push_back(join_lines(L.lines, i, i + 1, report, !L.exact));
  } else {
    b.text = join_lines(L.lines, u.begin, u.end, report, !L.exact);
    if (u.kind == Kind::byline) b.text = close_credit(strip_byline_marker(std::move(b.text), report, !L.exact), report);
  }
  return b;
}

}  // namespace

Document assemble(const Layout& L, const std::vector<Unit>& units, const std::string& source,
                  ReflowReport& report) {
  Document doc;
  doc.source = source;
  // Indices, not pointers: the vectors grow while we fill them.
  constexpr size_t none = static_cast<size_t>(-1);
  size_t section = none;  // doc.blocks index of the open section (a heading opened it)
  size_t box = none;      // index of the open box in its parent's children
  bool box_in_section = false;
  size_t box_column = 0;
  auto box_block = [&]() -> Block& {
    return box_in_section ? doc.blocks[section].children[box] : doc.blocks[box];
  };
  bool body = false;  // a body block (section, paragraph, box) has been placed
  for (size_t k = 0; k < units.size(); ++k) {
    Unit u = units[k];
    if (u.dateline) {  // metadata, not a block (classify.cpp)
      if (auto d = parse_dateline(L.lines[u.begin].text); d && doc.date.empty()) doc.date = iso_date(*d);
      continue;
    }
    // Keep the tree inside schema/article.rng whatever classify said: a box holds a heading
    // only first and before a paragraph of its own; headline/subtitle/byline only open the
    // article. Anything else is set as a paragraph (same text, nothing lost).
    bool same_box = box != none && box_column == u.column;
    if (u.boxed && u.kind == Kind::heading) {
      bool p_follows = k + 1 < units.size() && units[k + 1].boxed && units[k + 1].column == u.column &&
                       units[k + 1].kind != Kind::heading;
      if (!p_follows) u.kind = Kind::paragraph;
      else if (same_box) box = none;  // a heading inside a box opens the next box
    } else if (u.kind != Kind::heading && u.kind != Kind::paragraph && u.kind != Kind::caption &&
               (u.boxed || body || (u.kind == Kind::headline && !doc.blocks.empty()))) {
      u.kind = Kind::paragraph;
    }
    Block b = leaf(L, u, report);
    if (u.boxed) {
      body = true;
      if (box == none || box_column != u.column) {
        // A box inside a section when the section's text goes on after it; else at article level.
        bool text_follows = false;
        for (size_t n = k + 1; n < units.size() && !text_follows; ++n)
          text_follows = !units[n].boxed && units[n].kind == Kind::paragraph;
        Block nb;
        nb.kind = Kind::box;
        box_in_section = section != none && text_follows;
        std::vector<Block>& into = box_in_section ? doc.blocks[section].children : doc.blocks;
        into.push_back(std::move(nb));
        box = into.size() - 1;
        box_column = u.column;
        if (!box_in_section) section = none;
      }
      extend(box_block().src, b.src);
      if (box_in_section) extend(doc.blocks[section].src, b.src);
      box_block().children.push_back(std::move(b));
      continue;
    }
    box = none;
    if (u.kind == Kind::heading || u.kind == Kind::paragraph) body = true;
    if (u.kind == Kind::heading) {
      Block s;
      s.kind = Kind::section;
      s.src = b.src;
      s.children.push_back(std::move(b));
      doc.blocks.push_back(std::move(s));
      section = doc.blocks.size() - 1;
    } else if ((u.kind == Kind::paragraph || u.kind == Kind::caption) && section != none) {  // a page's caption
      extend(doc.blocks[section].src, b.src);
      doc.blocks[section].children.push_back(std::move(b));
    } else {
      doc.blocks.push_back(std::move(b));
    }
  }
  return doc;
}

}  // namespace paiban::reflow_stages
