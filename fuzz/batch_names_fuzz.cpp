// Fuzz target: an archive's stored names (NUL-separated bytes; the first byte may force an
// encoding) → one encoding decided for all → each decoded. A decoded name is valid UTF-8
// without U+FFFD unless the stored bytes held it, valid UTF-8 stays unchanged, and the path
// check of a decoded name never yields an absolute path or a '..' part.
#include <string>
#include <vector>

#include "batch/names.h"
#include "batch/safety.h"
#include "decode/decode.h"
#include "decode/detect.h"
#include "fuzz_check.h"

namespace paiban::fuzz {

namespace {

const char* const kForced[] = {"GBK", "Big5", "Shift_JIS", "CP437", "UTF-8"};

}  // namespace

void batch_names_one(std::string_view bytes) {
  std::string forced;
  if (!bytes.empty() && static_cast<unsigned char>(bytes[0]) < 5) {
    forced = kForced[static_cast<unsigned char>(bytes[0])];
    bytes.remove_prefix(1);
  }
  std::vector<std::string> names;
  for (size_t start = 0; start <= bytes.size();) {
    size_t end = bytes.find('\0', start);
    if (end == std::string_view::npos) end = bytes.size();
    names.emplace_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  const batch::NameEncoding enc = forced.empty() ? batch::detect_name_encoding(names) : batch::parse_name_encoding(forced);
  check(!enc.name.empty(), "no encoding named");
  for (const std::string& raw : names) {
    std::string utf8;
    const bool raw_utf8 = scan_utf8(raw).invalid == 0;
    if (!batch::decode_name(raw, enc, utf8)) {
      check(!raw_utf8, "valid UTF-8 name refused: " + hex_bytes(raw));
      check(!forced.empty() || enc.name != "CP437", "CP437 refused a name: " + hex_bytes(raw));
      continue;
    }
    check(scan_utf8(utf8).invalid == 0, "decoded name is not UTF-8: " + hex_bytes(raw));
    if (raw_utf8) check(utf8 == raw, "valid UTF-8 name changed: " + hex_bytes(raw));
    check(utf8.find("\xEF\xBF\xBD") == std::string::npos || raw.find("\xEF\xBF\xBD") != std::string::npos,
          "U+FFFD made from " + hex_bytes(raw));
    batch::PathCheck pc = batch::check_entry_path(utf8);
    if (pc.reason.empty()) {
      check(pc.rel.empty() || pc.rel[0] != '/', "absolute path passed: " + pc.rel);
      check(("/" + pc.rel + "/").find("/../") == std::string::npos, "'..' passed: " + pc.rel);
    }
  }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::batch_names_one)
