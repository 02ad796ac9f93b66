// The report's sections on the panel beyond the weights: how judgements were
// combined, how consistent comparisons were, where people agreed and
// differed, and who took part. Internal to the reports.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Markdown `###` sections, each ending in a blank line; "" when there is no
// panel at all.
std::string PanelSections(const Procurement& procurement, const Decision& decision);

// The node whose children the whole panel weighs first: "quality" when price
// has a share (root then holds price and quality), otherwise kRootId.
std::string TopNode(const Decision& decision);

// A criterion's title, or "Price"/"Quality" for the engine's own nodes, or
// the id. Not escaped.
std::string CriterionTitle(const Procurement& procurement, const std::string& id);

// "the top-level criteria" or "the criteria under <title>". Not escaped.
std::string NodeInWords(const Procurement& procurement, const Decision& decision,
                        const std::string& node);

// A group's title, or its id. Not escaped.
std::string GroupTitle(const Procurement& procurement, const std::string& group);

// "Rights is 9× Interoperability; ... suggest about 3×" in the second person
// ("you said", "your other answers") or the third ("they said", "their").
// Not escaped.
std::string FurthestPairSentence(const Procurement& procurement, const InconsistentJudgement& f,
                                 bool second_person);

// A share as a whole percentage: 0.414 -> "41%".
std::string WholePercent(double share);

}  // namespace weighbridge
