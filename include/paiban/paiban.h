// paiban as a library: Chinese newspaper OCR → article Document → XML, clean text and PDF.
// The whole public API; every other header of paiban is private. Link `paiban::paiban` (CMake:
// find_package(paiban 0.2 REQUIRED)) or `pkg-config --cflags --libs paiban`.
//
// Every function throws paiban::Error (include/paiban/error.h) on bad input, with the message and
// hint the `paiban` command prints, and nothing else but std::bad_alloc. Functions are safe to call
// from several threads at once; a Typesetter may be shared between threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "paiban/document.h"
#include "paiban/error.h"

namespace paiban {

// "0.2.0": the library's version (the SONAME carries its major.minor).
const char* version();

// Raw column text as OCR gives it (UTF-8, UTF-16, GB18030/GBK or Big5, detected unless `encoding`
// names one), article or page XML, an OCR layout (hOCR, ALTO, PAGE XML) or a scan (PNG, JPEG, TIFF,
// PNM, PDF) → Document: one article, or pages holding articles. `name` is the input's name in
// messages ("<bytes>" when empty) and <article source>.
Document reflow_bytes(std::string_view bytes, const std::string& name = {}, const std::string& encoding = {});
// The same for a file (named by its path in messages).
Document reflow_file(const std::string& path, const std::string& encoding = {});

// Article or page XML (schema/article.rng) → Document; Document → XML. read(write(d)) == d.
Document document_from_xml(std::string_view xml, const std::string& name = {});
std::string document_to_xml(const Document& doc);

// Clean text: blocks separated by an empty line; width 0 keeps a paragraph on one line, N ≥ 4
// rewraps to N display columns by Chinese line-breaking rules; pangu puts a space between Han
// and Latin or digits.
std::string clean_text(const Document& doc, int width = 0, bool pangu = false);

// Typesets Documents into PDF with a style (a name in share/paiban/styles, or a style file). The
// style and its fonts are loaded once; pdf() may then be called from several threads at once.
// pdf() works on the calling thread only (no thread of its own): N threads give N documents at once.
class Typesetter {
 public:
  explicit Typesetter(const std::string& style = "broadsheet");
  Typesetter(Typesetter&&) noexcept;
  Typesetter& operator=(Typesetter&&) noexcept;
  ~Typesetter();
  std::string pdf(const Document& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Typesetter(style).pdf(doc), for one document.
std::string typeset(const Document& doc, const std::string& style = "broadsheet");

// A folder or archive of inputs converted into `out` on a worker pool, as `paiban batch` does
// (docs/batch.md), without a progress line; `progress` is called once per input as it finishes,
// on one thread at a time.
struct BatchOptions {
  std::string src, out;
  std::string formats = "xml,txt,pdf";  // comma-separated: xml, txt, pdf
  std::string style = "broadsheet";
  int jobs = 0;  // 0: the cores this process may use
  bool force = false;  // redo inputs that are up to date
};
struct BatchProgress {
  std::size_t done = 0, total = 0;  // inputs finished so far, of all in the run
  std::string input;                // the one that just finished (its path in the run)
  bool failed = false;              // it failed or was refused (the report says why)
};
// Returns 0 when every input converted, 3 when some failed (report.json in `out` says which).
int run_batch(const BatchOptions& options, const std::function<void(const BatchProgress&)>& progress = {});

}  // namespace paiban
