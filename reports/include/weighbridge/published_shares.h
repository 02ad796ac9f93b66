// Each criterion's share of the total as published with the tender: in
// tenths of a percent, leaves rounded by the largest-remainder method so that
// they add up to exactly 100.0%, a heading's share the sum of its leaves'.
// Documents sent after the award quote these figures, so that a supplier
// reads the same relative importance as the methodology gave.
#pragma once

#include <map>
#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Criterion id (every node of the tree, leaves and headings) -> its published
// share in tenths of a percent. Precondition: `decision.weights` holds a
// global weight for every leaf of the tree, adding up to 1.
std::map<std::string, long long> PublishedTenths(const Procurement& procurement,
                                                 const Decision& decision);

// Tenths of a percent as people read them: 125 -> "12.5%".
std::string TenthsPercent(long long tenths);

}  // namespace weighbridge
