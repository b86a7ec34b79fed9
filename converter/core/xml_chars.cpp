// check (xml chars): reject what XML 1.0 forbids or what would not survive write → read.
#include "core/xml_chars.h"

#include <cctype>

#include "core/unicode.h"
#include "core/utf8.h"
#include "core/unicode.h"
#include "core/utf8.h"

namespace paiban::xml_chars {

namespace {

// XML 1.0 Char minus CR: a CR reaching the model (via &#13;) would be written raw and read
// back as LF (§2.11 end-of-line handling), so the round trip could not be faithful.
bool allowed(char32_t cp, bool text) {
  if (cp < 0x20) return text && (cp == '\t' || cp == '\n');
  if (cp >= 0x7F && cp <= 0x9F) return false;  // DEL and C1 controls: refused by decode too
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

std::string hex2(unsigned char c) {
  const char* d = "0123456789ABCDEF";
  return std::string{d[c >> 4], d[c & 15]};
}

// Skips "<![CDATA[…]]>", "<!--…-->" and "<?…?>" starting at i (where no reference is expanded).
size_t skip_literal_section(std::string_view b, size_t i) {
  auto skip_to = [&](std::string_view end) {
    size_t e = b.find(end, i);
    return e == std::string_view::npos ? b.size() : e + end.size();
  };
  if (b.compare(i, 9, "<![CDATA[") == 0) return skip_to("]]>");
  if (b.compare(i, 4, "<!--") == 0) return skip_to("-->");
  if (b.compare(i, 2, "<?") == 0) return skip_to("?>");
  return i;
}

// The declared encoding of "<?xml … encoding='X' ?>", "" when none.
std::string declared_encoding(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  if (b.substr(0, 5) != "<?xml") return {};
  size_t end = b.find("?>");
  std::string_view decl = b.substr(0, end);
  size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return {};
  p = decl.find_first_of("\"'", p);
  if (p == std::string_view::npos) return {};
  size_t q = decl.find(decl[p], p + 1);
  if (q == std::string_view::npos) return {};
  return std::string(decl.substr(p + 1, q - p - 1));
}

// Length of the well-formed reference at r[0] == '&' (XML 1.0 §4.1), 0 when malformed or not
// one of the five predefined entities (there is no DTD to declare others).
size_t reference_length(std::string_view r) {
  for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
    if (r.substr(0, e.size()) == e) return e.size();
  if (r.substr(0, 2) != "&#") return 0;
  size_t j = 2;
  bool hex = j < r.size() && r[j] == 'x';
  if (hex) ++j;
  size_t digits = j;
  while (j < r.size() && j - digits < 12 &&
         (hex ? std::isxdigit(static_cast<unsigned char>(r[j])) : std::isdigit(static_cast<unsigned char>(r[j]))))
    ++j;
  return j > digits && j < r.size() && r[j] == ';' ? j + 1 : 0;
}

}  // namespace

Problem check_raw(std::string_view b, const char* kind) {
  if (b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF")
    return {0, std::string("the XML is in UTF-16; ") + kind + " is read as UTF-8 only",
            "convert it (iconv -f UTF-16 -t UTF-8) and write encoding=\"UTF-8\""};
  std::string enc = declared_encoding(b);
  std::string folded;
  for (char c : enc)
    if (c != '-' && c != '_') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!enc.empty() && folded != "utf8")
    return {0, "the XML declares encoding \"" + excerpt(enc) + "\"; " + kind + " is read as UTF-8 only",
            "convert it to UTF-8 (iconv -t UTF-8) and write encoding=\"UTF-8\""};
  if (Utf8Scan s = scan_utf8(b); s.first_invalid != std::string_view::npos)
    return {s.first_invalid,
            "invalid UTF-8 byte " + hex2(static_cast<unsigned char>(b[s.first_invalid])) + " at byte offset " +
                std::to_string(s.first_invalid),
            std::string(kind) + " must be UTF-8; the file may be damaged or in another encoding"};
  for (size_t i = 0; i < b.size();) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c > '<' || (c > '&' && c < '<') || (c >= 0x20 && c < '&')) {  // the common case: nothing to check
      ++i;
      continue;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      return {i, "control character " + code_point_label(c) + " is not allowed in XML",
              "remove it; the file may be damaged or binary"};
    if (c == '<' && i + 1 < b.size() && (b[i + 1] == '!' || b[i + 1] == '?')) {
      size_t j = skip_literal_section(b, i);
      if (j != i) { i = j; continue; }
    }
    if (c == '&') {
      size_t len = reference_length(b.substr(i));
      if (len == 0) {
        size_t semi = b.find_first_of(";<& \t\r\n", i + 1);
        std::string ref(b.substr(i, semi != std::string_view::npos && b[semi] == ';' ? semi + 1 - i : 1));
        return {i, "unknown or malformed entity reference \"" + excerpt(ref) + "\"",
                "XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references like &#160; (no DTD "
                "entities); write the character itself, or &amp; for a literal '&'"};
      }
      if (b.compare(i, 2, "&#") == 0 && b.substr(i, len).find_first_not_of("&#x0;") == std::string_view::npos)
        return {i, "character reference " + std::string(b.substr(i, len)) + " (U+0000) is not allowed in XML",
                "remove it"};
      i += len;
      continue;
    }
    ++i;
  }
  return {};
}

std::string check_value(std::string_view v, bool text) {
  if (scan_utf8(v).first_invalid != std::string_view::npos)
    return "a character reference names a surrogate or a code point beyond U+10FFFF";
  for (size_t i = 0; i < v.size();) {
    char32_t cp = next_code_point(v, i);
    if (!allowed(cp, text))
      return "character " + code_point_label(cp) + " is not allowed " + (text ? "in text" : "in an attribute value");
  }
  return {};
}

std::string excerpt(std::string_view s, size_t max) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    if (n == max) return out + "…";
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) out += code_point_label(cp);
    else out.append(s.substr(start, i - start));
  }
  return out;
}

std::string escape(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

}  // namespace paiban::xml_chars
