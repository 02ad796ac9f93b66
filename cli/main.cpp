// The `weighbridge` command: parses the command line and runs one sub-command.
// Exit codes belong here alone: 0 success, 2 bad input or usage, 3 I/O.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace weighbridge::cli;
  CLI::App app{"weighbridge: weigh digital products for social care against co-produced criteria"};
  app.set_version_flag("--version", std::string("weighbridge ") + WEIGHBRIDGE_VERSION);
  app.require_subcommand(1);
  Action run;
  AddEvaluateCommand(app, run);
  AddCheckCommand(app, run);
  AddFrameworksCommand(app, run);
  AddFeedbackCommand(app, run);
  AddRulesCommand(app, run);
  AddWhyCommand(app, run);
  AddExportCommand(app, run);
  AddMethodologyCommand(app, run);
  AddReportCommand(app, run);
  AddWorkspaceCommands(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitBadInput;
  }
  try {
    return run ? run() : kExitBadInput;
  } catch (const std::exception& error) {
    // Only the environment can fail here (memory, a broken stream): the
    // engine reports bad input as diagnostics, never by throwing.
    std::cerr << "weighbridge: error: " << error.what() << "\n";
    return kExitIo;
  }
}
