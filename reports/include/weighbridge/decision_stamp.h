// Where a report's decision is kept: its number in the procurement's workspace,
// the audit log's head when it was stored, and its approval if it has one.
// The reports print these under "Reproducing this result" so that a reader can
// check later, with `weighbridge verify DIR --head H`, that the record behind
// the report was not cut short. The reports library knows nothing of the
// workspace: the command line fills this in from it.
#pragma once

#include <optional>
#include <string>

namespace weighbridge {

// A sign-off recorded by `weighbridge approve`.
struct ApprovalStamp {
  std::string by;    // who approved, as given with --by
  std::string role;  // their role, as given with --role
  std::string at;    // when, ISO 8601 in UTC
  std::string note;  // may be empty
};

struct DecisionStamp {
  long long number = 0;  // the decision's number; 0: not a stored decision, nothing is printed
  // The hash of the audit entry that logged the decision: the log's head just
  // after it was stored, so the decision itself is covered by the check.
  std::string head;
  std::string folder;  // the procurement folder, as given, for the verify command shown
  std::optional<ApprovalStamp> approval;  // set once approved
};

}  // namespace weighbridge
