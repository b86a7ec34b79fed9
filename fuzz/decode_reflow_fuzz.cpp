// Fuzz target: raw bytes → decode (detected, and forced to an encoding picked by the first
// byte) → reflow. Decoding either fails with a clear Error or yields NFC UTF-8 lines without
// line terminators or control characters.
#include <unicode/normalizer2.h>

#include <cstdint>

#include "decode/decode.h"
#include "decode/detect.h"
#include "fuzz_check.h"

namespace paiban::fuzz {

namespace {

const char* const kForced[] = {"", "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "Big5"};

void check_lines(const Decoded& d) {
  check(!d.encoding.empty(), "no encoding named");
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const std::string& l = d.lines[i];
    std::string where = "line " + std::to_string(i + 1) + " (" + d.encoding + "): ";
    check(scan_utf8(l).first_invalid == std::string::npos, where + "invalid UTF-8 after decoding");
    for (unsigned char c : l)
      check(c >= 0x20 || c == '\t', where + "control or line-end byte " + std::to_string(c) + " kept");
    err = U_ZERO_ERROR;
    check(nfc->isNormalizedUTF8(l, err) && U_SUCCESS(err), where + "not NFC");
  }
}

void one(std::string_view bytes, const std::string& forced) {
  Decoded d;
  try {
    d = try_decode(bytes, "fuzz.txt", forced);
  } catch (const Error& e) {
    check_error(e, "fuzz.txt");
    return;
  }
  check_lines(d);
}

}  // namespace

void decode_reflow_one(std::string_view bytes) {
  one(bytes, "");
  if (!bytes.empty()) one(bytes.substr(1), kForced[static_cast<unsigned char>(bytes[0]) % 7]);
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::decode_reflow_one)
