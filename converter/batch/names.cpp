#include "batch/names.h"

#include <unicode/ucnv.h>

#include <memory>

#include "core/error.h"
#include "core/unicode.h"
#include "decode/detect.h"

namespace paiban::batch {

namespace {

const NameEncoding kUtf8{"UTF-8", "UTF-8"};
// GB18030 decodes every GBK byte pair as GBK does and is what CP936 archivers actually wrote.
const NameEncoding kGbk{"GBK", "GB18030"};
const NameEncoding kBig5{"Big5", "Big5"};
const NameEncoding kSjis{"Shift_JIS", "Shift_JIS"};
const NameEncoding kCp437{"CP437", "ibm-437"};

struct Alias {
  const char* key;  // lower case, no '-' or '_'
  const NameEncoding* enc;
};
const Alias kAliases[] = {
    {"utf8", &kUtf8},     {"gbk", &kGbk},     {"cp936", &kGbk},       {"gb18030", &kGbk},
    {"gb2312", &kGbk},    {"big5", &kBig5},   {"cp950", &kBig5},      {"shiftjis", &kSjis},
    {"sjis", &kSjis},     {"cp932", &kSjis},  {"cp437", &kCp437},     {"ibm437", &kCp437},
};

bool is_utf8(std::string_view s) { return scan_utf8(s).invalid == 0; }

// Strict decode to UTF-8 through UTF-16; false at the first invalid or unmapped sequence, or
// when a character lands in the Private Use Area (user-defined code points: not a real name).
bool decode_strictly(std::string_view raw, const char* icu, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(icu, &err), ucnv_close);
  if (U_FAILURE(err)) return false;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u(raw.size() + 1, u'\0');
  UChar* dst = u.data();
  const char* src = raw.data();
  ucnv_toUnicode(cnv.get(), &dst, u.data() + u.size(), &src, raw.data() + raw.size(), nullptr, true, &err);
  if (U_FAILURE(err)) return false;
  u.resize(static_cast<size_t>(dst - u.data()));
  out.clear();
  for (size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size()) c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) return false;
    append_utf8(out, c);
  }
  return true;
}

// Double-byte characters in the frequently-used part of each standard, judged on the bytes:
// GB 2312's hanzi (GBK rows 0xB0-0xF7, both bytes >= 0xA1), Big5's level 1 (0xA440-0xC67E),
// JIS X 0208 level 1 kanji and kana in Shift_JIS (0x829F-0x9872). Text in one encoding read as
// another lands mostly outside them (GBK's extension rows, Big5 level 2, JIS level 2).
int frequent_pairs(std::string_view raw, const NameEncoding& enc) {
  int n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  for (size_t i = 0; i + 1 < raw.size(); ++i) {
    unsigned lead = p[i], trail = p[i + 1];
    if (lead < 0x81) continue;
    unsigned code = lead << 8 | trail;
    if (&enc == &kGbk) n += lead >= 0xB0 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE;
    else if (&enc == &kBig5) n += code >= 0xA440 && code <= 0xC67E;
    else if (&enc == &kSjis) n += code >= 0x829F && code <= 0x9872;
    if (&enc == &kSjis && lead >= 0xA1 && lead <= 0xDF) continue;  // half-width katakana: one byte
    ++i;
  }
  return n;
}

}  // namespace

NameEncoding parse_name_encoding(std::string_view name) {
  std::string key = fold_encoding_name(name);
  for (const auto& a : kAliases)
    if (key == a.key) return *a.enc;
  throw usage_error("--name-encoding: unknown encoding '" + std::string(name) + "'",
                    "give one of UTF-8, GBK (CP936, GB18030), Big5 (CP950), Shift_JIS (CP932), CP437");
}

NameEncoding detect_name_encoding(const std::vector<std::string>& names) {
  std::vector<const std::string*> legacy;
  for (const std::string& n : names)
    if (!is_utf8(n)) legacy.push_back(&n);
  if (legacy.empty()) return kUtf8;
  const NameEncoding* best = &kCp437;  // decodes any byte: the last resort of DOS-era archivers
  int best_score = -1;
  std::string tmp;
  for (const NameEncoding* enc : {&kGbk, &kBig5, &kSjis}) {
    int score = 0;
    bool all = true;
    for (const std::string* n : legacy) {
      if (!decode_strictly(*n, enc->icu.c_str(), tmp)) {
        all = false;
        break;
      }
      score += frequent_pairs(*n, *enc);
    }
    if (all && score > best_score) {
      best = enc;
      best_score = score;
    }
  }
  return *best;
}

bool decode_name(std::string_view raw, const NameEncoding& enc, std::string& utf8) {
  if (is_utf8(raw)) {
    utf8.assign(raw);
    return true;
  }
  if (enc.icu == kUtf8.icu) return false;
  return decode_strictly(raw, enc.icu.c_str(), utf8);
}

}  // namespace paiban::batch
