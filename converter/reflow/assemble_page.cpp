// assemble_page: a page's articles as Documents (built by assemble.cpp, as column text is) and
// its running heads and folios as furniture; every block gets the source ids of its lines in
// reading order and the union of their boxes, so a viewer can highlight the scan.
#include <algorithm>
#include <unordered_set>

#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

struct Provenance {
  std::string ids;
  BBox box;
};

// Appends the space-separated ids of `more` not yet in `ids`: a source line cut at a gutter into
// pieces of one block is named once.
void add_ids(std::string& ids, std::unordered_set<std::string>& seen, const std::string& more) {
  size_t at = 0;
  while (at < more.size()) {
    size_t end = more.find(' ', at);
    if (end == std::string::npos) end = more.size();
    std::string id = more.substr(at, end - at);
    if (!id.empty() && seen.insert(id).second) ids += (ids.empty() ? "" : " ") + id;
    at = end + 1;
  }
}

Provenance provenance(const PageLayout& L, const PageArticle& a, const PageUnit& u) {
  Provenance p;
  std::unordered_set<std::string> seen;
  for (size_t k = u.begin; k < u.end; ++k) {
    const PageLine& l = L.lines[a.order[k]];
    add_ids(p.ids, seen, l.id);
    p.box = unite(p.box, l.box);
  }
  return p;
}

// Leaves come out of assemble() in unit order (datelines excepted): hand each its provenance,
// and each section or box the union of its children's.
void stamp(Block& b, const std::vector<Provenance>& prov, size_t& next) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    std::unordered_set<std::string> seen;
    for (auto& c : b.children) {
      stamp(c, prov, next);
      add_ids(b.ids, seen, c.ids);
      b.bbox = unite(b.bbox, c.bbox);
    }
    return;
  }
  if (next >= prov.size()) return;
  b.ids = prov[next].ids;
  b.bbox = prov[next].box;
  ++next;
}

Document article(const PageLayout& L, const PageArticle& a, const std::vector<PageUnit>& units,
                 const std::string& source, ReflowReport& report) {
  Layout layout;
  layout.exact = L.exact;
  layout.lines.reserve(a.order.size());
  for (size_t i : a.order) layout.lines.push_back(L.lines[i].line);
  std::vector<Unit> us;
  std::vector<Provenance> prov;
  for (const auto& u : units) {
    Unit x;
    x.kind = u.kind;
    x.begin = u.begin;
    x.end = u.end;
    x.boxed = u.boxed;
    x.column = u.boxed ? a.column_of[u.begin] : 0;  // one box per frame (find_boxes gives each its column)
    us.push_back(x);
    prov.push_back(provenance(L, a, u));
  }
  Document d = assemble(layout, us, source, report);
  // An engine's reading of a page row, unlike column text, carries its specks and rules.
  if (!L.exact && !d.blocks.empty() && d.blocks.front().kind == Kind::headline)
    d.blocks.front().text = seat_headline_marks(std::move(d.blocks.front().text), report);
  size_t next = 0;
  for (auto& b : d.blocks) stamp(b, prov, next);
  d.bbox = a.box;
  return d;
}

// Folios: a page number, alone or as "第N版" / "- N -" / "N / M".
bool folio_text(const std::u32string& t) {
  int digits = 0, other = 0;
  for (char32_t c : t) {
    if (c >= U'0' && c <= U'9') ++digits;
    else if (c != U' ' && c != U'-' && c != U'/' && c != U'第' && c != U'版' && c != U'页' && c != U'—')
      ++other;
  }
  return digits > 0 && other == 0;
}

}  // namespace

Page assemble_page(const PageLayout& L, const ocr::Page& page, const std::vector<std::vector<PageUnit>>& units,
                   const std::string& source, ReflowReport& report) {
  Page p;
  p.number = page.number;
  p.width = page.width;
  p.height = page.height;
  p.dpi = page.dpi;
  for (size_t k = 0; k < L.articles.size(); ++k) {
    if (L.articles[k].order.empty()) continue;
    p.articles.push_back(article(L, L.articles[k], units[k], source, report));
  }
  int mid = L.height > 0 ? L.height / 2 : 0;
  if (mid == 0)
    for (const auto& l : L.lines) mid = std::max(mid, l.box.y1 / 2);
  for (size_t i = 0; i < L.lines.size(); ++i) {
    const PageLine& l = L.lines[i];
    if (!l.furniture) continue;
    Furniture f;
    f.role = folio_text(l.line.text) ? Furniture::Role::folio
             : l.box.y0 < mid       ? Furniture::Role::running_head
                                    : Furniture::Role::other;
    std::vector<Line> one{l.line};
    f.text = join_lines(one, 0, 1, report, !L.exact);
    f.src = LineRange{l.line.src, l.line.src};
    if (!f.src.known()) f.src = {};
    f.ids = l.id;
    f.bbox = l.box;
    p.furniture.push_back(std::move(f));
  }
  return p;
}

}  // namespace paiban::reflow_stages
