// The robustness analysis's command-line options, shared by the commands that
// evaluate a procurement in full (evaluate, report). See docs/cli.md.
#pragma once

#include <CLI/CLI.hpp>

#include "weighbridge/evaluate.h"
#include "weighbridge/procurement.h"

namespace weighbridge::cli {

// Registers --weights, --samples, --seed, --fixed-scores and --threads on
// `command`; each overrides the procurement's [smaa] table in `options`.
void AddRobustnessOptions(CLI::App& command, SensitivityOptions& options);

// False, with the reason and "nothing was written" on standard error, when
// the options ask for something the procurement cannot give: --weights bounds
// without a [smaa.bounds] table.
bool RobustnessOptionsFit(const Procurement& procurement, const SensitivityOptions& options);

}  // namespace weighbridge::cli
