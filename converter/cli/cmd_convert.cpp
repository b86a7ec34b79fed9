// paiban convert IN... [--to xml,txt,pdf,nitf,html] [--out DIR]: each input to every format asked for.
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/limit_flags.h"
#include "cli/options.h"
#include "cli/scan_flags.h"
#include "cli/summary.h"
#include "core/error.h"
#include "core/output.h"
#include "decode/decode.h"
#include "pipeline/convert.h"

namespace paiban::cli {

namespace {

struct ConvertArgs {
  std::vector<std::string> inputs;
  std::string to = "xml,txt,pdf";
  std::string out = ".";
  std::string style = "broadsheet";
  std::string encoding;
  std::string lang;
  int width = 0;
  std::string spacing = "none";
  bool verbose = false;
  Limits limits;
  scan::Options scan;
};

// Converts one input; returns normally or throws Error for this input alone.
void convert_one(const Converter& conv, const ConvertOptions& opts, const ConvertArgs& a, const std::string& in,
                 scan::Session& session) {
  namespace fs = std::filesystem;
  std::string bytes = read_input(in, opts.limits);
  Converted c = conv.convert(bytes, in, opts, &session);
  std::string stem = in == "-" ? "stdin" : fs::path(in).stem().string();
  auto write = [&](const std::string& ext, const std::string& data) {
    fs::path target = fs::path(a.out) / (stem + ext);
    check_not_input(target.string(), in);
    write_file_atomic(target.string(), data);
  };
  if (opts.xml) write(".xml", c.xml);
  if (opts.txt) write(".txt", c.txt);
  if (opts.pdf) write(".pdf", c.pdf);
  if (opts.html) write(".html", c.html);
  // NITF holds one article: a page's articles are STEM-1.nitf.xml, STEM-2.nitf.xml, … in reading order.
  for (size_t k = 0; k < c.nitf.size(); ++k)
    write(c.doc.is_pages() ? "-" + std::to_string(k + 1) + ".nitf.xml" : ".nitf.xml", c.nitf[k]);
  write_kept(c.scan, opts.scan, (fs::path(a.out) / (stem + ".xml")).string(), in);
  if (a.verbose) std::cerr << scan_summary(in, c.scan);
  if (a.verbose) {
    for (const auto& w : c.warnings) std::cerr << in << ": " << w << "\n";
    for (const auto& n : c.typeset.notes) std::cerr << "paiban: note: " << n << "\n";
  }
}

int run_convert(const ConvertArgs& a) {
  ConvertOptions opts = convert_options(a.to, a.encoding, a.limits, a.scan);
  opts.lang = a.lang;
  opts.text = text_options_from(a.width, a.spacing);
  // Two inputs with one stem (a/x.txt, b/x.txt) would write the same outputs: refuse up front.
  std::map<std::string, std::string> stems;
  for (const auto& in : a.inputs) {
    std::string stem = in == "-" ? "stdin" : std::filesystem::path(in).stem().string();
    auto [it, fresh] = stems.emplace(stem, in);
    if (!fresh)
      throw usage_error(it->second + " and " + in + " would both write " + stem + ".* in " + a.out,
                        "convert them into different --out folders, or use 'paiban batch', which mirrors folders");
  }
  Converter conv = Converter::create(a.style, opts.pdf);
  scan::Session session(opts.scan);  // one Tesseract for every input, made when a scan comes
  if (a.inputs.size() == 1) {
    convert_one(conv, opts, a, a.inputs[0], session);
    return 0;
  }
  SomeInputsFailed failed;
  failed.inputs = a.inputs.size();
  for (const auto& in : a.inputs) {
    try {
      convert_one(conv, opts, a, in, session);
    } catch (const Error& e) {
      failed.errors.push_back(e);  // one input's error; the others go on
    }
  }
  if (!failed.errors.empty()) throw failed;
  return 0;
}

}  // namespace

void add_convert_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ConvertArgs>();
  auto* cmd = app.add_subcommand("convert", "Convert raw text, OCR layouts (hOCR, ALTO, PAGE) or article/page XML to XML, clean text and PDF");
  cmd->add_option("inputs", args->inputs, "Input files (raw OCR text, hOCR, ALTO, PAGE XML, article/page XML, scans: PNG, JPEG, TIFF, PNM, PDF; - for stdin)")->required();
  cmd->add_option("--to", args->to, "Formats to write, comma-separated: xml,txt,pdf,nitf,html")->capture_default_str();
  cmd->add_option("--out,-o", args->out, "Output folder")->capture_default_str();
  cmd->add_option("--style", args->style, "Style name in styles/ or a style file (PDF)")->capture_default_str();
  cmd->add_option("--encoding", args->encoding, "Force the input encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5, Big5-HKSCS)");
  cmd->add_option("--width", args->width, "Rewrap clean text to N display columns (0: a paragraph per line)");
  cmd->add_option("--spacing", args->spacing, "Clean text: 'none' or 'pangu' (space between Han and Latin/digits)")
      ->capture_default_str();
  cmd->add_flag("--verbose,-v", args->verbose, "Report OCR repairs, warnings and the faces each article is set in, per input");
  add_lang_flag(cmd, args->lang);
  add_limit_flags(cmd, args->limits);
  add_scan_flags(cmd, args->scan);
  cmd->callback([args, &action] { action = [args] { return run_convert(*args); }; });
}

}  // namespace paiban::cli
