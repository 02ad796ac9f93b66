// The robustness analysis's command-line options (docs/cli.md).
#include "cli/robustness_options.h"

#include <cstdint>
#include <iostream>
#include <string>

namespace weighbridge::cli {

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

bool RobustnessOptionsFit(const Procurement& procurement, const SensitivityOptions& options) {
  if (options.weights == SmaaWeights::kBounds && procurement.smaa.bounds.empty()) {
    std::cerr << "--weights bounds needs a [smaa.bounds] table in procurement.toml giving some "
                 "leaf's lowest and highest weight\nnothing was written\n";
    return false;
  }
  return true;
}

}  // namespace weighbridge::cli
