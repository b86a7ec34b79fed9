// paiban reflow IN [-o OUT.xml] [--encoding E] [--verbose]: raw column text → article XML; a
// scanned page (hOCR, ALTO, PAGE XML, page text) → page XML holding its articles.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/limit_flags.h"
#include "cli/scan_flags.h"
#include "cli/summary.h"
#include "core/output.h"
#include "pipeline/convert.h"

namespace paiban::cli {

void add_reflow_command(CLI::App& app, Action& action) {
  struct Options {
    std::string in, out = "-", encoding;
    std::string lang;
    bool verbose = false;
    Limits limits;
    scan::Options scan;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "reflow", "Raw OCR column text → article XML (headline, subtitle, byline, sections, paragraphs, boxes); "
                "a scanned page's hOCR, ALTO or PAGE XML → page XML holding its articles");
  cmd->add_option("IN", o->in,
                  "Input, recognised by its content: raw column or page text (UTF-8, GB18030, Big5, UTF-16), "
                  "hOCR, ALTO, PAGE XML, article/page XML, or a scan (PNG, JPEG, TIFF, PNM, PDF); - reads stdin")
      ->required();
  cmd->add_option("-o,--output", o->out, "Output XML file (default: stdout)");
  cmd->add_option("--encoding", o->encoding, "Input encoding instead of detecting it (UTF-8, GB18030, Big5, UTF-16LE, ...)");
  cmd->add_flag("-v,--verbose", o->verbose, "Report the structure found and every repair made, on stderr");
  add_lang_flag(cmd, o->lang);
  add_limit_flags(cmd, o->limits);
  add_scan_flags(cmd, o->scan);
  cmd->callback([&action, o] {
    action = [o]() -> int {
      check_not_input(o->out, o->in);
      ConvertOptions opts = convert_options("xml", o->encoding, o->limits, o->scan);
      opts.lang = o->lang;
      Converted c = Converter::create({}, false).convert(read_input(o->in, o->limits), o->in, opts);
      write_file_atomic(o->out, c.xml);
      write_kept(c.scan, o->scan, o->out, o->in);
      if (o->verbose) std::cerr << scan_summary(o->in, c.scan) << summary(o->in, c.doc, c.reflow);
      return 0;
    };
  });
}

}  // namespace paiban::cli
