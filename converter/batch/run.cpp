// run: the batch from SRC to DIR. The stages, in order: list (sources, entries checked by
// safety) → plan (names, shard) → read → convert (the pool) → record (manifest, report).
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "batch/batch.h"
#include "batch/convert_one.h"
#include "batch/lock.h"
#include "batch/manifest.h"
#include "batch/plan.h"
#include "batch/pool.h"
#include "batch/progress.h"
#include "batch/report.h"
#include "batch/safety.h"
#include "batch/shard.h"
#include "batch/sources.h"
#include "batch/sweep.h"
#include "core/error.h"
#include "core/output.h"

namespace paiban::batch {

namespace fs = std::filesystem;

std::string Formats::label() const {
  std::string s;
  if (xml) s += "xml";
  if (txt) s += std::string(s.empty() ? "" : ",") + "txt";
  if (pdf) s += std::string(s.empty() ? "" : ",") + "pdf";
  return s;
}

int default_jobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return 1;
}

namespace {

// DIR inside SRC would make this run's outputs the next run's inputs.
void check_folders(const Options& o) {
  std::error_code ec;
  if (!fs::is_directory(o.src, ec)) return;
  fs::path src = fs::canonical(o.src, ec);
  if (ec) return;  // Source::open reports it
  fs::path out = fs::weakly_canonical(o.out, ec);
  std::string s = src.string(), d = out.string();
  if (!ec && (d == s || d.compare(0, s.size() + 1, s + "/") == 0))
    throw usage_error("--out " + o.out + ": the output folder is inside the source folder " + o.src,
                      "choose an output folder outside SRC, or its outputs would become inputs");
}

void make_out(const std::string& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec || !fs::is_directory(out))
    throw input_error("--out " + out + ": cannot create the output folder" + (ec ? ": " + ec.message() : ""),
                      "give a folder you can write to");
}

// The scan options that change outputs, for the manifest key: another --ocr-lang, --psm or --dpi
// (or --keep-ocr) converts scans again instead of calling them up to date.
std::string scan_key(const scan::Options& s) {
  return ";ocr=" + s.lang + "/psm" + std::to_string(s.psm) + "/dpi" + std::to_string(s.dpi) +
         (s.keep == scan::Keep::none ? "" : s.keep == scan::Keep::alto ? "/alto" : "/hocr");
}

}  // namespace

int run(const Options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  check_folders(o);
  auto source = Source::open(o.src, o.limits, o.name_encoding);
  make_out(o.out);
  SafeDirs dirs(o.out);
  RunLock lock;
  if (!lock.take(dirs.root(), shard_suffix(o.shard), o.wait, o.stop)) return 128 + o.stop->load();
  Listing listing = source->list();
  Plan plan = make_plan(listing, o);
  bool problems_listed = std::any_of(plan.settled.begin(), plan.settled.end(),
                                     [](const Item& it) { return is_problem(it.status); });
  if (plan.tasks.empty() && !problems_listed && listing.error.empty() && !o.shard.active())
    throw input_error(o.src + ": no .txt, .xml, .hocr or .html files found",
                      "batch converts the .txt (raw OCR text), .xml (article or page XML, ALTO, PAGE) and "
                      ".hocr/.html (hOCR) files of a folder or archive");

  Converter converter = Converter::create(o.style, o.formats.pdf);
  const std::string suffix = shard_suffix(o.shard);
  const std::string report_name = "report" + suffix, manifest_name = ".paiban-manifest" + suffix + ".tsv";
  Manifest manifest(dirs.root() + "/" + manifest_name);
  if (!o.force) manifest.load();  // --force: earlier records are forgotten, everything redone
  manifest.start();
  sweep_temp_files(dirs.root(), plan, {report_name + ".json", report_name + ".csv", manifest_name});

  WorkContext ctx;
  ctx.converter = &converter;
  ctx.convert.encoding = o.encoding;
  ctx.convert.lang = o.lang;
  ctx.convert.xml = o.formats.xml;
  ctx.convert.txt = o.formats.txt;
  ctx.convert.pdf = o.formats.pdf;
  ctx.convert.limits = o.article_limits;
  ctx.convert.limits.max_input_bytes = o.limits.max_entry_size;
  ctx.convert.scan = o.scan;
  const int jobs = o.jobs > 0 ? o.jobs : default_jobs();
  ctx.convert.pdf_threads = jobs > 1 ? 1 : 2;  // the pool already keeps every core busy
  ctx.manifest = &manifest;
  ctx.key = manifest_key(o.formats.label() + scan_key(o.scan) + (o.lang.empty() ? "" : ";lang=" + o.lang), o.style);
  ctx.force = o.force;
  ctx.dirs = &dirs;

  std::vector<Item> task_items(plan.tasks.size());
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    task_items[i].input = plan.tasks[i].input;
    task_items[i].stored_hex = plan.tasks[i].stored_hex;
    task_items[i].bytes = listing.entries[plan.tasks[i].entry].size;
  }
  Progress progress(o.progress, plan.tasks.size(), stderr);
  auto stopping = [&] { return o.stop && o.stop->load() != 0; };

  PoolFunctions fn;
  fn.produce = [&](const std::function<bool(Job&&)>& push) {
    source->read(
        listing, [&](size_t i) { return plan.task_of_entry[i] >= 0; },
        [&](size_t i, Loaded&& l) {
          Job j;
          j.task = static_cast<size_t>(plan.task_of_entry[i]);
          j.loaded = std::move(l);
          return push(std::move(j));
        });
  };
  // One scan session per worker: each holds one Tesseract, made at its first scan and reused.
  std::vector<std::unique_ptr<scan::Session>> sessions;
  for (int w = 0; w < jobs; ++w) sessions.push_back(std::make_unique<scan::Session>(o.scan));
  fn.work = [&](Job&& j, int w) {
    return convert_one(plan.tasks[j.task], j.task, std::move(j.loaded), ctx, sessions[static_cast<size_t>(w)].get());
  };
  fn.collect = [&](Done&& d) {
    if (d.record) manifest.append(*d.record);
    progress.advance(is_problem(d.item.status), d.item.pages.size());
    task_items[d.task] = std::move(d.item);
  };
  fn.tick = [&] { progress.tick(); };
  fn.stopping = stopping;
  if (o.max_memory) {
    ctx.max_memory = o.max_memory;
    fn.budget = o.max_memory;
    fn.cost = [&](const Job& j) { return work_bytes(j.loaded.bytes.size(), ctx); };
  }
  run_pool(jobs, 2 * static_cast<size_t>(jobs), std::chrono::milliseconds(100), fn);
  progress.finish();
  // Outputs were written without an fsync each (6 ms apiece here); one syncfs makes them all
  // durable before the manifest says they are done.
  if (int fd = ::open(dirs.root().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    ::syncfs(fd);
    ::close(fd);
  }
  manifest.finish();

  for (Item& it : task_items) {
    if (it.status != Status::pending) continue;
    it.error = "not processed: the run was stopped";
    it.hint = "run the same command again to resume";
  }
  std::vector<Item> items = std::move(plan.settled);
  items.insert(items.end(), std::make_move_iterator(task_items.begin()), std::make_move_iterator(task_items.end()));
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.input < b.input; });

  RunInfo info;
  info.version = PAIBAN_VERSION;
  info.src = o.src;
  info.kind = listing.kind;
  info.out = o.out;
  info.formats = o.formats.label();
  info.style = o.style;
  info.shard = o.shard.active() ? std::to_string(o.shard.k) + "/" + std::to_string(o.shard.n) : "";
  info.jobs = jobs;
  info.interrupted = stopping();
  if (!listing.error.empty()) info.errors.emplace_back(listing.error, listing.hint);
  info.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string report_path = dirs.root() + "/" + report_name + ".json";
  replace_file_atomic(report_path, report_json(info, items), /*sync=*/true, /*refuse_other=*/false);
  replace_file_atomic(dirs.root() + "/" + report_name + ".csv", report_csv(items), /*sync=*/true, /*refuse_other=*/false);

  Totals totals = count(items);
  const bool problems = totals.problems() > 0 || totals.pending > 0 || !info.errors.empty();
  if (progress.mode() != ProgressMode::quiet || problems || info.interrupted)
    std::fputs(summary_text(info, items, (fs::path(o.out) / (report_name + ".json")).string()).c_str(), stderr);
  if (info.interrupted) return 128 + o.stop->load();
  return problems ? static_cast<int>(ExitCode::partial) : static_cast<int>(ExitCode::ok);
}

}  // namespace paiban::batch
