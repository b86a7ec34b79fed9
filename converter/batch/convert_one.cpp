#include "batch/convert_one.h"

#include <sys/stat.h>

#include <cctype>
#include <chrono>
#include <new>

#include "batch/hash.h"
#include "core/error.h"
#include "core/output.h"
#include "ocr/read.h"
#include "pipeline/memory.h"

namespace paiban::batch {

namespace {

// Up to date: same input bytes, options and version, and every output still there at its size
// (the kept OCR may be missing from the record: a PDF read from its text layer has none).
bool up_to_date(const Task& task, std::uint64_t hash, const WorkContext& ctx, const Record*& rec) {
  rec = ctx.manifest ? ctx.manifest->find(task.input) : nullptr;
  const size_t without_kept = task.outputs.size() - (task.kept >= 0 ? 1 : 0);
  if (!rec || !rec->failure.empty() || rec->hash != hash || rec->key != ctx.key ||
      (rec->outputs.size() != task.outputs.size() && rec->outputs.size() != without_kept))
    return false;
  for (size_t i = 0; i < rec->outputs.size(); ++i) {
    if (rec->outputs[i].first != task.outputs[i]) return false;
    struct stat st;
    std::string path = ctx.dirs->root() + "/" + task.outputs[i];
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::uint64_t>(st.st_size) != rec->outputs[i].second)
      return false;
  }
  return true;
}

void fail(Item& item, Status status, std::string error, std::string hint) {
  item.status = status;
  item.error = std::move(error);
  item.hint = std::move(hint);
  item.outputs.clear();
}

// A record of this input's bytes and options that says it cannot be converted within memory:
// refused for --max-memory before, or a run was killed while converting it.
const Record* memory_failure(const Task& task, std::uint64_t hash, const WorkContext& ctx) {
  const Record* rec = ctx.manifest ? ctx.manifest->find(task.input) : nullptr;
  if (!rec || rec->hash != hash || rec->key != ctx.key) return nullptr;
  return rec->failure == kRunning || rec->failure == kMemory ? rec : nullptr;
}

Record failure_record(const Task& task, std::uint64_t hash, const WorkContext& ctx, const char* failure) {
  Record r;
  r.input = task.input;
  r.hash = hash;
  r.key = ctx.key;
  r.failure = failure;
  return r;
}

// A scan's pages as the report shows them.
std::vector<PageFigures> page_figures(const ScanLoad& load) {
  std::vector<PageFigures> out;
  for (const ScanPageStat& s : load.pages) out.push_back({s.number, s.via, s.words, s.conf, s.articles, s.repairs});
  return out;
}

}  // namespace

std::uint64_t work_bytes(std::uint64_t input_bytes, const WorkContext& ctx) {
  return estimate_work_bytes(input_bytes, ctx.convert.pdf);
}

Done convert_one(const Task& task, size_t task_index, Loaded&& loaded, const WorkContext& ctx,
                 scan::Session* session) {
  auto t0 = std::chrono::steady_clock::now();
  Done d;
  d.task = task_index;
  Item& item = d.item;
  item.input = task.input;
  item.stored_hex = task.stored_hex;
  item.bytes = loaded.bytes.size();
  auto finish = [&]() -> Done {
    if (!task.note.empty()) item.warnings.push_back(task.note);
    item.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return std::move(d);
  };
  if (loaded.status != Status::pending) {
    fail(item, loaded.status, loaded.reason, loaded.hint);
    return finish();
  }

  // An .html file is an input only when it is hOCR: a folder may hold other web pages.
  std::string lower_input = task.input;
  for (char& ch : lower_input) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (lower_input.size() > 5 && lower_input.compare(lower_input.size() - 5, 5, ".html") == 0 &&
      ocr::sniff(loaded.bytes) != ocr::Format::hocr) {
    item.status = Status::skipped;
    item.error = "an .html file that is not hOCR (no ocr_page)";
    return finish();
  }

  const std::uint64_t hash = hash64(loaded.bytes);
  const Record* rec = nullptr;
  if (!ctx.force && up_to_date(task, hash, ctx, rec)) {
    item.status = Status::unchanged;
    item.outputs.clear();
    for (const auto& out : rec->outputs) item.outputs.push_back(out.first);
    item.warnings = rec->warnings;
    item.articles = rec->articles;
    item.repairs = rec->repairs;
    return finish();
  }

  const std::uint64_t need = work_bytes(loaded.bytes.size(), ctx);
  if (!ctx.force) {
    if (const Record* m = memory_failure(task, hash, ctx)) {
      fail(item, Status::failed,
           m->failure == std::string(kRunning)
               ? "an earlier run ended while converting it (killed, most likely for memory: it needs about " +
                     format_bytes(need) + ")"
               : "needs about " + format_bytes(need) + " of memory, more than an earlier run's --max-memory",
           "give the run more memory (and --max-memory), then pass --force to try it again");
      d.record = failure_record(task, hash, ctx, kMemory);
      return finish();
    }
  }
  if (ctx.max_memory && need > ctx.max_memory) {
    fail(item, Status::failed,
         "needs about " + format_bytes(need) + " of memory, more than --max-memory " + format_bytes(ctx.max_memory),
         "raise --max-memory if the machine has it; the estimate is docs/batch.md \"Memory\"");
    d.record = failure_record(task, hash, ctx, kMemory);
    return finish();
  }
  // A kill while this input is converted (an out-of-memory killer, a job's memory limit) leaves
  // this line last: the next run fails it instead of being killed on it again.
  const bool journal = ctx.manifest && need >= ctx.journal_from;
  if (journal) {
    try {
      ctx.manifest->append(failure_record(task, hash, ctx, kRunning));
    } catch (const Error&) {  // the collector meets the same write error and stops the run
    }
  }

  // Named by its path in the run ("sub/a.txt"), the one a person can find, in errors and warnings;
  // <article source> is the file name alone (pipeline/load.cpp).
  try {
    Converted c = ctx.converter->convert(loaded.bytes, task.input, ctx.convert, session);
    loaded.bytes = std::string();  // give the memory back before writing
    Record r;
    r.input = task.input;
    r.hash = hash;
    r.key = ctx.key;
    r.warnings = c.warnings;
    r.articles = c.articles;
    r.repairs = c.repairs;
    item.outputs.clear();
    for (size_t k = 0; k < task.outputs.size(); ++k) {
      const std::string& out = task.outputs[k];
      if (static_cast<int>(k) == task.kept && c.scan.kept.empty()) {
        c.warnings.push_back("read from its text layer: no OCR to keep (--keep-ocr)");
        continue;
      }
      const std::string& bytes = static_cast<int>(k) == task.kept                    ? c.scan.kept
                                 : out.compare(out.size() - 4, 4, ".xml") == 0   ? c.xml
                                 : out.compare(out.size() - 4, 4, ".txt") == 0 ? c.txt
                                                                               : c.pdf;
      size_t slash = out.rfind('/');
      ctx.dirs->make_dir(slash == std::string::npos ? std::string() : out.substr(0, slash));
      replace_file_atomic(ctx.dirs->root() + "/" + out, bytes);  // run() syncs DIR once
      r.outputs.emplace_back(out, bytes.size());
      item.outputs.push_back(out);
    }
    item.status = Status::converted;
    item.pages = page_figures(c.scan);
    item.warnings = std::move(c.warnings);
    item.articles = c.articles;
    item.repairs = std::move(c.repairs);
    d.record = std::move(r);
  } catch (const Error& e) {
    fail(item, Status::failed, what_with_causes(e, "; because: "), hint_with_causes(e));
  } catch (const std::bad_alloc&) {
    fail(item, Status::failed, task.input + ": out of memory", "lower --jobs or --max-entry-size");
  } catch (const std::exception& e) {
    fail(item, Status::failed, task.input + ": internal error: " + e.what(),
         "this is a bug; please report it with the input file");
  }
  if (journal && !d.record) d.record = failure_record(task, hash, ctx, kFailed);
  return finish();
}

}  // namespace paiban::batch
