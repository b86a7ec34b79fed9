// PLACEHOLDER until the batch stage lands: registers the subcommand so the CLI links.
#include "cli/commands.h"
#include "core/error.h"

namespace paiban::cli {

void add_batch_command(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("batch", "(not built yet)");
  cmd->callback([&action] {
    action = [] () -> int { throw Error(ExitCode::internal, "'batch' is not built yet"); };
  });
}

}  // namespace paiban::cli
