// paiban text IN [-o OUT.txt] [--width N] [--spacing none|pangu] [--furniture] [--encoding E]: raw
// column text (or article XML, or a page) → clean text: blocks separated by one empty line, a
// paragraph on one line; a page's articles one after another, "* * *" between them.
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/limit_flags.h"
#include "cli/scan_flags.h"
#include "core/output.h"
#include "pipeline/convert.h"

namespace paiban::cli {

void add_text_command(CLI::App& app, Action& action) {
  struct Options {
    std::string in, out = "-", encoding, spacing = "none";
    std::string lang;
    int width = 0;
    bool furniture = false;
    Limits limits;
    scan::Options scan;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "text", "Raw OCR text, an OCR layout or article/page XML → clean text, a paragraph per line (or rewrapped)");
  cmd->add_option("IN", o->in,
                  "Input, recognised by its content: raw column or page text (UTF-8, GB18030, Big5, UTF-16), "
                  "hOCR, ALTO, PAGE XML, article/page XML, or a scan (PNG, JPEG, TIFF, PNM, PDF); - reads stdin")
      ->required();
  cmd->add_option("-o,--output", o->out, "Output text file (default: stdout)");
  cmd->add_option("--width", o->width,
                  "Rewrap to N display columns (a Han character is 2), keeping clreq's line-start and "
                  "line-end rules; 0 (default): a paragraph on one line")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--spacing", o->spacing,
                  "none (default, the newspaper convention) or pangu: a space between Han and Latin/digits")
      ->check(CLI::IsMember({"none", "pangu"}));
  cmd->add_flag("--furniture", o->furniture,
                "A scanned page: print its running heads and folios too, each as '[role] text' above the articles");
  cmd->add_option("--encoding", o->encoding, "Input encoding instead of detecting it (UTF-8, GB18030, Big5, UTF-16LE, ...)");
  add_lang_flag(cmd, o->lang);
  add_limit_flags(cmd, o->limits);
  add_scan_flags(cmd, o->scan);
  cmd->callback([&action, o] {
    action = [o]() -> int {
      check_not_input(o->out, o->in);
      ConvertOptions opts = convert_options("txt", o->encoding, o->limits, o->scan);
      opts.lang = o->lang;
      opts.text = text_options_from(o->width, o->spacing);
      opts.text.furniture = o->furniture;
      Converted c = Converter::create({}, false).convert(read_input(o->in, o->limits), o->in, opts);
      write_file_atomic(o->out, c.txt);
      write_kept(c.scan, o->scan, o->out, o->in);
      return 0;
    };
  });
}

}  // namespace paiban::cli
