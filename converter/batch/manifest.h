// manifest: what earlier runs wrote into DIR (input hash + options + version → outputs), so a
// rerun skips what is up to date and resumes an interrupted run. A journal: one line appended
// per converted input (a kill loses at most the line being written), compacted at start and end.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace paiban::batch {

struct Record {
  std::string input;                                           // relative path in the source
  std::uint64_t hash = 0;                                      // hash64 of its bytes
  std::string key;                                             // options + version (manifest_key)
  std::vector<std::pair<std::string, std::uint64_t>> outputs;  // relative to DIR, size in bytes
  std::vector<std::string> warnings;
  int articles = -1;                    // what the report says of an unchanged input, as when it was converted
  std::map<std::string, int> repairs;
  // "" = converted (outputs as listed). Otherwise no outputs and why: kRunning (a run started
  // converting it; a later line replaces this one when it ends — left last, the run was killed
  // while converting it, most likely for memory), kMemory (refused or killed for memory: a
  // resume does not try it again, --force does), kFailed (an ordinary failure: tried again).
  std::string failure;
};
inline constexpr const char* kRunning = "running";
inline constexpr const char* kMemory = "memory";
inline constexpr const char* kFailed = "failed";

// Everything that changes the outputs besides the input: version, formats, style, and
// SOURCE_DATE_EPOCH (it sets the PDF's dates).
std::string manifest_key(const std::string& formats, const std::string& style);

std::string format_record(const Record& r);            // one line with its '\n'
bool parse_record(const std::string& line, Record& r);  // false for a damaged line

class Manifest {
 public:
  explicit Manifest(std::string path) : path_(std::move(path)) {}
  ~Manifest();
  Manifest(const Manifest&) = delete;
  Manifest& operator=(const Manifest&) = delete;

  // Reads the file if present; a missing or damaged file (or line) only means redoing work.
  void load();
  // The record of an earlier run; safe from many threads while the run appends.
  const Record* find(const std::string& input) const;
  // Rewrites the file from what was loaded (dropping damaged lines), then opens it to append.
  void start();
  void append(const Record& r);  // from any thread
  // Rewrites the file with the loaded records updated by the appended ones.
  void finish();

 private:
  std::string path_;
  std::map<std::string, Record> records_;  // loaded; not changed during a run
  std::map<std::string, Record> updates_;  // appended in this run
  int fd_ = -1;
  std::mutex append_mutex_;  // workers append kRunning records beside the collector
};

}  // namespace paiban::batch
