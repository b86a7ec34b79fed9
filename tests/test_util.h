// Helpers shared by the unit tests: files, child processes, external tools, data paths, rendered
// pages and expected Errors. Definitions in test_util.cpp (linked into paiban_tests).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace paiban::test {

std::string read_file(const std::string& path);
// Writes `bytes` to `path`, making its folder first.
void write_file(const std::string& path, const std::string& bytes);

// A file under tests/data.
std::string data(const std::string& rel);
// The sample lives in the repo's input/.
std::string sample_path();

// `s` cut at every `sep`: n separators give n + 1 pieces, empty ones kept.
std::vector<std::string> split(const std::string& s, const std::string& sep);

// The characters a reader reads: everything but white space (core/unicode.h is_space).
std::u32string non_space(std::string_view s);

// A fresh temporary folder per test process (emptied if it exists).
std::string temp_dir(const std::string& tag);

struct Run {
  int code = -1;
  std::string out;  // stdout, with stderr merged in unless dropped
};
enum class Stderr { merged, dropped };
// Runs a shell command, capturing its stdout and (by default) its stderr.
Run run(const std::string& cmd, Stderr err = Stderr::merged);

// True when `tool` is on PATH.
bool have_tool(const std::string& tool);
// Skips the test unless every named tool is installed.
#define REQUIRE_TOOLS(...)                       \
  for (const char* t_ : {__VA_ARGS__})           \
    if (!::paiban::test::have_tool(t_)) GTEST_SKIP() << t_ << " not installed (make deps)"

// xmllint --noout --relaxng schema/article.rng FILE. xmllint is required, not optional: when it
// is missing this is a test failure (never a skip or a pass), since the schema is the contract.
Run validate_article_xml(const std::string& path);

// A rendered page in 8-bit gray.
struct Gray {
  int w = 0, h = 0;
  std::vector<unsigned char> px;
};
// Binary PGM (P5, maxval 255) as pdftoppm -gray, mutool draw -c gray and Ghostscript pgmraw
// write it; an empty Gray when the file is not one or is cut short.
Gray read_pgm(const std::string& path);

// Page `page` of `pdf` rendered in gray at `dpi` by poppler (pdftoppm), MuPDF (mutool draw) and
// Ghostscript into `base`-{poppler,mupdf,gs}.pgm; an empty Gray for a renderer that failed.
struct Renders {
  Gray poppler, mupdf, gs;
};
Renders render_three(const std::string& pdf, int page, int dpi, const std::string& base);

// How another renderer's page differs from a reference one. Cells of about 17 pt (a few
// characters) with ink in one and (almost) none in the other: a line or run missing, garbled or
// misplaced in one renderer shows up there, while stroke darkness (hinting, anti-aliasing) does
// not. Renderers round the origin and page size differently, so the common area is compared at
// the best shift of up to 2 pixels.
struct RenderDiff {
  long occupied = 0;     // cells of the reference with ink
  long differ = 0;       // cells inked in one and clear in the other, at the best shift
  double ink = 0;        // the other's total ink / the reference's, at that shift
};
RenderDiff compare_renders(const Gray& ref, const Gray& other, int dpi);

// The Error `f` throws; a test failure when it throws none.
template <class F>
Error catch_error(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected an Error";
  return Error(ExitCode::ok, "");
}

}  // namespace paiban::test
