// typeset_plan: read the plan → load each page's articles (refs beside the plan, or inline) and
// their pictures → make up page by page, a jumped story's rest joining the next page (a page is
// added after the last when needed) → one PDF, bookmarks by article.
#include "pipeline/plan.h"

#include <filesystem>

#include "core/error.h"
#include "decode/decode.h"
#include "makeup/makeup.h"
#include "pdf/pdf.h"
#include "pipeline/convert.h"
#include "pipeline/images.h"
#include "style/style.h"
#include "xml/plan.h"

namespace paiban {

namespace {

constexpr int kMaxJumpPages = 8;  // pages added after the plan's last for stories still running

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

Placement placement_of(const PlanArticle& a, const std::string& where) {
  Placement p;
  p.rank = a.rank;
  p.where = where;
  p.short_head = a.short_head;
  if (a.col0 > 0) {
    p.x = a.col0 - 1, p.width = a.col1 - a.col0 + 1;
    p.y = a.row0 - 1, p.h = a.row1 - a.row0 + 1;
  } else {
    p.width = a.width;
  }
  return p;
}

// The file a ref names (`label` the plan line and element, for messages): not the plan itself,
// present, and readable as what `what` says.
Document read_ref(const std::string& path, const std::string& plan, const std::string& label, const char* what,
                  const std::string& encoding, const Limits& limits) {
  if (same_file(path, plan))
    throw input_error(label + ": the plan refers to itself", std::string("ref names ") + what + ", not the plan");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw input_error(label + ": no such file " + path, "correct ref: it is relative to the plan's folder");
  try {
    ReflowReport rr;
    return load_document(read_file_limited(path, limits), path, encoding, &rr, limits);
  } catch (const Error& e) {
    throw Error(e.code(), label + ": cannot be read", std::string("ref names ") + what).because(e);
  }
}

// One article of the plan, read (ref) or taken (inline), with its pictures.
Document load_article(const PlanArticle& a, const std::string& plan, const std::string& where,
                      const std::string& encoding, const Limits& limits, const ImageOptions& iopts, Images& images) {
  if (a.ref.empty()) {
    Document d = a.doc;
    if (d.source.empty()) d.source = where;
    load_images(d, plan, iopts, images);
    return d;
  }
  const std::string path = beside(plan, a.ref);
  const std::string label = where + ": <article ref=\"" + a.ref + "\">";
  Document d = read_ref(path, plan, label, "an article (text or article XML)", encoding, limits);
  if (d.is_pages())
    throw input_error(label + ": a whole page of articles, not one article",
                      "split the page with `paiban reflow` and give its articles one by one");
  if (d.source.empty()) d.source = a.ref;
  load_images(d, path, iopts, images);
  return d;
}

// A scanned page (paiban reflow's <page>) given by <page ref>: its articles in reading order, the
// first the lead, each with the page's date and source where it has none.
std::vector<Document> load_scanned_page(const PlanPage& pp, const std::string& plan, const std::string& encoding,
                                        const Limits& limits, const ImageOptions& iopts, Images& images) {
  const std::string where = plan + ":" + std::to_string(pp.line) + ": <page ref=\"" + pp.ref + "\">";
  const std::string path = beside(plan, pp.ref);
  Document d = read_ref(path, plan, where, "a scanned page (page XML, hOCR, ALTO, PAGE)", encoding, limits);
  if (d.pages.size() != 1)
    throw input_error(where + ": " + (d.is_pages() ? "holds " + std::to_string(d.pages.size()) + " pages" : "is one article, not a page"),
                      "give one scanned page per <page ref>, or an article by <article ref>");
  std::vector<Document> out;
  for (Document& a : d.pages[0].articles) {
    if (a.blocks.empty()) continue;
    if (a.date.empty()) a.date = d.date;
    if (a.source.empty()) a.source = pp.ref + "#" + std::to_string(out.size() + 1);
    load_images(a, path, iopts, images);
    out.push_back(std::move(a));
  }
  if (out.empty()) throw input_error(where + ": the page holds no article", "check that the OCR found text on this page");
  if (out.size() > static_cast<size_t>(kMaxPlanArticles))
    throw input_error(where + ": " + std::to_string(out.size()) + " articles, more than a page holds",
                      "list at most " + std::to_string(kMaxPlanArticles) + " of them as <article>s");
  return out;
}

}  // namespace

std::string typeset_plan(std::string_view bytes, const std::string& name, const std::string& style_name,
                         const std::string& encoding, const Limits& limits, bool gray, PlanReport* report) {
  PlanReport local;
  PlanReport& rep = report ? *report : local;
  Plan plan = read_plan(bytes, name, limits);
  ImageOptions iopts;
  iopts.gray = gray;
  Images images;
  std::vector<PageInput> pages;
  for (const PlanPage& pp : plan.pages) {
    PageInput in;
    in.jumps = plan.jumps;
    if (!pp.ref.empty()) in.articles = load_scanned_page(pp, name, encoding, limits, iopts, images);
    for (const PlanArticle& a : pp.articles) {
      const std::string where = name + ":" + std::to_string(a.line);
      in.articles.push_back(load_article(a, name, where, encoding, limits, iopts, images));
      in.placements.push_back(placement_of(a, where));
    }
    pages.push_back(std::move(in));
  }
  Style style = load_style(style_name);
  FontLibrary fonts;
  prepare_fonts(style, fonts);
  PdfWriter writer(fonts);
  DocumentInfo info;
  std::vector<Document> running;  // stories jumped from the page before
  for (size_t i = 0; i < pages.size() || !running.empty(); ++i) {
    if (i == pages.size()) {
      if (i >= plan.pages.size() + kMaxJumpPages || i >= static_cast<size_t>(limits.max_pages))
        throw input_error(name + ": " + running.front().source + ": still runs after " + std::to_string(i) + " pages",
                          "shorten it, or give it more room on the plan's pages");
      pages.push_back(PageInput{});
      pages.back().jumps = plan.jumps;
    }
    PageInput& in = pages[i];
    in.number = static_cast<int>(i) + 1;
    in.pages = static_cast<int>(std::max(pages.size(), plan.pages.size()));
    bool fixed = !in.placements.empty() && in.placements[0].x >= 0;
    in.placements.resize(in.articles.size());
    for (Document& d : running) {
      if (fixed)
        throw input_error(name + ": " + d.source + ": continues on page " + std::to_string(in.number) +
                              ", whose modules are all fixed",
                          "give the continued story room: a page without fixed modules, or jumps=\"off\"");
      rep.notes.push_back(d.source + ": continued on page " + std::to_string(in.number));
      in.articles.push_back(std::move(d));
      in.placements.push_back(Placement{});
      in.placements.back().rank = 2;  // a continued story: a brief's rank under its short headline
    }
    running.clear();
    MakeUpReport mr;
    LaidOutDocument page = make_up_page(in, style, fonts, &images, &mr, &running);
    for (Bookmark b : page.bookmarks) {
      b.page = static_cast<int>(i);
      info.bookmarks.push_back(std::move(b));
    }
    if (i == 0 && !page.bookmarks.empty()) info.title = page.bookmarks.front().title;
    writer.add_page(page.pages.at(0));
    rep.debug_dump += "# page " + std::to_string(i + 1) + "\n" + mr.debug_dump;
    for (std::string& n : mr.notes) rep.notes.push_back("page " + std::to_string(i + 1) + ": " + std::move(n));
    rep.pages = static_cast<int>(i) + 1;
  }
  return writer.finish(info);
}

}  // namespace paiban
