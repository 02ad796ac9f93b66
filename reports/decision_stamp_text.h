// The words the reports give a stored decision (DecisionStamp): its number,
// the audit log's head and how to check it, and its approval.
#pragma once

#include <string>

#include "weighbridge/decision_stamp.h"

namespace weighbridge {

// Markdown list items for "Reproducing this result": the decision's number and
// head with the verify command that checks it, then the approval if there is
// one. "" when the stamp's number is 0 (not a stored decision).
std::string StampLines(const DecisionStamp& stamp);

// "Approved by NAME (ROLE) at TIME: NOTE.", escaped for Markdown; without
// the note when it is empty.
std::string ApprovalSentence(const ApprovalStamp& approval);

}  // namespace weighbridge
