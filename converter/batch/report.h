// report: DIR/report.json and DIR/report.csv (one row per entry: status, outputs, warnings,
// error with a hint a person can act on, time), and the summary printed on stderr.
#pragma once

#include <string>
#include <vector>

#include "batch/entry.h"

namespace paiban::batch {

struct RunInfo {
  std::string version, src, kind, out, formats, style, shard;  // shard: "" or "K/N"
  int jobs = 1;
  bool interrupted = false;
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> errors;  // source-level (message, hint)
};

struct Totals {
  size_t converted = 0, unchanged = 0, failed = 0, refused = 0, skipped = 0, pending = 0;
  size_t skipped_articles = 0;  // of skipped: named like articles (hidden .txt/.xml)
  // What makes the exit code 3: anything not converted or up to date that was an article.
  size_t problems() const { return failed + refused + skipped_articles; }
};
Totals count(const std::vector<Item>& items);

// Items are written in the order given (run sorts them by input path).
std::string report_json(const RunInfo& info, const std::vector<Item>& items);
std::string report_csv(const std::vector<Item>& items);
// A few lines: the totals, then up to `max_listed` problems with their reasons.
std::string summary_text(const RunInfo& info, const std::vector<Item>& items,
                         const std::string& report_path, size_t max_listed = 10);

std::string json_string(const std::string& s);  // quoted, escaped; invalid UTF-8 → U+FFFD

}  // namespace paiban::batch
