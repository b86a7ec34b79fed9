// load_scan: a scan (page images, a scanned or e-paper PDF) → Document: the scan engine reads
// every page into the OCR page model (scan/scan.h), then reflow_ocr finds each page's articles,
// as it does for the same page read from Tesseract's hOCR.
#include <algorithm>

#include "core/error.h"
#include "pipeline/convert.h"
#include "ocr/scan/scan.h"

namespace paiban {

namespace {

std::string base_name(const std::string& name) {
  auto slash = name.find_last_of('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  return base == "-" ? std::string() : base;
}

size_t word_count(const ocr::Page& p) {
  size_t n = 0;
  for (const auto& r : p.regions)
    for (const auto& l : r.lines) n += l.words.size();
  return n;
}

}  // namespace

Document load_scan(std::string_view bytes, const std::string& name, scan::Session& session,
                       ReflowReport* report, ScanLoad* load) {
  std::vector<scan::PageResult> results;
  session.engine().read(bytes, name, [&](scan::PageResult&& r) { results.push_back(std::move(r)); });
  // The first page that failed, with its own words, and the numbers of any others (one line).
  const scan::PageResult* first = nullptr;
  std::vector<int> others;
  for (const auto& r : results) {
    if (r.error.empty()) continue;
    if (!first) first = &r;
    else others.push_back(r.number);
  }
  if (first) {
    std::string more;
    for (size_t i = 0; i < others.size() && i < 10; ++i) more += (i ? ", " : "") + std::to_string(others[i]);
    if (others.size() > 10) more += ", …";
    throw input_error(first->error + (others.empty() ? "" : " (pages " + more + " failed too)"), first->hint);
  }

  std::vector<ocr::Page> pages;
  std::vector<std::string> kept, warnings;
  ScanLoad stats;
  for (auto& r : results) {
    ScanPageStat s;
    s.number = r.number;
    s.via = r.via;
    s.words = word_count(r.page);
    s.conf = scan::mean_confidence(r.page);
    stats.pages.push_back(s);
    if (!r.kept.empty()) kept.push_back(std::move(r.kept));
    if (s.words == 0) {
      warnings.push_back(name + ": page " + std::to_string(r.number) + ": no text found (a blank page?); skipped");
      continue;
    }
    pages.push_back(std::move(r.page));
  }
  if (pages.empty())
    throw input_error(name + ": no text found on " +
                          (results.size() == 1 ? std::string("the page") : "any of its " + std::to_string(results.size()) + " pages"),
                      "check that this is a page of text; a scan needs --ocr-lang for its language, a low-resolution one --dpi");
  if (!kept.empty()) stats.kept = session.engine().kept_document(kept, base_name(name));

  ReflowResult rr = reflow_ocr(pages, base_name(name));
  for (auto& w : warnings) rr.report.warnings.push_back(std::move(w));
  for (auto& s : stats.pages) {
    auto page = std::find_if(rr.doc.pages.begin(), rr.doc.pages.end(), [&](const Page& p) { return p.number == s.number; });
    s.articles = page != rr.doc.pages.end() ? static_cast<int>(page->articles.size()) : 0;
    size_t at = static_cast<size_t>(page - rr.doc.pages.begin());
    if (page != rr.doc.pages.end() && at < rr.report.page_repairs.size()) s.repairs = rr.report.page_repairs[at];
  }
  if (report) *report = std::move(rr.report);
  if (load) *load = std::move(stats);
  return std::move(rr.doc);
}

}  // namespace paiban
