// A decision stored in a workspace: making and storing it (`weighbridge
// evaluate DIR`, a facilitator's button in `serve`), the options it is stored
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

// A decision made from what a workspace holds now, and stored.
struct MadeDecision {
  std::optional<Procurement> procurement;  // as loaded, with people's names
  Decision decision;
  DecisionInput input;  // as stored: its JSON holds no names
  long long number = 0;
  bool options_misfit = false;  // the robustness options did not fit: said on standard error
};

// Loads what the workspace holds, evaluates it with `allow_incomplete` and
// `sensitivity`, and stores the decision as `actor`'s, as `weighbridge
// evaluate DIR` does after its import. Something written in between (answers
// arriving through `serve`) would make the decision one that cannot be
// reproduced, so it is then made again from the new inputs, up to three
// times in all, before the workspace's refusal (kBusy) is returned. kBadInput
// with the load's diagnostics when the inputs do not load, or with
// `options_misfit` when the robustness options do not fit them.
WorkspaceStatus MakeDecision(Workspace& workspace, bool allow_incomplete,
                             const SensitivityOptions& sensitivity, const Actor& actor,
                             MadeDecision& made);

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
