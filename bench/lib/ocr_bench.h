// reflow_bench --ocr DIR: every input mode of a real-OCR set (docs/ocr-devset.md) scored
// after reflow and, beside it, for the baseline "keep the OCR's own paragraphs".
#pragma once

#include <string>
#include <vector>

namespace paiban::bench {

struct OcrBenchOptions {
  std::vector<std::string> dirs;  // one set each (dev, held-out), printed in turn
  bool per_page = false;          // one line per page and mode as well
  std::string diff_mode;          // "hOCR psm3": under each page line of that mode, its failures
};

// Prints the figures; returns the exit code (1 when a set cannot be read).
int run_ocr_bench(const OcrBenchOptions& opt);

}  // namespace paiban::bench
