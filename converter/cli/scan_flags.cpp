#include "cli/scan_flags.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/error.h"
#include "core/output.h"
#include "decode/decode.h"

namespace paiban::cli {

void add_scan_flags(CLI::App* cmd, scan::Options& o) {
  const char* group = "Scans (page images and PDFs, read with Tesseract in-process)";
  cmd->add_option("--ocr-lang", o.lang,
                  "Tesseract languages, '+'-joined: chi_sim (default), chi_tra, chi_sim+eng, ...")
      ->group(group);
  cmd->add_option("--dpi", o.dpi, "Resolution of images whose own is missing or wrong (default: the image's)")
      ->check(CLI::Range(50, 2400))
      ->group(group);
  cmd->add_option("--psm", o.psm, "Tesseract page segmentation mode (default 3, automatic; 4 one column; 6 one block)")
      ->check(CLI::Range(0, 13))
      ->group(group);
  cmd->add_option("--max-pixels", o.max_pixels,
                  "Largest page image, width × height, refused from its header before decoding (default 200M)")
      ->transform(CLI::AsSizeValue(false))
      ->group(group);
  cmd->add_option_function<std::string>(
         "--keep-ocr", [&o](const std::string& v) { o.keep = v == "alto" ? scan::Keep::alto : scan::Keep::hocr; },
         "Also write what the OCR engine saw beside the output: hocr (NAME.hocr) or alto (NAME.alto.xml)")
      ->check(CLI::IsMember({"hocr", "alto"}))
      ->group(group);
}

namespace {

// The first bytes of a regular file, to tell a scan from text before reading it all.
std::string head_of(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  std::string head(64, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  return head;
}

}  // namespace

std::string read_input(const std::string& path, const Limits& limits) {
  Limits wide = limits;
  wide.max_input_bytes = std::max(limits.max_input_bytes, scan::kMaxScanBytes);
  std::string head = head_of(path);
  if (!head.empty()) return read_file_limited(path, scan::sniff(head) != scan::Kind::none ? wide : limits);
  if (path != "-") return read_file_limited(path, limits);  // a pipe or a device: text limits
  std::string bytes = read_file_limited(path, wide);  // stdin: only its bytes tell
  if (scan::sniff(bytes) == scan::Kind::none) check_input_size(bytes.size(), "<stdin>", limits);
  return bytes;
}

std::string kept_path(const std::string& out, const std::string& in, scan::Keep keep) {
  namespace fs = std::filesystem;
  const fs::path base = out != "-" ? fs::path(out) : in != "-" ? fs::path(in) : fs::path("stdin");
  return (base.parent_path() / base.stem()).string() + (keep == scan::Keep::alto ? ".alto.xml" : ".hocr");
}

void write_kept(const ScanLoad& load, const scan::Options& options, const std::string& out,
                    const std::string& in) {
  if (options.keep == scan::Keep::none || load.pages.empty()) return;
  if (load.kept.empty()) {
    std::cerr << "paiban: note: " << in << ": read from its text layer, no OCR to keep (--keep-ocr)\n";
    return;
  }
  const std::string path = kept_path(out, in, options.keep);
  std::error_code ec;
  if (in != "-" && std::filesystem::equivalent(path, in, ec))
    throw usage_error(path + ": --keep-ocr would overwrite the input", "write the output (-o) to another folder");
  write_file_atomic(path, load.kept);
}

}  // namespace paiban::cli
