#include "ocr_bench.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "core/error.h"
#include "ocr_baseline.h"
#include "ocr_score.h"
#include "ocr/read.h"
#include "ocr_set.h"
#include "reflow/reflow.h"
#include "score.h"

namespace paiban::bench {

namespace {

enum class Input { txt, hocr, alto };

struct Mode {
  std::string name;  // "txt psm3"
  std::string file;  // "psm3.txt"
  Input input;
};

std::vector<Mode> modes() {
  std::vector<Mode> out;
  for (int psm : {3, 4, 6}) {
    std::string p = "psm" + std::to_string(psm);
    out.push_back({"txt " + p, p + ".txt", Input::txt});
    out.push_back({"hOCR " + p, p + ".hocr", Input::hocr});
    out.push_back({"ALTO " + p, p + ".xml", Input::alto});
  }
  return out;
}

std::optional<std::string> read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l)) {
    std::string clean;
    for (char c : l) if (c != '\f' && c != '\r') clean += c;  // Tesseract ends each page with a form feed
    lines.push_back(clean);
  }
  return lines;
}

// paiban on this input: page text through reflow(), OCR layouts through the readers and reflow_ocr().
std::optional<Document> reflow_input(const Mode& m, const std::string& bytes, const std::string& name) {
  if (m.input == Input::txt) return reflow(text_lines(bytes), name).doc;
  return reflow_ocr(ocr::read_ocr(bytes, name), name).doc;
}

Document baseline_input(const Mode& m, const std::string& bytes, const std::string& name) {
  switch (m.input) {
    case Input::txt: return baseline_txt(bytes);
    case Input::hocr: return baseline_hocr(bytes, name);
    case Input::alto: return baseline_alto(bytes, name);
  }
  return {};
}

struct Tally {
  long pages = 0, threw = 0;
  Score score;
  Counts split;
  void add(const ScoredArticle& s, const Counts& c) { ++pages, score += s.score, split += c; }
};

std::string f4(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.4f", v);
  return b;
}
std::string pc(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.2f%%", v * 100);
  return b;
}

// bnd-F1 typ-F1 type-acc split-P split-R split-F1 CER
std::string figures(const Tally& t) {
  char b[160];
  std::snprintf(b, sizeof b, "%-6s %-6s %-6s  %-6s %-6s %-6s %7s", f4(t.score.untyped.f1()).c_str(),
                f4(t.score.typed.f1()).c_str(), f4(type_accuracy(t.score).value()).c_str(),
                f4(t.split.precision()).c_str(), f4(t.split.recall()).c_str(), f4(t.split.f1()).c_str(),
                pc(t.score.cer()).c_str());
  return b;
}

int run_set(const std::string& dir, bool per_page, const std::string& diff_mode) {
  std::vector<OcrPage> pages;
  try {
    pages = load_ocr_set(dir);
  } catch (const Error& e) {
    std::fprintf(stderr, "reflow_bench: %s\n  hint: %s\n", e.what(), e.hint().c_str());
    return 1;
  }
  std::map<std::string, int> engines;
  long articles = 0;
  for (const auto& p : pages) {
    ++engines[p.engine];
    articles += static_cast<long>(p.articles.size());
  }
  std::printf("\n== reflow_bench --ocr %s: %zu pages (", dir.c_str(), pages.size());
  for (auto& [e, n] : engines) std::printf("%s%s %d", &e == &engines.begin()->first ? "" : ", ", e.c_str(), n);
  std::printf("), %ld articles\n", articles);
  if (pages.empty()) {
    std::printf("  no finished pages (a page folder needs `done` and truth.xml)\n");
    return 0;
  }
  std::printf("  %-10s %5s  | reflow: %-6s %-6s %-6s  %-6s %-6s %-6s %7s | baseline (OCR's own paragraphs): "
              "%-6s %-6s %-6s  %-6s %-6s %-6s %7s\n",
              "mode", "pages", "bnd-F1", "typ-F1", "type", "art-P", "art-R", "art-F1", "CER", "bnd-F1", "typ-F1",
              "type", "art-P", "art-R", "art-F1", "CER raw");
  std::string summary;
  for (const Mode& m : modes()) {
    Tally re, base;
    bool has_reflow = true;
    std::vector<std::string> lines;
    for (const auto& p : pages) {
      std::string path = p.dir + "/" + m.file;
      auto bytes = read(path);
      if (!bytes) continue;
      Document truth = concat_articles(p.articles);
      Document b;
      try {
        b = baseline_input(m, *bytes, path);
      } catch (const std::exception&) {
        ++base.threw;
      }
      auto sb = score_article(truth, b);
      auto cb = score_split(p.articles, articles_of(b));
      base.add(sb, cb);
      std::optional<Document> r;
      try {
        r = reflow_input(m, *bytes, path);
        if (!r) has_reflow = false;
      } catch (const std::exception& e) {
        ++re.threw;
        r = Document{};
        lines.push_back("    " + p.name + " " + m.name + ": reflow threw: " + e.what());
      }
      if (r) {
        auto pred = articles_of(*r);
        auto sr = score_article(truth, concat_articles(pred));
        auto cr = score_split(p.articles, pred);
        re.add(sr, cr);
        if (per_page) {
          Tally one, one_base;
          one.add(sr, cr);
          one_base.add(sb, cb);
          lines.push_back("    " + p.name + " " + p.engine + ": " + figures(one) + " | " + figures(one_base));
          if (m.name == diff_mode)
            for (const auto& d : sr.diff) lines.push_back("        " + d);
        }
      }
    }
    if (!base.pages) continue;
    std::printf("  %-10s %5ld  |         %s |                                  %s%s\n", m.name.c_str(), base.pages,
                has_reflow ? figures(re).c_str() : "(no reflow for this input yet)                     ",
                figures(base).c_str(), re.threw || base.threw ? "  (threw: see below)" : "");
    for (const auto& l : lines) std::printf("%s\n", l.c_str());
    if (has_reflow) {
      char b[200];
      std::snprintf(b, sizeof b, " %s F1 %.4f/%.4f art-F1 %.4f/%.4f CER %.2f%%/%.2f%%;", m.name.c_str(),
                    re.score.untyped.f1(), base.score.untyped.f1(), re.split.f1(), base.split.f1(),
                    re.score.cer() * 100, base.score.cer() * 100);
      summary += b;
    }
  }
  std::printf("SUMMARY reflow_bench --ocr %s (reflow/baseline):%s\n", dir.c_str(), summary.c_str());
  return 0;
}

}  // namespace

int run_ocr_bench(const OcrBenchOptions& opt) {
  int rc = 0;
  for (const auto& d : opt.dirs) rc |= run_set(d, opt.per_page, opt.diff_mode);
  return rc;
}

}  // namespace paiban::bench
