#include "cli/summary.h"

#include <cstdio>
#include <map>

namespace paiban::cli {

namespace {

const char* plural(Kind k) {
  switch (k) {
    case Kind::headline: return "headline";
    case Kind::subtitle: return "subtitle";
    case Kind::byline: return "byline";
    case Kind::section: return "sections";
    case Kind::heading: return "headings";
    case Kind::paragraph: return "paragraphs";
    case Kind::box: return "boxes";
    case Kind::caption: return "captions";
    case Kind::figure: return "figures";
    case Kind::credit: return "credits";
  }
  return "?";
}

void tally(const Block& b, std::map<std::string, int>& n) {
  ++n[plural(b.kind)];
  for (const auto& c : b.children) tally(c, n);
}

// "headline 1, paragraphs 27, …" in the order an article reads.
std::string counts(const std::vector<Block>& blocks) {
  std::map<std::string, int> n;
  for (const auto& b : blocks) tally(b, n);
  std::string s;
  for (Kind k : {Kind::headline, Kind::subtitle, Kind::byline, Kind::section, Kind::heading, Kind::paragraph,
                 Kind::caption, Kind::figure, Kind::box}) {
    if (!n.count(plural(k))) continue;
    s += (s.empty() ? "" : ", ") + std::string(plural(k)) + " " + std::to_string(n[plural(k)]);
  }
  return s;
}

// "page 1: 3 articles, running-head 1, folio 1", then one line per article.
std::string page_lines(const std::string& name, const Document& doc) {
  std::string s;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    std::string where = "paiban: " + name + ": page " + std::to_string(page.number > 0 ? page.number : int(p + 1));
    std::map<std::string, int> roles;
    for (const auto& f : page.furniture) ++roles[role_name(f.role)];
    s += where + ": " + std::to_string(page.articles.size()) + (page.articles.size() == 1 ? " article" : " articles");
    for (const auto& [role, count] : roles) s += ", " + role + " " + std::to_string(count);
    s += "\n";
    for (size_t a = 0; a < page.articles.size(); ++a)
      s += where + ": article " + std::to_string(a + 1) + ": " + counts(page.articles[a].blocks) + "\n";
  }
  return s;
}

}  // namespace

std::string summary(const std::string& name, const Document& doc, const ReflowReport& report) {
  std::string s = doc.is_pages() ? page_lines(name, doc) : "paiban: " + name + ": " + counts(doc.blocks) + "\n";
  if (!report.repairs.empty()) {
    s += "paiban: " + name + ": repairs:";
    const char* sep = " ";
    for (const auto& [kind, count] : report.repairs) {
      s += sep + kind + " " + std::to_string(count);
      sep = ", ";
    }
    s += "\n";
  }
  for (const auto& w : report.warnings) s += "paiban: " + name + ": warning: " + w + "\n";
  for (const auto& n : report.notes) s += "paiban: " + name + ": note: " + n + "\n";
  return s;
}

}  // namespace paiban::cli

namespace paiban::cli {

namespace {

// ", repaired 3 × han-space, 1 × angle-paren" (nothing when none were made)
std::string repairs_text(const std::map<std::string, int>& repairs) {
  std::string out;
  for (const auto& [kind, n] : repairs) out += (out.empty() ? ", repaired " : ", ") + std::to_string(n) + " × " + kind;
  return out;
}

}  // namespace

std::string scan_summary(const std::string& name, const ScanLoad& load) {
  std::string out;
  for (const ScanPageStat& p : load.pages) {
    char conf[32] = "";
    if (p.conf >= 0) std::snprintf(conf, sizeof conf, ", mean confidence %.1f", p.conf);
    out += "paiban: " + name + ": page " + std::to_string(p.number) + ": " + p.via + ", " + std::to_string(p.words) + " words" +
           conf + ", " + std::to_string(p.articles) + (p.articles == 1 ? " article" : " articles") +
           repairs_text(p.repairs) + "\n";
  }
  return out;
}

}  // namespace paiban::cli
