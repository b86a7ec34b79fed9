// paiban typeset IN [-o OUT.pdf] [--style NAME|FILE] [--debug-dump FILE] [--encoding E]
// paiban typeset --make-up A B C … -o PAGE.pdf: several articles made up on one page.
// Raw column text or article XML → a print-ready newspaper PDF in the chosen style.
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/limit_flags.h"
#include "cli/scan_flags.h"
#include "core/error.h"
#include "core/output.h"
#include "pipeline/convert.h"
#include "pipeline/make_up.h"
#include "pipeline/plan.h"
#include "xml/plan.h"

namespace paiban::cli {

namespace {

struct TypesetArgs {
  std::string input;
  std::vector<std::string> make_up;  // articles in rank order (the first is the lead)
  std::string output;
  std::string style = "broadsheet";
  std::string debug_dump;
  std::string encoding;
  std::string lang;
  bool gray = false;
  bool verbose = false;
  Limits limits;
  scan::Options scan;
};

// IN with its extension replaced by .pdf ("article.txt" → "article.pdf"); stdin → stdout.
std::string default_output(const std::string& in) {
  if (in == "-") return "-";
  size_t slash = in.find_last_of('/');
  size_t dot = in.find_last_of('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) return in.substr(0, dot) + ".pdf";
  return in + ".pdf";
}

int run_make_up(const TypesetArgs& a) {
  if (!a.input.empty()) throw usage_error("typeset: give the articles after --make-up, not before it");
  if (a.output.empty()) throw usage_error("typeset --make-up: name the page with -o PAGE.pdf");
  std::vector<NamedInput> inputs;
  for (const std::string& in : a.make_up) {
    check_not_input(a.output, in);
    inputs.push_back({in, read_input(in, a.limits)});
  }
  MakeUpReport rep;
  std::string pdf = make_up_pdf(inputs, a.style, a.encoding, a.limits, a.gray, &rep);
  write_file_atomic(a.output, pdf);
  if (!a.debug_dump.empty()) write_file_atomic(a.debug_dump, rep.debug_dump);
  for (const std::string& n : rep.notes) std::cerr << "paiban: note: " << n << "\n";
  return 0;
}

// A page plan (<plan>): its pages made up into one PDF.
int run_plan(const TypesetArgs& a, const std::string& bytes) {
  std::string out = a.output.empty() ? default_output(a.input) : a.output;
  check_not_input(out, a.input);
  PlanReport rep;
  std::string pdf = typeset_plan(bytes, a.input, a.style, a.encoding, a.limits, a.gray, &rep);
  write_file_atomic(out, pdf);
  if (!a.debug_dump.empty()) write_file_atomic(a.debug_dump, rep.debug_dump);
  for (const std::string& n : rep.notes) std::cerr << "paiban: note: " << n << "\n";
  return 0;
}

int run(const TypesetArgs& a) {
  if (!a.make_up.empty()) return run_make_up(a);
  if (a.input.empty()) throw usage_error("typeset: no input", "name an article file, or several after --make-up");
  std::string bytes = read_input(a.input, a.limits);
  if (looks_like_plan(bytes)) return run_plan(a, bytes);
  ConvertOptions opts = convert_options("pdf", a.encoding, a.limits, a.scan);
  opts.lang = a.lang;
  opts.debug_dump = !a.debug_dump.empty();
  opts.gray = a.gray;
  Converter conv = Converter::create(a.style, true);
  Converted c = conv.convert(bytes, a.input, opts);
  std::string out = a.output.empty() ? default_output(a.input) : a.output;
  check_not_input(out, a.input);
  write_file_atomic(out, c.pdf);
  if (opts.debug_dump) write_file_atomic(a.debug_dump, c.typeset.debug_dump);
  write_kept(c.scan, a.scan, out, a.input);
  for (const std::string& w : c.reflow.warnings) std::cerr << "paiban: note: " << w << "\n";
  for (const std::string& w : c.typeset.warnings) std::cerr << "paiban: warning: " << w << "\n";
  if (a.verbose)
    for (const std::string& n : c.typeset.notes) std::cerr << "paiban: note: " << n << "\n";
  return 0;
}

}  // namespace

void add_typeset_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<TypesetArgs>();
  auto* cmd = app.add_subcommand("typeset", "Typeset an article, or a scanned page's articles one after another, as a newspaper PDF");
  cmd->add_option("IN", args->input, "Input: raw column or page text, hOCR, ALTO, PAGE XML, article/page XML, or a scan (PNG, JPEG, TIFF, PNM, PDF) ('-' for stdin)");
  cmd->add_option("--make-up", args->make_up,
                  "Make up one page from these articles (raw text or article XML), in rank order: the first is the lead")
      ->expected(1, -1);
  cmd->add_option("-o,--output", args->output, "Output PDF (default: IN with .pdf; '-' for stdout)");
  cmd->add_option("--style", args->style,
                  "Style name (broadsheet, tabloid, report, vertical-broadsheet, vertical-book; NAME-tc/NAME-sc pin Traditional/Simplified faces, else a zh-Hant article gets TC faces) or a style .xml file (default: broadsheet)");
  cmd->add_option("--debug-dump", args->debug_dump,
                  "Write one text line per laid-out line (page, column, line box, ratio, text) to FILE");
  cmd->add_option("--encoding", args->encoding, "Input encoding (default: detect): UTF-8, GB18030, Big5, UTF-16");
  cmd->add_flag("--verbose,-v", args->verbose, "Say which faces each article is set in (its language chooses them)");
  cmd->add_flag("--gray", args->gray, "Print colour pictures in gray (black-only printing; text always is)");
  add_lang_flag(cmd, args->lang);
  add_limit_flags(cmd, args->limits);
  add_scan_flags(cmd, args->scan);
  cmd->callback([&action, args] { action = [args] { return run(*args); }; });
}

}  // namespace paiban::cli
