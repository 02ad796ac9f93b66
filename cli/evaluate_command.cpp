// `weighbridge evaluate PATH --format json|markdown [-o FILE] [--allow-incomplete]`
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

// The robustness analysis's options (docs/cli.md): each overrides [smaa].
void AddRobustnessOptions(CLI::App& command, SensitivityOptions& options) {
  command
      .add_option_function<std::string>(
          "--weights",
          [&options](const std::string& name) { options.weights = SmaaWeightsFromName(name); },
          "SMAA's weights: uniform, panel (members resampled within groups) or bounds")
      ->check(CLI::IsMember({"uniform", "panel", "bounds"}));
  command
      .add_option_function<int>(
          "--samples", [&options](int n) { options.samples = n; },
          "SMAA's random draws (default 10000; 0 turns SMAA off)")
      ->check(CLI::Range(0, 100000000));
  command
      .add_option_function<std::uint64_t>(
          "--seed", [&options](std::uint64_t seed) { options.seed = seed; },
          "SMAA's seed (default: from the input hash)")
      ->check(CLI::Range(std::uint64_t{0}, kMaxSmaaSeed));
  command.add_flag_function(
      "--fixed-scores", [&options](std::int64_t) { options.fixed_scores = true; },
      "Hold every score as moderated in SMAA, instead of drawing disputed ones");
  command.add_option("--threads", options.threads, "Threads for SMAA (default 2; results do not depend on it)")
      ->check(CLI::Range(1, 64));
}

struct EvaluateArgs {
  std::string path;
  std::string format = "markdown";
  std::string output;
  bool allow_incomplete = false;
  SensitivityOptions sensitivity;  // --weights, --samples, --seed, --fixed-scores, --threads
};

int RunEvaluate(const EvaluateArgs& args) {
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  if (args.sensitivity.weights == SmaaWeights::kBounds && procurement->smaa.bounds.empty()) {
    std::cerr << "--weights bounds needs a [smaa.bounds] table in procurement.toml giving some "
                 "leaf's lowest and highest weight\nnothing was written\n";
    return kExitBadInput;
  }
  EvaluateOptions evaluate;
  evaluate.sensitivity = args.sensitivity;
  Decision decision = Evaluate(*procurement, evaluate);
  std::string text = args.format == "json" ? RenderJson(*procurement, decision)
                                           : RenderMarkdown(*procurement, decision);
  return WriteOutput(args.output, text) ? kExitOk : kExitIo;
}

}  // namespace

void AddEvaluateCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* command =
      app.add_subcommand("evaluate", "Weigh, score and rank the candidates of a procurement folder");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("--format", args->format, "json (the machine contract) or markdown (the report)")
      ->check(CLI::IsMember({"json", "markdown"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0 and mark the candidate incomplete");
  AddRobustnessOptions(*command, args->sensitivity);
  command->callback([args, &run] { run = [args] { return RunEvaluate(*args); }; });
}

}  // namespace weighbridge::cli
