// read (xml): a page plan — <plan jumps?> of <page>s of <article ref= | inline, rank, columns, rows,
// short> (schema/plan.rng) — with every error naming file:line:column and the element.
#include <cstring>

#include "core/error.h"
#include "xml/plan.h"
#include "xml/reader.h"

namespace paiban::xml_read {

void Reader::range(pugi::xml_node n, pugi::xml_attribute a, int& first, int& last, int& width) {
  std::string v = a.value();
  size_t dash = v.find('-');
  auto num = [&](const std::string& s) {
    if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string::npos || s[0] == '0')
      fail(n, std::string(a.name()) + "=\"" + q(v) + "\" is not a number or range",
           std::string("write ") + a.name() + "=\"3\" (a width) or " + a.name() + "=\"1-3\" (first-last, 1-based)");
    return std::stoi(s);
  };
  if (dash == std::string::npos) {
    width = num(v);
    return;
  }
  first = num(v.substr(0, dash));
  last = num(v.substr(dash + 1));
  if (last < first) fail(n, std::string(a.name()) + "=\"" + q(v) + "\" ends before it starts", "write FIRST-LAST with FIRST ≤ LAST");
}

PlanArticle Reader::plan_article(pugi::xml_node n) {
  PlanArticle a;
  a.line = in_.line(n);
  int row_width = 0;
  bool inline_attrs = false;
  attributes(n, {"ref", "rank", "columns", "rows", "short", "lang", "source", "date"},
             [&](const std::string& name, pugi::xml_attribute at) {
               if (name == "ref") {
                 a.ref = attribute_value(n, at, 1024);
                 if (a.ref.empty()) fail(n, "ref=\"\" names no file", "write ref=\"article.xml\", or the article inline");
               } else if (name == "rank") {
                 std::string r = at.value();
                 a.rank = r == "lead" ? 0 : r == "second" ? 1 : r == "brief" ? 2 : -2;
                 if (a.rank == -2) fail(n, "rank=\"" + q(r) + "\" is not a rank", "write rank=\"lead\", \"second\" or \"brief\"");
               } else if (name == "columns") {
                 range(n, at, a.col0, a.col1, a.width);
               } else if (name == "rows") {
                 range(n, at, a.row0, a.row1, row_width);
                 if (row_width) fail(n, "rows=\"" + q(at.value()) + "\" is not a range", "write rows=\"FIRST-LAST\" (body lines, 1-based)");
               } else if (name == "short") {
                 a.short_head = attribute_value(n, at, 256);
               } else {
                 document_attribute(n, at, a.doc);  // an inline article's lang, source, date
                 inline_attrs = true;
               }
             });
  if ((a.row0 > 0) != (a.col0 > 0))
    fail(n, "a module needs both columns=\"FIRST-LAST\" and rows=\"FIRST-LAST\"", "give both ranges, or neither");
  bool has_children = false;
  for (pugi::xml_node c : n.children()) has_children = has_children || is_element(c);
  if (a.ref.empty()) {
    if (!has_children) fail(n, "has neither ref nor content", "write ref=\"article.xml\", or the article's blocks inside");
    article_children(n, a.doc);  // the inline article's blocks, as in <article>
  } else if (has_children || inline_attrs) {
    fail(n, "has both ref and content of its own", "give the article by ref=\"…\" or inline, not both");
  }
  return a;
}

Plan Reader::plan() {
  pugi::xml_node root = in_.root();
  if (std::strcmp(root.name(), "plan") != 0)
    fail(root, "root element is <" + q(root.name()) + ">, expected <plan>", "a page plan is <plan> of <page>s (schema/plan.rng)");
  Plan p;
  attributes(root, {"jumps"}, [&](const std::string&, pugi::xml_attribute a) {
    std::string v = a.value();
    if (v != "on" && v != "off") fail(root, "jumps=\"" + q(v) + "\" is neither on nor off", "write jumps=\"on\" or jumps=\"off\"");
    p.jumps = v == "on";
  });
  for (pugi::xml_node pg : root.children()) {
    if (!is_element(pg)) continue;
    if (std::strcmp(pg.name(), "page") != 0) misplaced(pg, "plan", "page+");
    if (p.pages.size() >= static_cast<size_t>(kMaxPlanPages))
      fail(pg, "more than " + std::to_string(kMaxPlanPages) + " pages in one plan",
           "split the edition into plans of at most " + std::to_string(kMaxPlanPages) + " pages");
    PlanPage page;
    page.line = in_.line(pg);
    attributes(pg, {"ref"}, [&](const std::string&, pugi::xml_attribute a) {
      page.ref = attribute_value(pg, a, 1024);
      if (page.ref.empty()) fail(pg, "ref=\"\" names no file", "write ref=\"page.xml\", or list the page's articles");
    });
    for (pugi::xml_node c : pg.children()) {
      if (!is_element(c)) continue;
      if (std::strcmp(c.name(), "article") != 0) misplaced(c, "page", "article+");
      if (page.articles.size() >= static_cast<size_t>(kMaxPlanArticles))
        fail(c, "more than " + std::to_string(kMaxPlanArticles) + " articles on one page",
             "move some to another page: a newspaper page holds at most " + std::to_string(kMaxPlanArticles));
      page.articles.push_back(plan_article(c));
    }
    if (!page.ref.empty() && !page.articles.empty())
      fail(pg, "has both ref and articles of its own", "give the scanned page by ref=\"…\" or its articles, not both");
    if (page.ref.empty() && page.articles.empty()) fail(pg, "holds no <article>", "give each page at least one article, or ref=\"page.xml\"");
    p.pages.push_back(std::move(page));
  }
  if (p.pages.empty()) fail(root, "holds no <page>", "a plan lists at least one page");
  return p;
}

}  // namespace paiban::xml_read

namespace paiban {

bool looks_like_plan(std::string_view b) {
  for (size_t at = b.find('<'); at != std::string_view::npos; at = b.find('<', at + 1)) {
    if (at + 1 < b.size() && (b[at + 1] == '?' || b[at + 1] == '!')) continue;  // declaration, comment
    return b.substr(at + 1, 4) == "plan" && at + 5 < b.size() && std::strchr(" \t\r\n>/", b[at + 5]);
  }
  return false;
}

Plan read_plan(std::string_view bytes, const std::string& name, const Limits& limits) {
  XmlInput in(bytes, name, limits, {"page plan XML", XmlPolicy::Doctype::refuse});
  return xml_read::Reader(in, limits).plan();
}

}  // namespace paiban
