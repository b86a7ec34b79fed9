/* Defaults for sanitizer builds (SANITIZE=... / fuzz), linked into every executable so they hold
   however the program is started (ctest, CLI scripts, by hand). A finding exits 86, never one of
   paiban's own exit codes 0-4, so a test expecting "input error" (1) cannot pass on a sanitizer
   report. The environment (ASAN_OPTIONS, ...) still overrides these. */
const char* __asan_default_options(void) {
  return "detect_leaks=1:check_initialization_order=1:strict_init_order=1:exitcode=86";
}
const char* __ubsan_default_options(void) { return "print_stacktrace=1:halt_on_error=1:exitcode=86"; }
const char* __lsan_default_options(void) { return "exitcode=86"; }
