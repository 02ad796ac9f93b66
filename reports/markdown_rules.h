// The report's section on must-haves, caps and flags: who was excluded and
// why, what was capped or flagged, and every rule's outcome for every product.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Markdown for the section, or "" when the procurement has no rules beyond
// the built-in exclusion and no product was excluded.
std::string RulesSection(const Procurement& procurement, const Decision& decision);

// A value a rule read, in plain words: "not given", "yes", "12.5", "\"UK\"".
std::string RuleValueText(const RuleValue& value);

}  // namespace weighbridge
