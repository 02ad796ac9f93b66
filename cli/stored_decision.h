// A decision stored in a workspace, made again: the options it is stored
// with, and rebuilding it from the inputs as they stood when it was made, for
// `weighbridge report DIR --decision N` (docs/workspace.md).
#pragma once

#include <optional>
#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/decision_stamp.h"
#include "weighbridge/procurement.h"
#include "weighbridge/sensitivity.h"
#include "weighbridge/workspace.h"

namespace weighbridge::cli {

// The options a decision was made with, as JSON, so that it can be made
// again: allow_incomplete, whether the robustness analysis ran, the seed and
// number of draws actually used, and --weights and --fixed-scores when given.
std::string DecisionOptionsJson(bool allow_incomplete, const SensitivityOptions& options,
                                const Decision& decision);

// What the reports print of stored decision `record` of the folder `dir`.
DecisionStamp StampOf(const DecisionRecord& record, const std::string& dir);

// Decision `number` of DIR's workspace made again.
struct ReproducedDecision {
  Procurement procurement;
  Decision decision;
  DecisionStamp stamp;
};

// Loads the inputs as they stood when decision `number` was made, evaluates
// them with the options stored with it, and checks that the result's JSON is
// byte for byte the stored one. On any failure prints why (a decision that
// does not exist is bad input, exit 2; one that cannot be reproduced exits 1)
// and sets `exit_code`.
std::optional<ReproducedDecision> ReproduceDecision(const std::string& dir, long long number,
                                                    int& exit_code);

}  // namespace weighbridge::cli
