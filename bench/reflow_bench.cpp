// reflow_bench: reflow quality and speed on column text degraded from the corpus with known truth.
// Metrics are defined in bench/lib/score.h; the degrader in bench/lib/degrade.h.
//
//   reflow_bench [--corpus PATH] [--seed N] [--count N] [--dump DIR] [--show N] [--worst N]
//                [--min-seconds S] [--no-speed] [--errors] [--traditional]
//   --traditional: the corpus in Traditional characters and punctuation (ICU's Hans-Hant), as
//   Taiwan and Hong Kong papers print it, through the same degrader and scores
//   reflow_bench --ocr DIR [--ocr DIR2 ...] [--ocr-pages] [--ocr-diff MODE]   real-OCR pages (docs/ocr-devset.md)
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "corpus.h"
#include "degrade.h"
#include "diagnose.h"
#include "dump.h"
#include "ocr_bench.h"
#include "reflow/reflow.h"
#include "score.h"

using namespace paiban;
using namespace paiban::bench;

namespace {

struct Band {
  const char* name;
  int lo, hi;
};
// Measure bands in Han characters: narrow tabloid columns to a wide single column.
const Band kBands[] = {{"10-15", 10, 15}, {"16-22", 16, 22}, {"23-30", 23, 30}, {"31-40", 31, 40}};
const EmptyLines kPolicies[] = {EmptyLines::every, EmptyLines::none, EmptyLines::paragraph};

struct Args {
  std::string corpus = default_corpus_path();
  uint64_t seed = 1;
  int count = 360;
  std::string dump;
  int show = -1;
  int worst = 5;
  double min_seconds = 1.0;
  bool speed = true;
  bool errors = false;  // every article's failures, one per line, for grep
  bool traditional = false;
  OcrBenchOptions ocr;  // --ocr: score real-OCR page sets instead of the column text
};

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr,
               "reflow_bench: %s\nusage: reflow_bench [--corpus PATH] [--seed N] [--count N] [--dump DIR] "
               "[--show N] [--worst N] [--min-seconds S] [--no-speed] [--errors] [--traditional]\n"
               "       reflow_bench --ocr DIR [--ocr DIR2 ...] [--ocr-pages] [--ocr-diff MODE]\n",
               msg);
  std::exit(2);
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto val = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value for " + k).c_str());
      return argv[++i];
    };
    try {
      if (k == "--corpus") a.corpus = val();
      else if (k == "--seed") a.seed = std::stoull(val());
      else if (k == "--count") a.count = std::stoi(val());
      else if (k == "--dump") a.dump = val();
      else if (k == "--show") a.show = std::stoi(val());
      else if (k == "--worst") a.worst = std::stoi(val());
      else if (k == "--min-seconds") a.min_seconds = std::stod(val());
      else if (k == "--no-speed") a.speed = false;
      else if (k == "--errors") a.errors = true;
      else if (k == "--traditional") a.traditional = true;
      else if (k == "--ocr") a.ocr.dirs.push_back(val());
      else if (k == "--ocr-pages") a.ocr.per_page = true;
      else if (k == "--ocr-diff") a.ocr.diff_mode = val(), a.ocr.per_page = true;
      else usage(("unknown option " + k).c_str());
    } catch (const std::logic_error&) {
      usage(("bad value for " + k).c_str());
    }
  }
  if (a.count < 1) usage("--count must be at least 1");
  return a;
}

// CPU time of this thread: on a shared machine wall time counts other programs' turns too.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

uint64_t mix(uint64_t a, uint64_t b) {
  Rng r(a * 0x9E3779B97F4A7C15ull + b);
  return r.next();
}

struct Item {
  Degraded d;
  int band = 0;
  Document pred;
  std::string error;  // reflow threw
  ScoredArticle scored;
};

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4f", v);
  return b;
}
std::string pct(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f%%", v * 100);
  return b;
}

void row(const std::string& name, long n, const Score& s) {
  std::printf("  %-22s %5ld  %-7s %-7s %-7s  %-7s %-7s  %-8s %-8s\n", name.c_str(), n,
              fmt(s.untyped.precision()).c_str(), fmt(s.untyped.recall()).c_str(), fmt(s.untyped.f1()).c_str(),
              fmt(s.typed.f1()).c_str(), fmt(s.typed.recall()).c_str(), pct(s.cer()).c_str(),
              pct(s.cer_spaced()).c_str());
}

// Every text of the corpus in Traditional characters and punctuation (“” → 「」) by ICU's
// Hans-Hant transform; false when ICU lacks it.
bool to_traditional(std::vector<CorpusArticle>& arts) {
  UErrorCode e = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, e));
  if (U_FAILURE(e) || !t) return false;
  for (CorpusArticle& a : arts)
    for (CorpusBlock& b : a.blocks) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(b.text);
      t->transliterate(u);
      b.text.clear();
      u.toUTF8String(b.text);
    }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse(argc, argv);
  if (!args.ocr.dirs.empty()) return run_ocr_bench(args.ocr);
  std::optional<std::vector<CorpusArticle>> corpus;
  try {
    corpus = load_corpus(args.corpus);
  } catch (const Error& e) {
    std::fprintf(stderr, "reflow_bench: %s\n  hint: %s\n", e.what(), e.hint().c_str());
    return 1;
  }
  if (!corpus || corpus->empty()) {
    std::printf("reflow_bench: SKIP: no corpus at %s (set PAIBAN_SHARED_DIR or pass --corpus)\n",
                args.corpus.c_str());
    return 0;
  }
  if (args.traditional && !to_traditional(*corpus)) {
    std::fprintf(stderr, "reflow_bench: ICU has no Hans-Hant transform\n");
    return 1;
  }
  const auto& arts = *corpus;
  auto headline_of = [&](size_t i) {
    for (const auto& b : arts[i].blocks) if (b.type == "headline") return b.text;
    return std::string();
  };

  // Build: policy cycles fastest, then the measure band, so every combination is covered evenly.
  std::vector<Item> items(static_cast<size_t>(args.count));
  std::vector<size_t> order(arts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng shuffle(args.seed);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle.next() % i]);
  ArtefactCounts total_art;
  size_t input_bytes = 0;
  for (int i = 0; i < args.count; ++i) {
    size_t src = order[static_cast<size_t>(i) % order.size()];
    uint64_t seed = mix(args.seed, static_cast<uint64_t>(i));
    Item& it = items[static_cast<size_t>(i)];
    it.band = (i / 3) % 4;
    auto opt = random_options(seed, kBands[it.band].lo, kBands[it.band].hi, kPolicies[i % 3]);
    opt.traditional = args.traditional;
    it.d = degrade(arts[src], opt, seed, headline_of((src + 1 + static_cast<size_t>(i)) % arts.size()));
    std::string bad = verify_degraded(it.d);
    if (!bad.empty()) {
      std::fprintf(stderr, "reflow_bench: degrader self-check failed on article %d (%s): %s\n", i,
                   describe(it.d).c_str(), bad.c_str());
      return 1;
    }
    total_art += it.d.artefacts;
    for (const auto& l : it.d.lines) input_bytes += l.size() + 1;
  }

  // Quality.
  int threw = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    Item& it = items[i];
    try {
      it.pred = reflow(it.d.lines, it.d.truth.source).doc;
    } catch (const std::exception& e) {
      it.error = e.what();
      ++threw;
    }
    it.scored = score_article(it.d.truth, it.pred);
    if (!args.dump.empty()) {
      char name[64];
      std::snprintf(name, sizeof name, "%03zu-%s", i, it.d.id.c_str());
      write_dump(args.dump, name, it.d, &it.pred);
    }
  }

  std::printf("reflow_bench: %d articles (seed %llu) from %s, %.2f MB of column text\n", args.count,
              static_cast<unsigned long long>(args.seed), args.corpus.c_str(), input_bytes / 1e6);
  const ArtefactCounts& a = total_art;
  std::printf("  artefacts: extraction spaces %d, letter-spaced lines %d, numbers split from unit %d, "
              "real spaces %d, multi-line headings %d, hanging punctuation %d, box paragraphs %d, "
              "bylines %d, subtitles %d, half-width punctuation %d\n",
              a.extraction_spaces, a.letter_spaced_lines, a.split_numbers, a.real_spaces, a.multi_line_headings,
              a.hanging_lines, a.box_paragraphs, a.bylines, a.subtitles, a.halfwidth_punct);
  // Every artefact, policy and band must be present, else the figures hide a blind spot.
  int missing = 0;
  for (auto [name, n] : {std::pair<const char*, int>{"extraction spaces", a.extraction_spaces},
                         {"letter-spaced lines", a.letter_spaced_lines}, {"numbers split from unit", a.split_numbers},
                         {"real spaces", a.real_spaces}, {"multi-line headings", a.multi_line_headings},
                         {"box paragraphs", a.box_paragraphs}, {"bylines", a.bylines}, {"subtitles", a.subtitles}}) {
    if (n == 0) std::printf("  WARNING: no %s in this set: raise --count\n", name), ++missing;
  }
  if (missing && args.count >= 300) {
    std::fprintf(stderr, "reflow_bench: the degrader left %d artefact kinds out of %d articles\n", missing, args.count);
    return 1;
  }
  if (threw) std::printf("  reflow threw on %d articles (scored as empty output)\n", threw);

  Score all;
  std::map<int, std::pair<long, Score>> by_band;
  std::map<int, std::pair<long, Score>> by_policy;
  for (size_t i = 0; i < items.size(); ++i) {
    const Score& s = items[i].scored.score;
    all += s;
    by_band[items[i].band].first++, by_band[items[i].band].second += s;
    int pol = static_cast<int>(items[i].d.options.empty);
    by_policy[pol].first++, by_policy[pol].second += s;
  }
  std::printf("\n  %-22s %5s  %-7s %-7s %-7s  %-7s %-7s  %-8s %-8s\n", "", "arts", "bnd-P", "bnd-R", "bnd-F1",
              "typ-F1", "typ-R", "CER", "CER+sp");
  row("all", args.count, all);
  for (auto& [b, v] : by_band) row(std::string("measure ") + kBands[b].name, v.first, v.second);
  for (auto& [p, v] : by_policy) row(std::string("empty lines ") + empty_lines_name(static_cast<EmptyLines>(p)), v.first, v.second);

  std::printf("\n  %-10s %6s  %-7s %-7s %-7s   (typed boundaries by block type)\n", "type", "truth", "P", "R", "F1");
  for (const char* t : {"headline", "subtitle", "byline", "heading", "p", "box-p"}) {
    auto it = all.by_type.find(t);
    Counts c = it == all.by_type.end() ? Counts{} : it->second;
    std::printf("  %-10s %6ld  %-7s %-7s %-7s\n", t, c.tp + c.fn, fmt(c.precision()).c_str(),
                fmt(c.recall()).c_str(), fmt(c.f1()).c_str());
  }
  const char* kTypes[] = {"headline", "subtitle", "byline", "heading", "p", "box-p", "-"};
  std::printf("\n  block starts, truth type (rows) × reflow type (columns); - = none there:\n  %-9s", "");
  for (const char* c : kTypes) std::printf(" %8s", c);
  std::printf("\n");
  for (const char* r : kTypes) {
    std::printf("  %-9s", r);
    for (const char* c : kTypes) {
      auto it = all.confusion.find({r, c});
      long v = it == all.confusion.end() ? 0 : it->second;
      if (v) std::printf(" %8ld", v); else std::printf(" %8s", ".");
    }
    std::printf("\n");
  }
  std::printf("\n  heading lines exact %ld/%ld; src exact %ld/%ld of typed matches; real spaces lost %ld/%ld, "
              "spurious spaces %ld\n",
              all.heading_lines_ok, all.headings, all.src_ok, all.src_checked, all.lost_spaces, all.truth_spaces,
              all.spurious_spaces);

  // Boundary failures grouped by the shape of the line before the block start.
  std::map<std::string, std::map<std::string, int>> shapes;
  for (const Item& it : items) {
    for (const auto& f : it.scored.failures) {
      std::string what = f.kind == BoundaryFailure::missed ? "missed " + f.truth_type
                         : f.kind == BoundaryFailure::spurious ? "spurious " + f.pred_type
                                                               : f.truth_type + " read as " + f.pred_type;
      ++shapes[what][line_before_shape(it.d.lines, f.line, it.d.options.measure * 2)];
    }
  }
  if (!shapes.empty()) std::printf("\n  boundary failures by the line before (measure = body column):\n");
  for (const auto& [what, by] : shapes) {
    int n = 0;
    for (const auto& kv : by) n += kv.second;
    std::printf("  %-24s %4d:", what.c_str(), n);
    for (const auto& [shape, k] : by) std::printf(" %s %d;", shape.c_str(), k);
    std::printf("\n");
  }

  std::printf("  spaced-text edits by cause:");
  for (const auto& [k, v] : all.edit_kinds) std::printf(" %s %ld;", k.c_str(), v);
  std::printf("\n");

  // Worst articles, with what went wrong.
  std::vector<size_t> idx(items.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
    return items[x].scored.score.badness() > items[y].scored.score.badness();
  });
  int worst = std::min<int>(args.worst, static_cast<int>(idx.size()));
  if (worst > 0) std::printf("\n  worst %d (reproduce: --show N; inspect all: --dump DIR):\n", worst);
  for (int w = 0; w < worst; ++w) {
    const Item& it = items[idx[static_cast<size_t>(w)]];
    const Score& s = it.scored.score;
    std::printf("  #%zu %s measure=%d empty=%s: boundary errors %ld, typed errors %ld, edits %ld (spaced %ld)%s\n",
                idx[static_cast<size_t>(w)], it.d.id.c_str(), it.d.options.measure, empty_lines_name(it.d.options.empty),
                s.untyped.fp + s.untyped.fn, s.typed.fp + s.typed.fn, s.edits, s.edits_spaced,
                it.error.empty() ? "" : (" THREW: " + it.error).c_str());
    size_t n = 0;
    for (const auto& m : it.scored.diff) {
      if (n++ == 8) { std::printf("      … %zu more\n", it.scored.diff.size() - 8); break; }
      std::printf("      %s\n", m.c_str());
    }
  }

  if (args.errors) {
    std::printf("\n  all failures (article index, measure, policy: failure):\n");
    for (size_t i = 0; i < items.size(); ++i)
      for (const auto& m : items[i].scored.diff)
        std::printf("  #%zu m=%d %s: %s\n", i, items[i].d.options.measure, empty_lines_name(items[i].d.options.empty), m.c_str());
  }

  if (args.show >= 0 && args.show < args.count) {
    const Item& it = items[static_cast<size_t>(args.show)];
    std::printf("\n== article %d: %s\n-- input\n", args.show, describe(it.d).c_str());
    for (size_t n = 0; n < it.d.lines.size(); ++n) std::printf("%4zu|%s\n", n + 1, it.d.lines[n].c_str());
    std::printf("-- truth\n%s-- reflow\n%s-- diff\n", article_xml(it.d.truth).c_str(), article_xml(it.pred).c_str());
    for (const auto& m : it.scored.diff) std::printf("  %s\n", m.c_str());
  }

  double mbps = 0;
  // Speed: the whole set, repeated until at least min_seconds have passed, on this one thread.
  if (args.speed) {
    using clock = std::chrono::steady_clock;
    size_t blocks = 0;
    int reps = 0;
    auto t0 = clock::now();
    double cpu0 = thread_cpu_seconds();
    double secs = 0, cpu = 0;
    do {
      for (const Item& it : items) {
        try {
          blocks += reflow(it.d.lines, it.d.truth.source).doc.blocks.size();
        } catch (const std::exception&) {
        }
      }
      ++reps;
      cpu = thread_cpu_seconds() - cpu0;
      secs = std::chrono::duration<double>(clock::now() - t0).count();
    } while (cpu < args.min_seconds);
    mbps = static_cast<double>(input_bytes) * reps / cpu / 1e6;
    std::printf("\n  throughput: %.1f MB/s of input on one core (%d passes over %.2f MB in %.2f s of CPU time, "
                "%.2f s wall: %.1f MB/s; %zu blocks)\n",
                mbps, reps, input_bytes / 1e6, cpu, secs, static_cast<double>(input_bytes) * reps / secs / 1e6, blocks);
  }
  char speed[32] = "-";
  if (args.speed) std::snprintf(speed, sizeof speed, "%.1f", mbps);
  std::printf("\nSUMMARY reflow_bench: boundary F1 %.4f (typed %.4f), CER %.3f%% (spaced %.3f%%), %s MB/s"
              " — targets F1 >= 0.98, CER <= 0.5%%, >= 20 MB/s\n",
              all.untyped.f1(), all.typed.f1(), all.cer() * 100, all.cer_spaced() * 100,
              speed);
  return 0;
}
