// `weighbridge rules PATH [-o FILE]`: the rules in plain words, to publish.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct RulesArgs {
  std::string path;
  std::string output;
};

int RunRules(const RulesArgs& args) {
  // The rules are published before any bid is scored.
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, true);
  if (!procurement) return kExitBadInput;
  return WriteOutput(args.output, RenderRulesList(*procurement)) ? kExitOk : kExitIo;
}

}  // namespace

void AddRulesCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* command = app.add_subcommand(
      "rules", "Print every rule and minimum in plain words, in the order they apply");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->callback([args, &run] { run = [args] { return RunRules(*args); }; });
}

}  // namespace weighbridge::cli
