// space: the optional "pangu" spacing between Han and Latin/digits. Newspapers set that gap as
// spacing, not a character (clreq §3.2.1), so paiban writes none by default.
#include "reflow/chars.h"
#include "text/stages.h"

namespace paiban::text_stages {

namespace {

bool ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
}

}  // namespace

std::u32string pangu(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t k = 0; k < s.size(); ++k) {
    if (k > 0) {
      char32_t a = s[k - 1], b = s[k];
      bool han_a = chars::classify(a) == chars::Cls::han, han_b = chars::classify(b) == chars::Cls::han;
      // "在APEC会议" → "在 APEC 会议", "增长5.2%以上" → "增长 5.2% 以上".
      if ((han_a && ascii_alnum(b)) || ((ascii_alnum(a) || a == U'%') && han_b)) out += U' ';
    }
    out += s[k];
  }
  return out;
}

}  // namespace paiban::text_stages
