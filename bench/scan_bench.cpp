// scan_bench: scans end to end (README "Scans").
//   scan_bench                         throughput and memory: the sample typeset by paiban as an A3
//                                      page, rendered at 300 dpi, converted (OCR + reflow + XML +
//                                      text + PDF); then a small crop converted --pages times by
//                                      one worker, its memory printed as it goes (flat = no leak)
//   scan_bench --set DIR [--set DIR]   accuracy on a real-OCR set (docs/ocr-devset.md): each
//                                      page's scan (scan.jpg, or scan.tif) through the image path
//                                      and page.pdf through its text layer, beside the `tesseract`
//                                      program's psm3 output
// Needs pdftoppm (poppler-utils); the module libpaiban_scan.so is found one folder up.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/unicode.h"
#include "ocr_baseline.h"
#include "ocr_score.h"
#include "ocr_set.h"
#include "score.h"
#include "ocr/read.h"
#include "pipeline/convert.h"
#include "reflow/reflow.h"
#include "ocr/scan/scan.h"
#include "text/text.h"
#include "xml/xml.h"

using namespace paiban;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Resident memory now and at its peak (MiB), from /proc/self/status.
double status_mib(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind(key, 0) == 0) return std::atof(line.c_str() + std::char_traits<char>::length(key)) / 1024.0;
  return -1;
}

int shell(const std::string& cmd) { return std::system(cmd.c_str()); }

// The repo's sample typeset by paiban (broadsheet: A3), as PDF bytes.
std::string sample_pdf(const Converter& conv) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/input/lvliang-cppcc-2024.txt";
  ConvertOptions o;
  o.xml = o.txt = false;
  return conv.convert(read_file(path), "sample.txt", o).pdf;
}

std::vector<scan::PageResult> read_all(scan::Engine& e, const std::string& bytes, const std::string& name) {
  std::vector<scan::PageResult> out;
  e.read(bytes, name, [&](scan::PageResult&& r) { out.push_back(std::move(r)); });
  return out;
}

// Throughput on 2 cores and the share of it that is OCR; then memory over many pages.
int throughput(int pages) {
  const std::string dir = "/tmp/paiban-scan-bench";
  shell("mkdir -p " + dir);
  Converter conv = Converter::create("broadsheet", true);
  {
    std::ofstream(dir + "/sample.pdf", std::ios::binary) << sample_pdf(conv);
  }
  if (shell("pdftoppm -r 300 -gray -png -singlefile " + dir + "/sample.pdf " + dir + "/a3 && "
            "pdftoppm -r 150 -gray -png -x 0 -y 0 -W 600 -H 700 -singlefile " + dir + "/sample.pdf " + dir + "/crop") != 0) {
    std::fprintf(stderr, "scan_bench: pdftoppm failed (apt-get install poppler-utils)\n");
    return 1;
  }
  const std::string a3 = read_file(dir + "/a3.png"), crop = read_file(dir + "/crop.png");
  ConvertOptions opts;  // xml, txt and pdf, as batch writes them
  opts.pdf_threads = 1;

  // One worker: OCR alone, then the whole conversion (OCR + reflow + XML + text + PDF).
  scan::Session session(opts.scan);
  auto t0 = Clock::now();
  auto ocr_pages = read_all(session.engine(), a3, "a3.png");  // first use loads the model: not timed below
  const double first_ocr = seconds_since(t0);
  t0 = Clock::now();
  ocr_pages = read_all(session.engine(), a3, "a3.png");
  const double ocr = seconds_since(t0);
  // paiban's own work on what the OCR saw: reflow, then XML, text and PDF (the page XML read back
  // by convert: a little more than the work itself, never less).
  std::vector<ocr::Page> seen;
  for (auto& r : ocr_pages) seen.push_back(r.page);
  t0 = Clock::now();
  Document doc = reflow_ocr(seen, "a3.png").doc;
  Converted c = conv.convert(write_xml(doc), "a3.xml", opts);
  const double own = seconds_since(t0);
  size_t words = 0;
  for (const auto& r : ocr_pages)
    for (const auto& reg : r.page.regions)
      for (const auto& l : reg.lines) words += l.words.size();
  const double whole = ocr + own;
  const double peak_one = status_mib("VmHWM:");
  double load[1] = {0};
  getloadavg(load, 1);
  std::printf("A3 page at 300 dpi (%dx%d px, %zu words, %d articles), one worker: OCR %.2f s (first page, with the "
              "model load: %.2f s); paiban's own work (reflow + XML + text + PDF) %.3f s = %.1f %% of %.2f s end to end "
              "(load average %.1f)\n",
              ocr_pages.empty() ? 0 : ocr_pages[0].page.width, ocr_pages.empty() ? 0 : ocr_pages[0].page.height, words,
              c.articles, ocr, first_ocr, own, 100 * own / whole, whole, load[0]);

  // Two workers (2 cores), each its own session, two pages each.
  t0 = Clock::now();
  std::vector<std::thread> workers;
  for (int w = 0; w < 2; ++w)
    workers.emplace_back([&] {
      scan::Session s(opts.scan);
      for (int i = 0; i < 2; ++i) conv.convert(a3, "a3.png", opts, &s);
    });
  for (auto& t : workers) t.join();
  const double wall = seconds_since(t0);
  std::printf("2 workers on 2 cores: 4 A3 pages in %.1f s = %.3f scans/s (each worker loads its model once)\n", wall,
              4 / wall);
  std::printf("peak memory, one worker converting A3 pages: %.0f MiB (process, model included)\n", peak_one);

  // Memory over many pages: one worker, one model, page after page.
  std::printf("memory over %d pages (a 600x700 crop, one worker): RSS MiB", pages);
  scan::Session one(opts.scan);
  t0 = Clock::now();
  for (int i = 1; i <= pages; ++i) {
    conv.convert(crop, "crop.png", opts, &one);
    if (i == 1 || i % (pages / 4 > 0 ? pages / 4 : 1) == 0) std::printf(" [%d] %.0f", i, status_mib("VmRSS:"));
  }
  std::printf("; %.2f pages/s\n", pages / seconds_since(t0));
  return 0;
}

// Non-space characters (line breaks aside) of the truth that a prediction lacks, and those it adds (multisets);
// `lost_chars`/`added_chars`, where given, get them.
std::pair<long, long> lost_and_added(const Document& truth, const Document& pred, std::u32string* lost_chars = nullptr,
                                     std::u32string* added_chars = nullptr) {
  auto chars = [](const Document& d) {
    std::u32string s;
    for (char32_t c : to_u32(write_text(d)))
      if (!is_space(c) && c != U'\n') s += c;  // blocks' line breaks are structure, not characters
    std::sort(s.begin(), s.end());
    return s;
  };
  std::u32string t = chars(truth), p = chars(pred), lost, added;
  std::set_difference(t.begin(), t.end(), p.begin(), p.end(), std::back_inserter(lost));
  std::set_difference(p.begin(), p.end(), t.begin(), t.end(), std::back_inserter(added));
  if (lost_chars) *lost_chars = lost;
  if (added_chars) *added_chars = added;
  return {static_cast<long>(lost.size()), static_cast<long>(added.size())};
}

struct Tally {
  long pages = 0;
  bench::Score score;
  bench::Counts split;
  long lost = 0, added = 0;
  std::u32string lost_chars, added_chars;  // the last page's (printed page by page)
  void add(const std::vector<Document>& truth, const Document& pred) {
    ++pages;
    Document t = bench::concat_articles(truth);
    auto arts = bench::articles_of(pred);
    score += bench::score_article(t, bench::concat_articles(arts)).score;
    split += bench::score_split(truth, arts);
    auto [l, a] = lost_and_added(t, bench::concat_articles(arts), &lost_chars, &added_chars);
    lost += l, added += a;
  }
  void print(const char* what) const {
    if (pages == 0) return;  // not read in this run (--text-layer)
    std::printf("  %-34s %3ld pages  bnd-F1 %.4f  type %.4f  art-F1 %.4f  CER %6.2f%%  chars lost %ld, added %ld\n", what,
                pages, score.untyped.f1(), bench::type_accuracy(score).value(), split.f1(), score.cer() * 100, lost,
                added);
  }
};

int accuracy(const std::vector<std::string>& sets, bool layer_only) {
  scan::Options o;
  o.keep = scan::Keep::hocr;
  scan::Session session(o);
  for (const auto& dir : sets) {
    std::vector<bench::OcrPage> pages = bench::load_ocr_set(dir);
    Tally image, program, image_raw, program_raw, epaper;
    for (const auto& p : pages) {
      const std::string pdf = read_file(p.dir + "/page.pdf");
      // A grey scan as JPEG, or a bilevel one as Group 4 TIFF (make-devset --scan bitonal).
      std::string name = "scan.jpg", image_bytes = layer_only ? "" : read_file(p.dir + "/" + name);
      if (!layer_only && image_bytes.empty()) name = "scan.tif", image_bytes = read_file(p.dir + "/" + name);
      const std::string hocr = layer_only ? "" : read_file(p.dir + "/psm3.hocr");
      if (!image_bytes.empty()) {
        auto res = read_all(session.engine(), image_bytes, name);
        std::vector<ocr::Page> ocr;
        std::vector<std::string> kept;
        for (auto& r : res)
          if (r.error.empty()) kept.push_back(r.kept), ocr.push_back(std::move(r.page));
        image.add(p.articles, reflow_ocr(ocr, name).doc);
        image_raw.add(p.articles, bench::baseline_hocr(session.engine().kept_document(kept, name), name));
      }
      if (!hocr.empty()) {
        program.add(p.articles, reflow_ocr(ocr::read_ocr(hocr, "psm3.hocr"), "psm3.hocr").doc);
        program_raw.add(p.articles, bench::baseline_hocr(hocr, "psm3.hocr"));
      }
      if (!pdf.empty()) {
        std::vector<ocr::Page> layer;
        bool via_ocr = false;
        for (auto& r : read_all(session.engine(), pdf, "page.pdf")) {
          via_ocr |= r.via != "text layer";
          if (r.error.empty()) layer.push_back(std::move(r.page));
        }
        Tally one;
        const Document doc = reflow_ocr(layer, "page.pdf").doc;
        one.add(p.articles, doc);
        epaper.add(p.articles, doc);
        if (layer_only) {
          one.print((p.name + " page.pdf").c_str());
          if (!one.lost_chars.empty() || !one.added_chars.empty())
            std::printf("       lost «%s» added «%s»\n", to_utf8(one.lost_chars).c_str(), to_utf8(one.added_chars).c_str());
        }
        if (via_ocr) std::printf("  %s: page.pdf was OCR'd, not read from its text layer\n", p.name.c_str());
      }
    }
    std::printf("\n== scan_bench --set %s: %zu pages\n", dir.c_str(), pages.size());
    image.print("paiban reflow scan.jpg (psm 3)");
    program.print("tesseract psm3 hOCR → paiban reflow");
    image_raw.print("baseline: OCR's paragraphs, in-process");
    program_raw.print("baseline: OCR's paragraphs, program");
    epaper.print("paiban reflow page.pdf (text layer)");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> sets;
  int pages = 200;
  bool layer_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--set" && i + 1 < argc) sets.push_back(argv[++i]);
    else if (a == "--pages" && i + 1 < argc) pages = std::max(1, std::atoi(argv[++i]));
    else if (a == "--text-layer") layer_only = true;  // only page.pdf's text layer, page by page (no OCR)
    else {
      std::fprintf(stderr, "usage: scan_bench [--pages N] | scan_bench [--text-layer] --set DIR [--set DIR]\n");
      return 2;
    }
  }
  try {
    return sets.empty() ? throughput(pages) : accuracy(sets, layer_only);
  } catch (const Error& e) {
    std::fprintf(stderr, "scan_bench: %s\n  hint: %s\n", e.what(), e.hint().c_str());
    return 1;
  }
}
