// Test cases as short records, one per line, in tests/data/<feature>/*.tests (like HarfBuzz's
// tests/*.tests):
//
//   # a comment says what the next records show
//   INPUT → EXPECTED
//
// INPUT is source text with ⏎ between lines (⏎⏎ is an empty line), or fields separated by ';'
// (layout/break.tests: measure;options;text, style/errors.tests: find;replace). What EXPECTED
// means is up to the test that reads the file. Records keep their file and line for failure
// messages. Cases with several fields each on a line of its own are keyed records (keyed_records.h).
#pragma once

#include <string>
#include <vector>

#include "test_util.h"

namespace paiban::test {

struct Record {
  std::string where;  // "file.tests:12"
  std::string input, expected;
};

inline std::vector<Record> read_records(const std::string& rel) {
  std::vector<Record> out;
  std::string text = read_file(data(rel));
  auto lines = split(text, "\n");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty() || l[0] == '#') continue;
    size_t arrow = l.find(" → ");
    std::string where = rel + ":" + std::to_string(i + 1);
    if (arrow == std::string::npos) {
      out.push_back({where + " (no ' → ' in the record)", l, "?"});
      continue;
    }
    out.push_back({where, l.substr(0, arrow), l.substr(arrow + std::string(" → ").size())});
  }
  return out;
}

// INPUT's source lines.
inline std::vector<std::string> record_lines(const std::string& input) { return split(input, "⏎"); }

}  // namespace paiban::test
