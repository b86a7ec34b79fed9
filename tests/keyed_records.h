// Test cases as keyed records in data files (like HarfBuzz's tests/*.tests), for cases with
// several fields (tests/records.h has the one-line INPUT → EXPECTED form):
//   # comment
//   name: truncated-utf8
//   input: 中文\xE4\xB8
//   error: invalid UTF-8 byte sequence E4 B8
// Records are separated by blank lines; each line is "key: value". Values written with
// unescape() may use C escapes (\xHH \n \r \t \0 \\) and ⟦N×TEXT⟧ for TEXT repeated N times,
// so a 10 MB line is one short record.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "test_util.h"

namespace paiban::test {

struct KeyedRecord {
  std::map<std::string, std::string> fields;
  int line = 0;  // where the record starts in its file, for failure messages
  bool has(const std::string& k) const { return fields.count(k) > 0; }
  const std::string& operator[](const std::string& k) const {
    auto it = fields.find(k);
    if (it == fields.end()) throw std::runtime_error("record at line " + std::to_string(line) + " has no '" + k + "'");
    return it->second;
  }
};

inline std::vector<KeyedRecord> read_keyed_records(const std::string& path) {
  std::vector<KeyedRecord> out;
  std::string text = read_file(path);
  if (text.empty()) throw std::runtime_error(path + ": missing or empty");
  KeyedRecord cur;
  int n = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string l = text.substr(pos, end - pos);
    pos = end + 1;
    ++n;
    if (!l.empty() && l[0] == '#') continue;
    if (l.empty()) {
      if (!cur.fields.empty()) out.push_back(std::move(cur));
      cur = KeyedRecord{};
      continue;
    }
    size_t colon = l.find(": ");
    std::string key = l.substr(0, colon), value = colon == std::string::npos ? "" : l.substr(colon + 2);
    if (colon == std::string::npos && l.back() == ':') key = l.substr(0, l.size() - 1);
    if (cur.fields.empty()) cur.line = n;
    cur.fields[key] = value;
  }
  if (!cur.fields.empty()) out.push_back(std::move(cur));
  return out;
}

inline std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "⟦") == 0) {  // ⟦N×TEXT⟧
      size_t times = s.find("×", i), close = s.find("⟧", i);
      if (times == std::string::npos || close == std::string::npos || times > close)
        throw std::runtime_error("bad repeat in " + s);
      long n = std::stol(s.substr(i + 3, times - i - 3));
      std::string unit = unescape(s.substr(times + 2, close - times - 2));
      out.reserve(out.size() + unit.size() * static_cast<size_t>(n));
      for (long k = 0; k < n; ++k) out += unit;
      i = close + 2;
      continue;
    }
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'f': out += '\f'; break;
      case '0': out += '\0'; break;
      case '\\': out += '\\'; break;
      case 'x':
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
        break;
      default: throw std::runtime_error(std::string("unknown escape \\") + c + " in " + s);
    }
  }
  return out;
}

// The contract of a record with `error:` (tests/data/hostile/*.tests): `f` throws an input Error
// whose message holds `error:` on one short line, with a hint that holds `hint:` when given.
template <class F>
void expect_record_error(const KeyedRecord& r, F&& f) {
  try {
    f();
    ADD_FAILURE() << "succeeded without error; expected: " << r["error"];
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_EQ(e.code(), ExitCode::input);
    EXPECT_NE(msg.find(r["error"]), std::string::npos) << "message: " << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
    EXPECT_LT(msg.size(), 300u) << "short: " << msg;
    EXPECT_FALSE(e.hint().empty()) << msg;
    if (r.has("hint")) {
      EXPECT_NE(e.hint().find(r["hint"]), std::string::npos) << "hint: " << e.hint();
    }
  }
}

}  // namespace paiban::test
