// `weighbridge verify DIR [--head HASH]`
#include <iostream>
#include <optional>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct VerifyArgs {
  std::string dir;
  std::string head;
};

int RunVerify(const VerifyArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  VerifyReport report;
  std::optional<std::string> head;
  if (!args.head.empty()) head = args.head;
  WorkspaceStatus status = workspace->Verify(head, report);
  if (!status.ok()) return ReportStatus(status);
  std::cout << "the audit log is intact: " << report.entries
            << (report.entries == 1 ? " entry" : " entries") << ", head " << report.head << "\n";
  if (head) std::cout << "it still holds the head " << *head << "\n";
  return kExitOk;
}

}  // namespace

void AddVerifyCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* command = app.add_subcommand(
      "verify", "Check that nothing in the workspace was changed, deleted or added by hand");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--head", args->head,
                      "A head hash printed earlier (by history or in a decision): check the log "
                      "still holds it");
  command->callback([args, &run] { run = [args] { return RunVerify(*args); }; });
}

}  // namespace weighbridge::cli
