// `weighbridge rules PATH [-o FILE]`: the rules in plain words, to publish.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/framework_dirs.h"
#include "cli/output_file.h"
#include "weighbridge/load.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct RulesArgs {
  std::string path;
  std::string output;
};

int RunRules(const RulesArgs& args) {
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  // The rules are published before any bid is scored.
  options.allow_incomplete = true;
  ProcurementLoad load = LoadProcurement(args.path, options);
  if (!load.procurement) {
    std::cerr << load.diagnostics.ToString() << "nothing was written\n";
    return kExitBadInput;
  }
  return WriteOutput(args.output, RenderRulesList(*load.procurement)) ? kExitOk : kExitIo;
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
