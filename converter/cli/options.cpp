#include "cli/options.h"

#include <filesystem>
#include <sstream>

#include "cli/scan_flags.h"
#include "core/error.h"

namespace paiban::cli {

ConvertOptions formats_from(const std::string& list) {
  ConvertOptions o;
  o.xml = o.txt = o.pdf = false;
  std::stringstream ss(list);
  std::string f;
  while (std::getline(ss, f, ',')) {
    if (f == "xml") o.xml = true;
    else if (f == "txt" || f == "text") o.txt = true;
    else if (f == "pdf") o.pdf = true;
    else if (f == "nitf") o.nitf = true;
    else if (f == "html") o.html = true;
    else if (!f.empty())
      throw usage_error("unknown output format '" + f + "'", "use --to with xml, txt, pdf, nitf and/or html");
  }
  if (!o.xml && !o.txt && !o.pdf && !o.nitf && !o.html)
    throw usage_error("--to names no format", "use --to with xml, txt, pdf, nitf and/or html");
  return o;
}

ConvertOptions convert_options(const std::string& list, const std::string& encoding, const Limits& limits,
                               const scan::Options& scan) {
  ConvertOptions o = formats_from(list);
  o.encoding = encoding;
  o.limits = limits;
  o.scan = with_limits(scan, limits);
  return o;
}

TextOptions text_options_from(int width, const std::string& spacing) {
  TextOptions t;
  if (width < 0 || (width > 0 && width < 4))
    throw usage_error("--width " + std::to_string(width) + " is too narrow", "use 0 (no wrapping) or at least 4");
  t.width = width;
  if (spacing == "pangu") t.pangu = true;
  else if (spacing != "none") throw usage_error("unknown --spacing '" + spacing + "'", "use none or pangu");
  return t;
}

void add_lang_flag(CLI::App* cmd, std::string& lang) {
  cmd->add_option("--lang", lang,
                  "Language of the text instead of detecting it (Simplified or Traditional from its characters): "
                  "zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK, zh-Hans-CN")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK", "zh-Hant-MO", "zh-Hans-CN", "zh-Hans-SG"}));
}

void check_not_input(const std::string& out, const std::string& in) {
  if (out == "-" || in == "-") return;
  std::error_code ec;
  if (std::filesystem::equivalent(out, in, ec))
    throw usage_error(out + ": the output would overwrite the input", "write the output to another file or folder");
}

}  // namespace paiban::cli
