// PLACEHOLDER until the reflow stage lands: registers the subcommand so the CLI links.
#include "cli/commands.h"
#include "core/error.h"

namespace paiban::cli {

void add_reflow_command(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("reflow", "(not built yet)");
  cmd->callback([&action] {
    action = [] () -> int { throw Error(ExitCode::internal, "'reflow' is not built yet"); };
  });
}

}  // namespace paiban::cli
