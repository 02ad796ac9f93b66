// Look-ups and wording shared by the decision record and the assessment
// summaries: who won, names and titles for people, points in words, and why
// a tender was not eligible.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Who came first. `first` holds every eligible candidate at rank 1, in the
// ranking's order; `winner` is the only one when there is exactly one, and
// null when nobody is eligible or first place is tied.
struct FirstPlace {
  const CandidateResult* winner = nullptr;
  std::vector<const CandidateResult*> first;
};
FirstPlace FindFirstPlace(const Decision& decision);

// The candidate's result, or null when `id` has none.
const CandidateResult* FindResult(const Decision& decision, const std::string& id);

// The candidate as declared, or null when `id` is not one.
const Candidate* FindCandidate(const Procurement& procurement, const std::string& id);

// A product's name for people, escaped: its name, else its id.
std::string ProductName(const CandidateResult& result);

// CriterionTitle (markdown_panel.h) escaped, and "The cap on the total" for
// a total cap's line.
std::string EscapedTitle(const Procurement& procurement, const std::string& id);

// A number of points for people, one decimal place, without its sign; "less
// than 0.1" for a difference that rounds to 0.0 but is not nothing.
std::string PointsText(double points);

// One line per rule the candidate failed, escaped: the exclusion as "Excluded
// by the authority on the ground '<ground>': <reason>", every other failed
// rule as its reason, with " (source: <source>)" when the rule names one and
// `with_sources` asks for it (a supplier is owed the source; a one-page
// record has no room for it).
std::vector<std::string> FailedRuleLines(const Procurement& procurement,
                                         const CandidateResult& result, bool with_sources);

}  // namespace weighbridge
