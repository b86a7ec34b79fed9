// `paiban batch SRC --out DIR`: every article of a folder or archive, on a worker pool, with a
// report (docs/batch.md).
#include <csignal>
#include <memory>

#include "batch/batch.h"
#include "batch/safety.h"
#include "batch/shard.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/limit_flags.h"
#include "cli/scan_flags.h"
#include "core/error.h"
#include "decode/detect.h"

namespace paiban::cli {

namespace {

// The signal handler's only effect: record which signal asked us to stop (async-signal-safe).
std::atomic<int> g_stop{0};

extern "C" void on_stop_signal(int sig) {
  if (g_stop.load() != 0) {  // a second Ctrl-C: stop now (temporary files are swept next run)
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_stop.store(sig);
}

struct BatchArgs {
  std::string src, out, to = "xml,txt,pdf", style = "broadsheet", shard, max_entry_size = "16M";
  std::string name_encoding, encoding, max_memory;
  std::string lang;
  int jobs = 0;
  double max_ratio = 100;
  bool force = false, quiet = false, wait = false;
  Limits limits;
  scan::Options scan;
};

}  // namespace

void add_batch_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<BatchArgs>();
  auto* cmd = app.add_subcommand(
      "batch", "Convert every .txt/.xml/.hocr/.html article or OCR page, and every scan (.png, .jpg, .tif, .pnm, "
               ".pdf), of a folder or archive (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.zst) into DIR, mirroring "
               "its paths, with DIR/report.json");
  cmd->add_option("SRC", args->src, "Folder (recursive) or archive")->required();
  cmd->add_option("--out,-o", args->out, "Output folder DIR (created; must not be inside SRC)")->required();
  cmd->add_option("--to", args->to, "Formats, comma-separated: xml,txt,pdf")->capture_default_str();
  cmd->add_option("--style", args->style, "Page style for the PDF")->capture_default_str();
  cmd->add_option("--jobs,-j", args->jobs, "Worker threads (default: the number of cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--shard", args->shard, "K/N: take a deterministic 1/N of the inputs (by path hash)");
  cmd->add_flag("--force", args->force, "Redo every input, even those up to date");
  cmd->add_flag("--wait", args->wait, "When another run is writing into DIR, wait for it instead of stopping");
  cmd->add_flag("--quiet,-q", args->quiet, "No progress; the summary only when something failed");
  cmd->add_option("--max-entry-size", args->max_entry_size,
                  "Largest input once decompressed (K/M/G)")->capture_default_str();
  cmd->add_option("--max-ratio", args->max_ratio,
                  "Largest decompressed:compressed ratio before an archive is taken for a bomb")
      ->capture_default_str()->check(CLI::Range(1.0, 1e9));
  cmd->add_option("--max-memory", args->max_memory,
                  "Memory budget for the workers together (K/M/G): start only the inputs that fit, "
                  "fail those estimated above it (default: none)");
  cmd->add_option("--encoding", args->encoding,
                  "Force the articles' text encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5, Big5-HKSCS)");
  cmd->add_option("--name-encoding", args->name_encoding,
                  "Encoding of an archive's names not marked UTF-8: GBK, Big5, Shift_JIS, CP437 "
                  "(default: decided from all the names)");
  add_lang_flag(cmd, args->lang);
  add_limit_flags(cmd, args->limits, false);
  add_scan_flags(cmd, args->scan);
  cmd->callback([&action, args] {
    action = [args]() -> int {
      batch::Options o;
      o.article_limits = args->limits;
      o.src = args->src;
      o.out = args->out;
      o.formats = batch::parse_formats(args->to);
      o.style = args->style;
      o.jobs = args->jobs;
      if (!args->shard.empty()) o.shard = batch::parse_shard(args->shard);
      o.force = args->force;
      o.wait = args->wait;
      o.progress = args->quiet ? batch::ProgressMode::quiet : batch::ProgressMode::automatic;
      o.limits.max_entry_size = batch::parse_size(args->max_entry_size, "--max-entry-size");
      o.limits.max_ratio = args->max_ratio;
      o.name_encoding = args->name_encoding;
      if (!args->max_memory.empty()) o.max_memory = batch::parse_size(args->max_memory, "--max-memory");
      if (!args->encoding.empty() && !find_encoding(args->encoding))
        throw usage_error("--encoding: unknown encoding '" + args->encoding + "'",
                          "use one of " + known_encoding_names());
      o.encoding = args->encoding;
      o.lang = args->lang;
      o.scan = with_limits(args->scan, args->limits);
      o.stop = &g_stop;
      struct sigaction sa {};
      sa.sa_handler = on_stop_signal;
      sigemptyset(&sa.sa_mask);
      sigaction(SIGINT, &sa, nullptr);
      sigaction(SIGTERM, &sa, nullptr);
      return batch::run(o);
    };
  });
}

}  // namespace paiban::cli
