#include "cli/summary.h"

#include <map>

namespace paiban::cli {

namespace {

void tally(const Block& b, std::map<std::string, int>& n) {
  static const char* const plural[] = {"headline", "subtitle", "byline", "sections", "headings",
                                       "paragraphs", "boxes"};
  ++n[plural[static_cast<int>(b.kind)]];
  for (const auto& c : b.children) tally(c, n);
}

}  // namespace

std::string summary(const std::string& name, const Document& doc, const ReflowReport& report) {
  std::map<std::string, int> n;
  for (const auto& b : doc.blocks) tally(b, n);
  std::string s = "paiban: " + name + ":";
  const char* order[] = {"headline", "subtitle", "byline", "sections", "headings", "paragraphs", "boxes"};
  const char* sep = " ";
  for (const char* k : order) {
    if (!n.count(k)) continue;
    s += sep + std::string(k) + " " + std::to_string(n[k]);
    sep = ", ";
  }
  s += "\n";
  if (!report.repairs.empty()) {
    s += "paiban: " + name + ": repairs:";
    sep = " ";
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
