// Withdrawn submissions: what `weighbridge remove` stores, and leaving it out
// when the inputs are loaded. A removed candidate, member or evaluator gets a
// new version of their submission that marks it withdrawn (a tombstone), so
// every earlier version stays on record and in the log.
#pragma once

#include <string>
#include <vector>

#include "workspace/submissions.h"

namespace weighbridge::workspace {

// The tombstone for `latest`'s kind and subject: no tables, its meaning
// {"withdrawn": {"reason": reason}}, from "(remove)".
Submission Tombstone(const Submission& latest, const std::string& reason);

// Whether `submission` is a tombstone.
bool Withdrawn(const Submission& submission);

// `latest` (one version of each submission) without the tombstones, and
// without the scores and consensus about a withdrawn candidate: those stay on
// record in their submissions but no longer count. Each kept table keeps the
// source lines it came from, so problems are still shown at them.
std::vector<Submission> LeaveOutWithdrawn(const std::vector<Submission>& latest);

}  // namespace weighbridge::workspace
