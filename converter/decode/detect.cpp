#include "decode/detect.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/error.h"

namespace paiban {

namespace {

const Encoding kUtf8{"UTF-8", "UTF-8"};
const Encoding kUtf16le{"UTF-16LE", "UTF-16LE"};
const Encoding kUtf16be{"UTF-16BE", "UTF-16BE"};
const Encoding kGb18030{"GB18030", "GB18030"};
const Encoding kGbk{"GBK", "GBK"};
const Encoding kBig5{"Big5", "Big5"};
// Hong Kong's Big5 with the HKSCS-2008 characters (Cantonese 嘅 佢 冇, place and personal names);
// a Big5 file is read the same either way.
const Encoding kBig5Hkscs{"Big5-HKSCS", "ibm-1375"};

struct Alias {
  const char* key;  // lower case, no '-' or '_'
  const Encoding* enc;
};
const Alias kAliases[] = {
    {"utf8", &kUtf8},       {"utf16le", &kUtf16le}, {"utf16be", &kUtf16be},
    {"gb18030", &kGb18030}, {"gb2312", &kGb18030},  {"euccn", &kGb18030},
    {"gbk", &kGbk},         {"cp936", &kGbk},       {"windows936", &kGbk},
    {"big5", &kBig5},       {"cp950", &kBig5},      {"big5hkscs", &kBig5Hkscs},
    {"hkscs", &kBig5Hkscs}, {"big5hk", &kBig5Hkscs},
};

// A strict trial decode in `icu`: some byte sequence is invalid, or every one is valid — and
// then whether any lands in the Private Use Area, where Big5 and GB18030 map their user-defined
// rows: Hong Kong's files hold HKSCS characters there (嘅 read as Big5 is U+E5A2).
enum class Trial { invalid, clean, private_use };

Trial trial_decode(std::string_view bytes, const char* icu) {
  bool private_use = false;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(icu, &err), ucnv_close);
  if (U_FAILURE(err)) return Trial::invalid;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  UChar buf[4096];
  const char* src = bytes.data();
  const char* end = src + bytes.size();
  while (true) {
    UChar* dst = buf;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &dst, buf + 4096, &src, end, nullptr, true, &err);
    private_use = private_use || std::any_of(buf, dst, [](UChar c) { return c >= 0xE000 && c <= 0xF8FF; });
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) return Trial::invalid;
    return private_use ? Trial::private_use : Trial::clean;
  }
}

bool decodes_strictly(std::string_view bytes, const char* icu) { return trial_decode(bytes, icu) != Trial::invalid; }

// ICU's detector ranks GB18030 against Big5 by character statistics; -1 when it has no view.
int detector_confidence(std::string_view bytes, const char* wanted) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return -1;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16)), &err);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &err);
  if (U_FAILURE(err)) return -1;
  for (int32_t i = 0; i < n; ++i) {
    UErrorCode e2 = U_ZERO_ERROR;
    const char* nm = ucsdet_getName(matches[i], &e2);
    if (U_SUCCESS(e2) && fold_encoding_name(nm) == fold_encoding_name(wanted)) return ucsdet_getConfidence(matches[i], &e2);
  }
  return -1;
}

// UTF-16 without a BOM: Chinese text has zero high or low bytes only for ASCII, which sit in
// one parity consistently.
const Encoding* sniff_utf16(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size() & ~size_t{1}, 8192);
  if (n < 4) return nullptr;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += bytes[i] == 0;
    odd += bytes[i + 1] == 0;
  }
  size_t units = n / 2;
  if (odd * 5 > units && even == 0) return &kUtf16le;
  if (even * 5 > units && odd == 0) return &kUtf16be;
  // Han text with little ASCII has too few zero bytes to go by: UTF-16 when 75 % of (at least
  // 16) code units in one byte order are CJK (ideographs, CJK punctuation, full-width forms).
  // The sample article scores 85 % in its own order with all its ASCII; as GB18030 1 %, Big5
  // 26 %, UTF-8 35 % in either (a short Big5 line reached 50 %).
  size_t le = 0, be = 0;
  auto cjk = [](unsigned u) {
    return (u >= 0x3400 && u <= 0x9FFF) || (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF);
  };
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < n; i += 2) {
    le += cjk(p[i] | p[i + 1] << 8);
    be += cjk(p[i] << 8 | p[i + 1]);
  }
  // Text that is valid UTF-8 (ASCII: "aa" is U+6161 as UTF-16) never takes this way.
  if (units < 16 || scan_utf8(bytes).invalid == 0) return nullptr;
  if (le * 4 >= units * 3) return &kUtf16le;
  if (be * 4 >= units * 3) return &kUtf16be;
  return nullptr;
}

// Han ideographs (CJK Unified + Extension A) in valid UTF-8 text.
int count_ideographs(std::string_view line) {
  int n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    if ((p[i] & 0xF0) != 0xE0) continue;
    char32_t cp = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    if (cp >= 0x3400 && cp <= 0x9FFF) ++n;
  }
  return n;
}

// Per-line evidence for a file that is not valid UTF-8 as a whole:
//  - UTF-8 line: valid, with >= 2 ideographs. Of 27,570 corpus lines (column lines and 4/8-
//    character prefixes) encoded as GB18030 or Big5, none qualifies by accident.
//  - legacy line: invalid UTF-8, decodes strictly as GB18030 or Big5, and less than 60 % of its
//    high bytes form valid UTF-8 sequences. On the same lines ~97 % of GB18030 lines are below
//    that, while UTF-8 lines with one byte deleted (damage, truncation) are ~99 % above it.
struct LineEvidence {
  int utf8_line = 0, legacy_line = 0;
  std::string legacy;  // "GB18030", "Big5" or "GB18030 or Big5"
};

LineEvidence line_evidence(std::string_view bytes) {
  LineEvidence ev;
  int line = 0;
  for (size_t start = 0; start < bytes.size() && !(ev.utf8_line && ev.legacy_line);) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view l = bytes.substr(start, end - start);
    ++line;
    start = end + 1;
    Utf8Scan s = scan_utf8(l);
    if (s.invalid == 0) {
      if (!ev.utf8_line && count_ideographs(l) >= 2) ev.utf8_line = line;
    } else if (!ev.legacy_line && s.multibyte_bytes * 10 < s.high_bytes * 6) {
      bool gb = decodes_strictly(l, kGb18030.icu);
      bool big5 = decodes_strictly(l, kBig5.icu) || decodes_strictly(l, kBig5Hkscs.icu);
      if (gb || big5) {
        ev.legacy_line = line;
        ev.legacy = gb && big5 ? "GB18030 or Big5" : gb ? kGb18030.name : kBig5.name;
      }
    }
  }
  return ev;
}

// The only damage is a multi-byte sequence cut off by the end of the file.
bool truncated_at_end(std::string_view bytes, const Utf8Scan& u) {
  if (u.first_invalid == std::string_view::npos || u.multibyte == 0) return false;
  std::string_view tail = bytes.substr(u.first_invalid);
  auto lead = static_cast<unsigned char>(tail[0]);
  size_t need = (lead >= 0xC2 && lead <= 0xDF) ? 2 : (lead >= 0xE0 && lead <= 0xEF) ? 3 : (lead >= 0xF0 && lead <= 0xF4) ? 4 : 0;
  if (need == 0 || tail.size() >= need) return false;
  for (size_t k = 1; k < tail.size(); ++k)
    if ((static_cast<unsigned char>(tail[k]) & 0xC0) != 0x80) return false;
  return true;
}

}  // namespace

std::string fold_encoding_name(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-' && c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const Encoding* find_encoding(std::string_view name) {
  std::string key = fold_encoding_name(name);
  for (const auto& a : kAliases)
    if (key == a.key) return a.enc;
  return nullptr;
}

std::string known_encoding_names() { return "UTF-8, UTF-16LE, UTF-16BE, GB18030 (GB2312), GBK, Big5, Big5-HKSCS"; }

Detection detect_encoding(std::string_view bytes, const std::string& name) {
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) return {&kUtf8, 3};
  if (starts("\xFF\xFE")) return {&kUtf16le, 2};
  if (starts("\xFE\xFF")) return {&kUtf16be, 2};
  if (const Encoding* e = sniff_utf16(bytes)) return {e, 0};
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
    throw input_error(name + ": looks like a binary file (NUL byte at byte offset " + std::to_string(nul) + ")",
                      "paiban reads plain text (UTF-8, UTF-16, GB18030, GBK, Big5) or article XML");
  Utf8Scan u = scan_utf8(bytes);
  if (u.invalid == 0 || truncated_at_end(bytes, u)) return {&kUtf8, 0};
  // Lines in UTF-8 next to lines in GB18030/Big5 (pasted from two sources) cannot be decoded as
  // one encoding without turning one part into mojibake, so the file is refused.
  LineEvidence ev = line_evidence(bytes);
  if (ev.utf8_line && ev.legacy_line) {
    std::string first = ev.legacy.substr(0, ev.legacy.find(' '));
    throw input_error(name + ":" + std::to_string(ev.legacy_line) + ": mixed encodings: line " +
                          std::to_string(ev.utf8_line) + " is UTF-8 but line " + std::to_string(ev.legacy_line) +
                          " is " + ev.legacy,
                      "convert the file to one encoding first (e.g. iconv -f " + first +
                          " -t UTF-8 on that part); paiban does not guess encodings line by line");
  }
  // UTF-8 lines and no legacy ones, or mostly valid UTF-8 with a few bad bytes: broken UTF-8,
  // not another encoding. The decoder then reports the bad bytes instead of turning them into
  // plausible Han text.
  if (ev.utf8_line || (u.multibyte >= 8 && u.multibyte >= 4 * u.invalid)) return {&kUtf8, 0};
  const Trial gb_trial = trial_decode(bytes, kGb18030.icu), big5_trial = trial_decode(bytes, kBig5.icu);
  bool gb = gb_trial != Trial::invalid, big5 = big5_trial != Trial::invalid;
  // Text that only Big5-HKSCS reads without user-defined (private) characters is Hong Kong's.
  if (gb_trial != Trial::clean && big5_trial != Trial::clean && trial_decode(bytes, kBig5Hkscs.icu) == Trial::clean)
    return {&kBig5Hkscs, 0};
  if (gb && !big5) return {&kGb18030, 0};
  if (big5 && !gb) return {&kBig5, 0};
  int cg = detector_confidence(bytes, "GB18030");
  int cb = detector_confidence(bytes, "Big5");
  return {cb > cg ? &kBig5 : &kGb18030, 0};
}

}  // namespace paiban
