// An exclusion or a low-bid investigation recorded with `weighbridge exclude`
// or `investigate` lives in the workspace's latest version of the candidate,
// not in the folder's candidates file. A later version imported from a file
// that lacks it would silently drop it, and an excluded bid could then win;
// such a version is refused instead, at the candidate in the file, saying
// what to add (docs/workspace.md, "Exclusions and abnormally low bids").
#pragma once

#include <utility>
#include <vector>

#include "weighbridge/diagnostic.h"
#include "workspace/sqlite_db.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

// An error for each candidate in `changes` (new versions about to be stored)
// whose latest stored version has a [candidate.exclusion] or a
// [candidate.low_bid_investigation] that the new version does not have.
Diagnostics CheckRecordedOutcomes(Db& db,
                                  const std::vector<std::pair<Submission, long long>>& changes);

}  // namespace weighbridge::workspace
