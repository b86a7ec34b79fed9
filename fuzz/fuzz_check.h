// Shared by the fuzz targets and the regression test that replays their findings
// (tests/regress_test.cpp): a violated invariant prints what broke and aborts, which libFuzzer
// records as a crash and gtest as a failed test.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.h"

namespace paiban::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "paiban fuzz invariant violated: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void check(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

// Bad input must be reported as a paiban::Error with an input/usage code and a message naming
// the input ("where: what"); anything else escaping a stage is a bug.
inline void check_error(const Error& e, std::string_view name) {
  std::string_view msg = e.what();
  check(e.code() == ExitCode::input || e.code() == ExitCode::usage,
        "bad input gave exit code " + std::to_string(static_cast<int>(e.code())) + ": " + std::string(msg));
  check(msg.substr(0, name.size()) == name, "error message does not start with the input's name: " + std::string(msg));
  check(!msg.empty() && msg.size() < 2000, "error message empty or huge: " + std::string(msg.substr(0, 200)));
  check(msg.find('\n') == std::string_view::npos, "error message spans lines: " + std::string(msg));
}

// Each target's body, callable from libFuzzer and from the regression test.
void decode_reflow_one(std::string_view bytes);
void xml_one(std::string_view bytes);
void style_one(std::string_view bytes);
void typeset_one(std::string_view bytes);
void scan_image_one(std::string_view bytes);
void ocr_read_one(std::string_view bytes);
void text_layer_one(std::string_view bytes);
void batch_names_one(std::string_view bytes);
void figure_image_one(std::string_view bytes);
void plan_one(std::string_view bytes);

}  // namespace paiban::fuzz

// The libFuzzer entry, left out when the file is compiled into the regression test.
#ifndef PAIBAN_FUZZ_NO_ENTRY
#define PAIBAN_FUZZ_ENTRY(fn)                                                  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {    \
    fn(std::string_view(reinterpret_cast<const char*>(data), size));           \
    return 0;                                                                  \
  }
#else
#define PAIBAN_FUZZ_ENTRY(fn)
#endif
