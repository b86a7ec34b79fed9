// reflow_ocr: OCR layout pages → a Document of pages holding articles. The stages, in order, are
// the calls below, each one verb in its own file (page_stages.h).
#include "reflow/page_stages.h"
#include "reflow/reflow.h"

namespace paiban {

namespace {

// The repairs counted in `now` beyond those in `before`: one page's.
std::map<std::string, int> repairs_since(const std::map<std::string, int>& before, const std::map<std::string, int>& now) {
  std::map<std::string, int> out;
  for (const auto& [kind, n] : now) {
    auto b = before.find(kind);
    int d = n - (b == before.end() ? 0 : b->second);
    if (d > 0) out[kind] = d;
  }
  return out;
}

}  // namespace

ReflowResult reflow_ocr(const std::vector<ocr::Page>& pages, const std::string& source) {
  using namespace reflow_stages;
  ReflowResult r;
  r.doc.source = source;
  for (const auto& source_page : pages) {
    const std::map<std::string, int> before = r.report.repairs;
    const bool vertical = is_vertical(source_page);     // 直排: columns right to left
    ocr::Page page = vertical ? turn_page(source_page) : source_page;
    const Level level = level_of(page);                 // a scan's rows rise or fall
    level_page(page, level);
    seat_specks(page);                                  // characters boxed as specks
    PageLayout layout = measure_page(page, r.report);  // lines with geometry, the body size
    layout.turned = vertical;
    find_furniture(layout);                             // running heads and folios
    find_articles(layout);                              // headlines, article spans, reading order
    std::vector<std::vector<PageUnit>> units;
    for (auto& a : layout.articles) {
      find_boxes(layout, a);                            // text set in a frame
      units.push_back(split_page(layout, a));           // where blocks start
      classify_page(layout, a, units.back());           // what each block is
      place_captions(layout, a, units.back());          // captions with the front matter
    }
    unlevel_layout(layout, level);                      // boxes where the scan has them
    r.doc.pages.push_back(assemble_page(layout, page, units, source, r.report));
    if (vertical) unturn_page(r.doc.pages.back(), source_page);  // boxes in the scan's coordinates
    for (const auto& w : page.warnings) r.report.warnings.push_back(w);
    r.report.page_repairs.push_back(repairs_since(before, r.report.repairs));
  }
  label_language(r.doc);                                // zh-Hans or zh-Hant, per article
  return r;
}

}  // namespace paiban
