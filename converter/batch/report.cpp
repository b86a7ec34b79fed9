#include "batch/report.h"

#include <charconv>
#include <cstdio>

namespace paiban::batch {

namespace {

// Length of the valid UTF-8 sequence at s[i], 0 if invalid (RFC 3629: no overlongs, no surrogates).
size_t utf8_length(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
  if (n == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return 0;
  if (n == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) return 0;
  return n;
}

std::string seconds_text(double s) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, s, std::chars_format::fixed, 3);  // locale-free
  return std::string(buf, r.ptr);
}

// A mean word confidence, one decimal ("87.4"); null when there is none (a PDF's text layer).
std::string confidence_text(float c) {
  if (c < 0) return "null";
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, static_cast<double>(c), std::chars_format::fixed, 1);
  return std::string(buf, r.ptr);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// For the terminal: a refused name may carry escape sequences.
std::string printable(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return out;
}

}  // namespace

const char* status_name(Status s) {
  switch (s) {
    case Status::pending: return "pending";
    case Status::converted: return "converted";
    case Status::unchanged: return "unchanged";
    case Status::failed: return "failed";
    case Status::refused: return "refused";
    case Status::skipped: return "skipped";
  }
  return "?";
}

bool is_problem(Status s) { return s == Status::failed || s == Status::refused; }

Totals count(const std::vector<Item>& items) {
  Totals t;
  for (const Item& it : items) {
    switch (it.status) {
      case Status::converted: ++t.converted; break;
      case Status::unchanged: ++t.unchanged; break;
      case Status::failed: ++t.failed; break;
      case Status::refused: ++t.refused; break;
      case Status::skipped: ++t.skipped, t.skipped_articles += it.article; break;
      case Status::pending: ++t.pending; break;
    }
  }
  return t;
}

namespace {

// {"kind": n, ...}
std::string repairs_json(const std::map<std::string, int>& repairs) {
  std::string o = "{";
  const char* sep = "";
  for (const auto& [kind, n] : repairs) {
    o += sep + json_string(kind) + ": " + std::to_string(n);
    sep = ", ";
  }
  return o + "}";
}

int repair_count(const std::map<std::string, int>& repairs) {
  int n = 0;
  for (const auto& [kind, k] : repairs) n += k;
  return n;
}

}  // namespace

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\ufffd";  // a name that is not UTF-8 (e.g. GBK names from an old zip)
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.append(s, i, n);
    }
    i += n;
  }
  return out + "\"";
}

std::string report_json(const RunInfo& info, const std::vector<Item>& items) {
  Totals t = count(items);
  std::string o = "{\n";
  o += "  \"paiban\": " + json_string(info.version) + ",\n";
  o += "  \"source\": " + json_string(info.src) + ",\n";
  o += "  \"source_kind\": " + json_string(info.kind) + ",\n";
  o += "  \"out\": " + json_string(info.out) + ",\n";
  o += "  \"formats\": " + json_string(info.formats) + ",\n";
  o += "  \"style\": " + json_string(info.style) + ",\n";
  o += "  \"shard\": " + (info.shard.empty() ? std::string("null") : json_string(info.shard)) + ",\n";
  o += "  \"jobs\": " + std::to_string(info.jobs) + ",\n";
  o += "  \"interrupted\": " + std::string(info.interrupted ? "true" : "false") + ",\n";
  o += "  \"seconds\": " + seconds_text(info.seconds) + ",\n";
  o += "  \"totals\": {\"entries\": " + std::to_string(items.size()) +
       ", \"converted\": " + std::to_string(t.converted) + ", \"unchanged\": " + std::to_string(t.unchanged) +
       ", \"failed\": " + std::to_string(t.failed) + ", \"refused\": " + std::to_string(t.refused) +
       ", \"skipped\": " + std::to_string(t.skipped) + ", \"pending\": " + std::to_string(t.pending) + "},\n";
  o += "  \"errors\": [";
  for (size_t i = 0; i < info.errors.size(); ++i)
    o += std::string(i ? ", " : "") + "{\"error\": " + json_string(info.errors[i].first) +
         ", \"hint\": " + json_string(info.errors[i].second) + "}";
  o += "],\n  \"items\": [";
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    o += i ? ",\n    {" : "\n    {";
    o += "\"input\": " + json_string(it.input) + ", \"status\": \"" + status_name(it.status) + "\"";
    if (!it.stored_hex.empty()) o += ", \"stored_name_hex\": " + json_string(it.stored_hex);
    o += ", \"bytes\": " + std::to_string(it.bytes) + ", \"seconds\": " + seconds_text(it.seconds);
    o += ", \"outputs\": [";
    for (size_t k = 0; k < it.outputs.size(); ++k) o += (k ? ", " : "") + json_string(it.outputs[k]);
    o += "], \"warnings\": [";
    for (size_t k = 0; k < it.warnings.size(); ++k) o += (k ? ", " : "") + json_string(it.warnings[k]);
    o += "], \"articles\": " + (it.articles < 0 ? std::string("null") : std::to_string(it.articles));
    o += ", \"repairs\": " + repairs_json(it.repairs);
    if (!it.pages.empty()) {
      o += ", \"pages\": [";
      for (size_t k = 0; k < it.pages.size(); ++k) {
        const PageFigures& p = it.pages[k];
        o += std::string(k ? ", " : "") + "{\"page\": " + std::to_string(p.number) + ", \"via\": " + json_string(p.via) +
             ", \"words\": " + std::to_string(p.words) + ", \"confidence\": " + confidence_text(p.confidence) +
             ", \"articles\": " + std::to_string(p.articles) + ", \"repairs\": " + repairs_json(p.repairs) + "}";
      }
      o += "]";
    }
    if (!it.error.empty()) o += ", \"error\": " + json_string(it.error);
    if (!it.hint.empty()) o += ", \"hint\": " + json_string(it.hint);
    o += "}";
  }
  o += items.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return o;
}

std::string report_csv(const std::vector<Item>& items) {
  // RFC 4180. articles: empty when unknown (not converted); repairs: "kind n" joined by ';';
  // stored_name_hex: the name's stored bytes when they were decoded.
  // pages: a scan's pages as "page via confidence articles repairs" joined by ';' (confidence
  // empty for a text layer; repairs: how many were made on the page).
  std::string o = "input,status,bytes,seconds,outputs,warnings,error,hint,articles,repairs,stored_name_hex,pages\r\n";
  for (const Item& it : items) {
    std::vector<std::string> repairs, pages;
    for (const auto& [kind, n] : it.repairs) repairs.push_back(kind + " " + std::to_string(n));
    for (const PageFigures& p : it.pages)
      pages.push_back(std::to_string(p.number) + " " + p.via + " " + (p.confidence < 0 ? "" : confidence_text(p.confidence)) +
                      " " + std::to_string(p.articles) + " " + std::to_string(repair_count(p.repairs)));
    o += csv_field(it.input) + "," + status_name(it.status) + "," + std::to_string(it.bytes) + "," +
         seconds_text(it.seconds) + "," + csv_field(join(it.outputs, ";")) + "," +
         csv_field(join(it.warnings, " | ")) + "," + csv_field(it.error) + "," + csv_field(it.hint) + "," +
         (it.articles < 0 ? std::string() : std::to_string(it.articles)) + "," + csv_field(join(repairs, ";")) + "," +
         it.stored_hex + "," + csv_field(join(pages, ";")) + "\r\n";
  }
  return o;
}

std::string summary_text(const RunInfo& info, const std::vector<Item>& items,
                         const std::string& report_path, size_t max_listed) {
  Totals t = count(items);
  std::string s = "paiban batch: ";
  if (info.interrupted) s += "interrupted: ";
  s += std::to_string(t.converted) + " converted, " + std::to_string(t.unchanged) + " up to date, " +
       std::to_string(t.failed) + " failed, " + std::to_string(t.refused) + " refused, " +
       std::to_string(t.skipped) + " skipped";
  if (t.skipped_articles) s += " (" + std::to_string(t.skipped_articles) + " named like articles)";
  if (t.pending) s += ", " + std::to_string(t.pending) + " not done";
  char buf[64];
  size_t done = t.converted + t.unchanged + t.failed + t.refused;
  std::snprintf(buf, sizeof buf, " in %.1f s", info.seconds);
  s += buf;
  if (info.seconds > 0 && t.converted) {
    std::snprintf(buf, sizeof buf, " (%.1f files/s)", static_cast<double>(done) / info.seconds);
    s += buf;
  }
  s += "\n";
  for (const auto& [error, hint] : info.errors) {
    s += "  error: " + printable(error) + "\n";
    if (!hint.empty()) s += "    hint: " + hint + "\n";
  }
  size_t listed = 0;
  for (const Item& it : items) {
    if (!is_problem(it.status) && !it.article) continue;
    if (listed++ == max_listed) break;
    std::string what = it.error.compare(0, it.input.size() + 1, it.input + ":") == 0 ? it.error
                                                                                  : it.input + ": " + it.error;
    s += "  " + std::string(status_name(it.status)) + ": " + printable(what) + "\n";
    if (!it.hint.empty()) s += "    hint: " + printable(it.hint) + "\n";
  }
  if (listed > max_listed) s += "  … and " + std::to_string(t.problems() - max_listed) + " more\n";
  if (t.pending) s += "  run the same command again to resume\n";
  s += "  report: " + report_path + "\n";
  return s;
}

}  // namespace paiban::batch
