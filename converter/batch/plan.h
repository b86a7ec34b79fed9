// plan: the listing → which entries are inputs, what each one's outputs are called, and which
// belong to this shard. Decided from the whole listing before anything is read, so the names
// do not depend on --jobs, --shard or the order work finishes in.
#pragma once

#include <string>
#include <vector>

#include "batch/batch.h"
#include "batch/entry.h"
#include "batch/sources.h"

namespace paiban::batch {

struct Task {
  size_t entry = 0;                  // index into Listing::entries
  std::string input;                 // its relative path
  std::string stored_hex;            // its name's stored bytes when they were decoded
  std::vector<std::string> outputs;  // relative to DIR, in the order xml, txt, pdf, kept OCR
  int kept = -1;                     // index in outputs of --keep-ocr's file; -1 none
  std::string note;                  // a warning for the report (its names were changed)
};

struct Plan {
  std::vector<Task> tasks;           // inputs of this shard to convert, in listing order
  std::vector<Item> settled;         // this shard's entries decided without converting them
  std::vector<int> task_of_entry;    // entry index → task index, or -1
};

// Output names (docs/batch.md "Outputs"): `rel/a.txt` → `rel/a.xml`, `rel/a.txt` (clean text),
// `rel/a.pdf`. When two inputs would share names (`a.txt` and `a.xml`), each keeps its whole
// name instead: `a.txt.xml`, `a.xml.xml`, ...
Plan make_plan(const Listing& listing, const Options& opts);

// The length of a scan's extension (".png", ".tif", ".pdf", …; any case), 0 for any other name.
size_t scan_extension_length(const std::string& rel);

// --keep-ocr's output beside the others: ".hocr" or ".alto.xml".
inline const char* kept_extension(scan::Keep keep) { return keep == scan::Keep::alto ? ".alto.xml" : ".hocr"; }

// Whether a path is an input by its name: .txt or .xml (any case), not hidden, not in __MACOSX/.
// Otherwise returns the reason it is skipped.
std::string skip_reason(const std::string& rel);

}  // namespace paiban::batch
