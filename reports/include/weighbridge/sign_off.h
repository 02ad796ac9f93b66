// The documents that close a procurement: the decision record a senior
// manager signs, and the assessment summary each supplier is owed. Like the
// other renderers these are pure: they read the procurement and its decision
// and return Markdown; the caller decides where it goes.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/decision.h"
#include "weighbridge/decision_stamp.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// A one-to-two page record of the decision for sign-off, in Markdown ending in
// a newline: the context, the options, the decision (or that no award can be
// made and why), the rationale in points, dissent (groups whose own weights
// would have put another product first), risks and flags, and approvals:
// the one recorded in the workspace when `stamp` has it (who, their role,
// when, their note), else a space for signatures. A stored decision's number
// and the audit log's head are given with the input hash. Never fails: an
// empty procurement gives a record that says nothing was assessed. The same
// decision and stamp always give the same bytes.
std::string RenderDecisionRecord(const Procurement& procurement, const Decision& decision,
                                 const DecisionStamp& stamp = {});

// One supplier's assessment summary (Procurement Regulations 2024 reg 31;
// reg 32 of the Procurement (Wales) Regulations 2024).
struct SupplierSummary {
  std::string candidate_id;  // the candidate it is about
  // A safe file name: "assessment-summary-<id>.md" with the id lower-cased
  // and every character outside [a-z0-9-_.] replaced; unique among the
  // summaries of one call; never a path.
  std::string file_name;
  std::string text;  // Markdown, ending in a newline
  // Plain words for the person sending it, without a trailing full stop:
  // supplier details missing from candidates.toml, or that the result is not
  // final. The summary is written all the same.
  std::vector<std::string> warnings;
};

// One summary per candidate, in the candidates file's order. Each gives the
// supplier's details, the award criteria with their published shares (the
// methodology's 0.1% figures), its own scores with the evaluators' reasons
// and evidence references, sub-totals and total, what a higher score needed,
// and, when it is not to be awarded the contract, why: the failed rules or
// exclusion, or the criteria where it fell short of the winning tender. A
// summary names no other supplier except the winner, and shows no other
// tender's points except the winner's where it is compared with it.
std::vector<SupplierSummary> RenderSupplierSummaries(const Procurement& procurement,
                                                     const Decision& decision);

}  // namespace weighbridge
