// Calendar dates of article metadata: <article date="YYYY-MM-DD"> (schema/article.rng), a
// dateline reflow finds above the headline, and {date} in running headers (styles/README.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace paiban {

struct Date {
  int year = 0, month = 0, day = 0;  // proleptic Gregorian calendar
};

// "2025-01-10" exactly (ISO 8601 calendar date, four-digit year); nullopt when not a real date.
std::optional<Date> parse_iso_date(std::string_view s);
std::string iso_date(const Date& d);

// A line that is only a date, as papers print it: "2025年1月10日", "２０２５年１月１０日 星期五",
// "2025-01-10", "2025.1.10", "2025/1/10"; an optional weekday (星期五, 周五, 礼拜五) follows.
std::optional<Date> parse_dateline(std::u32string_view line);

// Chinese newspaper style: "2025年1月10日 星期五".
std::string chinese_date(const Date& d);

}  // namespace paiban
