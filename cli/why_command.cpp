// `weighbridge why PATH A B [-o FILE] [--allow-incomplete]`: why A ranks above
// B, as the criteria that make up the difference, in plain words.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct WhyArgs {
  std::string path;
  std::string a;
  std::string b;
  std::string output;
  bool allow_incomplete = false;
};

int RunWhy(const WhyArgs& args) {
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  // Only totals and contributions are read: the robustness analysis would
  // cost time and change nothing here.
  EvaluateOptions evaluate;
  evaluate.sensitivity.enabled = false;
  const Decision decision = Evaluate(*procurement, evaluate);
  const WhyText why = RenderWhy(*procurement, decision, args.a, args.b);
  if (!why.found) {
    std::cerr << "weighbridge: error: " << why.error << "\nnothing was written\n";
    return kExitBadInput;
  }
  return WriteOutput(args.output, why.text) ? kExitOk : kExitIo;
}

}  // namespace

void AddWhyCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<WhyArgs>();
  CLI::App* command = app.add_subcommand(
      "why", "Show why one candidate ranks above another, criterion by criterion");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("A", args->a, "A candidate's id, as in candidates.toml")->required();
  command->add_option("B", args->b, "Another candidate's id, to compare it with")->required();
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0, as evaluate does");
  command->callback([args, &run] { run = [args] { return RunWhy(*args); }; });
}

}  // namespace weighbridge::cli
