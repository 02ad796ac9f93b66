// The published methodology's section on price: how a bid's costs become a
// price score, with a worked example, and what cost information bidders
// must give.
#pragma once

#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge {

// Markdown for the section, under "## Price". `price_tenths` is price's
// published share of the total in tenths of a percent (as rounded for the
// criteria table, so that both say the same); it is ignored when price has
// no share, and the section then says that quality alone decides.
std::string MethodologyPriceSection(const Procurement& procurement, long long price_tenths);

}  // namespace weighbridge
