// paiban — raw OCR Chinese newspaper text → article XML, clean text and newspaper PDF.
// Errors are printed once, here, and mapped to the exit codes documented in README.md.
#include <cstdio>
#include <iostream>
#include <new>

#include "cli/commands.h"
#include "core/error.h"

namespace {

int report(const paiban::Error& e) {
  std::cerr << "paiban: error: " << paiban::what_with_causes(e, "\n  because: ") << "\n";
  const std::string& hint = paiban::hint_with_causes(e);
  if (!hint.empty()) std::cerr << "  hint: " << hint << "\n";
  return static_cast<int>(e.code());
}

int report(const paiban::cli::SomeInputsFailed& f) {
  for (const paiban::Error& e : f.errors) report(e);
  std::cerr << "paiban: " << f.errors.size() << " of " << f.inputs << " inputs failed\n";
  return static_cast<int>(f.errors.size() == f.inputs ? paiban::ExitCode::input : paiban::ExitCode::partial);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"paiban (排版): raw OCR Chinese newspaper text → article XML, clean text and PDF"};
  app.set_version_flag("--version", std::string("paiban ") + PAIBAN_VERSION);
  app.require_subcommand(1);
  paiban::cli::Action action;
  paiban::cli::add_reflow_command(app, action);
  paiban::cli::add_text_command(app, action);
  paiban::cli::add_typeset_command(app, action);
  paiban::cli::add_convert_command(app, action);
  paiban::cli::add_batch_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(paiban::ExitCode::usage);
  }
  try {
    return action ? action() : static_cast<int>(paiban::ExitCode::usage);
  } catch (const paiban::Error& e) {
    return report(e);
  } catch (const paiban::cli::SomeInputsFailed& f) {
    return report(f);
  } catch (const std::bad_alloc&) {
    std::cerr << "paiban: error: out of memory\n  hint: split the input or lower --jobs\n";
    return static_cast<int>(paiban::ExitCode::internal);
  } catch (const std::exception& e) {
    std::cerr << "paiban: internal error: " << e.what()
              << "\n  hint: this is a bug; please report it with the input file\n";
    return static_cast<int>(paiban::ExitCode::internal);
  }
}
