// decode: bytes → UTF-8 (NFC) source lines. Strict: an invalid byte sequence is an error with
// its line and byte offset, never a silent U+FFFD.
#include "decode/decode.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/error.h"
#include "core/unicode.h"
#include "decode/detect.h"

namespace paiban {

namespace {

// 1-based line of a byte offset in an ASCII-compatible encoding (counts LF, and CR not before LF).
int line_of_offset(std::string_view bytes, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) ++line;
  return line;
}

// `bytes` excludes the BOM; `base` is its length, so offsets are reported from the file's start.
[[noreturn]] void invalid_sequence(std::string_view bytes, size_t offset, size_t len, const Encoding& enc,
                                   const std::string& name, bool detected, size_t base) {
  bool ascii_compatible = std::string_view(enc.name).substr(0, 6) != "UTF-16";
  std::string where = name;
  if (ascii_compatible) where += ":" + std::to_string(line_of_offset(bytes, offset));
  std::string hint = detected ? "the file was read as " + std::string(enc.name) +
                                    "; if that is wrong, force one with --encoding (" + known_encoding_names() + ")"
                              : "check --encoding; the file may be in another encoding or damaged";
  if (offset + len >= bytes.size() && len > 0) hint = "the file ends in the middle of a character (truncated?); " + hint;
  throw input_error(where + ": invalid " + enc.name + " byte sequence " + hex_bytes(bytes.substr(offset, len)) +
                        " at byte offset " + std::to_string(base + offset),
                    hint);
}

// Validated UTF-8 passes straight through; other encodings go through ICU with STOP callbacks.
std::string to_utf8_strict(std::string_view bytes, const Encoding& enc, const std::string& name, bool detected,
                           size_t base) {
  if (std::string_view(enc.name) == "UTF-8") {
    Utf8Scan s = scan_utf8(bytes);
    if (s.first_invalid != std::string_view::npos) {
      size_t len = 1;
      while (len < 4 && s.first_invalid + len < bytes.size() &&
             (static_cast<unsigned char>(bytes[s.first_invalid + len]) & 0xC0) == 0x80)
        ++len;
      invalid_sequence(bytes, s.first_invalid, len, enc, name, detected, base);
    }
    return std::string(bytes);
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(enc.icu, &err), ucnv_close);
  if (U_FAILURE(err)) throw Error(ExitCode::internal, std::string("ICU has no converter for ") + enc.name);
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u16(bytes.size() + 16, u'\0');
  const char* src = bytes.data();
  const char* end = src + bytes.size();
  UChar* dst = reinterpret_cast<UChar*>(u16.data());
  UChar* dst_end = dst + u16.size();
  err = U_ZERO_ERROR;
  ucnv_toUnicode(cnv.get(), &dst, dst_end, &src, end, nullptr, true, &err);
  if (U_FAILURE(err)) {
    char bad[8];
    int8_t bad_len = sizeof bad;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv.get(), bad, &bad_len, &e2);
    size_t consumed = static_cast<size_t>(src - bytes.data());
    size_t len = bad_len > 0 ? static_cast<size_t>(bad_len) : 1;
    invalid_sequence(bytes, consumed >= len ? consumed - len : consumed, len, enc, name, detected, base);
  }
  u16.resize(static_cast<size_t>(dst - reinterpret_cast<UChar*>(u16.data())));
  std::string out;
  icu::UnicodeString(false, reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()))
      .toUTF8String(out);
  return out;
}

std::string nfc_span(std::string utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || n->isNormalizedUTF8(utf8, err)) return utf8;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  err = U_ZERO_ERROR;
  n->normalizeUTF8(0, utf8, sink, nullptr, err);
  return U_SUCCESS(err) ? out : utf8;
}

// CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) have canonical decompositions, so
// NFC would silently swap them for their unified twins; archives need the character as printed.
bool cjk_compatibility(char32_t cp) { return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F); }

// NFC everywhere except on CJK compatibility ideographs, which are kept as they are.
std::string nfc(std::string utf8) {
  std::string out, span;
  for (size_t i = 0; i < utf8.size();) {
    size_t start = i;
    char32_t cp = next_code_point(utf8, i);
    if (cjk_compatibility(cp)) {
      out += nfc_span(std::move(span));
      span.clear();
      out.append(utf8, start, i - start);
    } else {
      span.append(utf8, start, i - start);
    }
  }
  return out + nfc_span(std::move(span));
}

// Line ends LF, CRLF and CR; a form feed (page break from PDF extraction) is not content.
// Other control characters are errors: they mean binary junk or a wrong encoding.
std::vector<std::string> split_lines(const std::string& text, const std::string& name, const Limits& limits) {
  std::vector<std::string> lines;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r') {
      check_line_length(cur.size(), static_cast<int>(lines.size() + 1), name, limits);
      lines.push_back(std::move(cur));
      cur.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\f' || (c == 0x1A && i + 1 == text.size())) {
      continue;
    } else if ((c < 0x20 && c != '\t') || c == 0x7F ||
               (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0)) {
      // C0 and C1 controls (U+0080–U+009F, UTF-8 C2 80–C2 9F) never occur in newspaper text.
      char32_t cp = c == 0xC2 ? static_cast<unsigned char>(text[i + 1]) : c;
      throw input_error(name + ":" + std::to_string(lines.size() + 1) + ": control character " +
                            code_point_label(cp) + " in the text",
                        "this looks like binary data or a wrong encoding; remove it or check --encoding");
    } else if (c == 0xEF && text.compare(i + 1, 1, "\xBF") == 0 && i + 2 < text.size() &&
               (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      // U+FFFE/U+FFFF are not characters (XML 1.0 §2.2 excludes them); a byte-swapped BOM or junk.
      throw input_error(name + ":" + std::to_string(lines.size() + 1) + ": non-character " +
                            code_point_label(0xFFFE + (static_cast<unsigned char>(text[i + 2]) & 1)) + " in the text",
                        "this looks like binary data or UTF-16 read with the wrong byte order; check --encoding");
    } else {
      cur += static_cast<char>(c);
    }
  }
  if (!cur.empty()) {
    check_line_length(cur.size(), static_cast<int>(lines.size() + 1), name, limits);
    lines.push_back(std::move(cur));
  }
  return lines;
}

}  // namespace

std::string hex_bytes(std::string_view b) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : b) {
    if (!out.empty()) out += ' ';
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

bool looks_like_xml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = bytes.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && bytes[i] == '<';
}

Decoded decode_bytes(std::string_view bytes, const std::string& name, const std::string& forced,
                   const Limits& limits) {
  if (bytes.empty()) throw input_error(name + ": empty file", "there is nothing to convert; check the file");
  check_input_size(bytes.size(), name, limits);
  Detection det{};
  if (!forced.empty()) {
    const Encoding* enc = find_encoding(forced);
    if (!enc) throw usage_error("unknown encoding '" + forced + "'", "use one of " + known_encoding_names());
    det.encoding = enc;
    auto bom = [&](std::string_view b) { return bytes.substr(0, b.size()) == b; };
    std::string_view n = enc->name;
    if (n == "UTF-8" && bom("\xEF\xBB\xBF")) det.bom = 3;
    if ((n == "UTF-16LE" && bom("\xFF\xFE")) || (n == "UTF-16BE" && bom("\xFE\xFF"))) det.bom = 2;
  } else {
    det = detect_encoding(bytes, name);
  }
  std::string utf8 = nfc(to_utf8_strict(bytes.substr(det.bom), *det.encoding, name, forced.empty(), det.bom));
  Decoded out;
  out.encoding = det.encoding->name;
  out.lines = split_lines(utf8, name, limits);
  return out;
}

}  // namespace paiban
