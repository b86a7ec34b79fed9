// date: parse and print the calendar dates of article metadata (core/date.h).
#include "core/date.h"

#include <cstdio>

#include "core/unicode.h"

namespace paiban {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool real(const Date& d) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= days[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
}

// 0 = Sunday (Sakamoto's method for the Gregorian calendar).
int weekday(const Date& d) {
  static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = d.year - (d.month < 3 ? 1 : 0);
  return (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7;
}

int digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');  // full-width digits in OCR text
  return -1;
}

bool space(char32_t c) { return is_space(c); }

// Reads 1..max digits at s[i]; -1 when there are none.
int number(std::u32string_view s, size_t& i, size_t max) {
  size_t start = i;
  int v = 0;
  while (i < s.size() && i - start < max && digit(s[i]) >= 0) v = v * 10 + digit(s[i++]);
  return i > start ? v : -1;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (!real(d)) return std::nullopt;
  return d;
}

std::string iso_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<Date> parse_dateline(std::u32string_view s) {
  size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  Date d;
  size_t year_at = i;
  d.year = number(s, i, 4);
  if (d.year < 0 || i - year_at != 4 || i >= s.size()) return std::nullopt;
  char32_t sep = s[i];
  bool han = sep == U'年';
  if (!han && sep != U'-' && sep != U'.' && sep != U'/') return std::nullopt;
  ++i;
  d.month = number(s, i, 2);
  if (d.month < 0 || i >= s.size() || s[i] != (han ? U'月' : sep)) return std::nullopt;
  ++i;
  d.day = number(s, i, 2);
  if (d.day < 0) return std::nullopt;
  if (han) {
    if (i >= s.size() || (s[i] != U'日' && s[i] != U'号')) return std::nullopt;
    ++i;
  }
  while (i < s.size() && space(s[i])) ++i;
  // An optional weekday: 星期五 / 礼拜五 / 周五 (日 and 天 for Sunday).
  for (std::u32string_view w : {U"星期", U"礼拜", U"周"}) {
    if (s.substr(i, w.size()) == w && i + w.size() < s.size() &&
        std::u32string_view(U"一二三四五六日天").find(s[i + w.size()]) != std::u32string_view::npos) {
      i += w.size() + 1;
      break;
    }
  }
  while (i < s.size() && space(s[i])) ++i;
  if (i != s.size() || !real(d)) return std::nullopt;
  return d;
}

std::string chinese_date(const Date& d) {
  static const char* const names[7] = {"日", "一", "二", "三", "四", "五", "六"};
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日 星期" +
         names[weekday(d)];
}

}  // namespace paiban
