// What a batch knows about each entry of its source, from listing to the report.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace paiban::batch {

enum class Status {
  pending,    // an input still to read
  converted,  // outputs written in this run
  unchanged,  // outputs already up to date (manifest): nothing written
  failed,     // a bad input (undecodable, empty, binary, too large, bad XML) or a write error
  refused,    // a hostile entry (absolute path, .., link, device, decompression bomb)
  skipped,    // not an input (not .txt/.xml, hidden, in __MACOSX/)
};
const char* status_name(Status s);
bool is_problem(Status s);  // failed or refused: makes the exit code 3

// One entry of the source as listed (pass 1), in source order.
struct Entry {
  std::string stored;        // the name's bytes as stored in the source (any encoding)
  std::string name;          // decoded to UTF-8 (may be hostile; for messages only)
  std::string stored_hex;    // the stored bytes in hex when they differ from `name`, else ""
  std::string rel;           // normalised relative path, '/'-separated; "" when refused for its path
  std::uint64_t size = 0;    // declared size in bytes (archive header or stat)
  bool regular = false;      // a regular file (not a folder, link or device)
  bool folder = false;       // an archive's folder entry: structure only, not reported
  long link_to = -1;         // a hard link to this earlier regular entry: read as its copy
  Status status = Status::pending;
  std::string reason, hint;  // why it is refused, failed or skipped
};

// What OCR found on one page of a scan, for the report.
struct PageFigures {
  int number = 0;      // 1-based page of the file
  std::string via;     // "ocr" or "text layer"
  std::size_t words = 0;
  float confidence = -1;  // mean word confidence 0–100; -1 none (a text layer)
  int articles = 0;
  std::map<std::string, int> repairs;  // OCR repairs made on it, by kind
};

// One line of the report.
struct Item {
  std::string input;                 // relative path (or the stored name when refused)
  Status status = Status::pending;
  std::vector<std::string> outputs;  // relative to DIR
  std::vector<std::string> warnings;
  std::string error, hint;
  std::string stored_hex;            // the name's stored bytes when they were decoded (hex)
  bool article = false;              // skipped yet named like an article (a hidden .txt): exit 3
  std::uint64_t bytes = 0;           // input size
  double seconds = 0;                // time spent on it in this run
  int articles = -1;                 // articles found (a scanned page holds several); -1 unknown
  std::map<std::string, int> repairs;  // OCR repairs made, by kind
  std::vector<PageFigures> pages;    // a scan converted in this run: each page's figures
};

}  // namespace paiban::batch
