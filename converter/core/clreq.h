// Chinese line-breaking rules (W3C clreq, "Requirements for Chinese Text Layout",
// https://www.w3.org/TR/clreq/, and GB/T 15834). Shared by the text rewrapper and layout;
// layout adds its compression and spacing rules next to these.
#pragma once

namespace paiban::clreq {

// clreq §3.1.7 "Prohibition rules for line start": 、，；：。！？ closing quotes/brackets,
// the second half of ——/……, interpuncts and small kana-like marks must not start a line.
bool not_at_line_start(char32_t cp);

// clreq §3.1.7 "Prohibition rules for line end": opening quotes/brackets must not end a line.
bool not_at_line_end(char32_t cp);

// clreq §3.1.7 / GB/T 15834 §4.13, §4.14: ——, …… (and runs of the same dash/ellipsis) are
// never split across lines: no break between a and b.
bool inseparable(char32_t a, char32_t b);

// True when a break between a and b is forbidden by the three rules above.
bool forbids_break(char32_t a, char32_t b);

// clreq §3.1.2 punctuation classes (used for compression and justification).
bool is_opening(char32_t cp);   // （《「『“‘【〔〖〈
bool is_closing(char32_t cp);   // ）》」』”’】〕〗〉
bool is_pause_or_stop(char32_t cp);  // 、，；：。！？
bool is_stop(char32_t cp);      // 。！？ (sentence-final)

}  // namespace paiban::clreq
