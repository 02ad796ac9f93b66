// The report's section on whole-life cost and price: every bid's costs year
// by year, its maintenance share and flags, how price was scored, and the
// cross-checks on price (the share at which the winner would change, and
// whether one losing bid sways the others' order). Also the sentences that
// say how ties on the total were settled.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Markdown for the section, or "" when no bid gave costs and price has no
// share. Products are listed in the report's order: ranked best first, then
// the others in file order.
std::string CostsSection(const Procurement& procurement, const Decision& decision);

// One paragraph per tie on the total among eligible products: what the
// declared tie-break made of it, or that the tie stays shared. "" when
// there are no ties.
std::string TieSentences(const Procurement& procurement, const Decision& decision);

}  // namespace weighbridge
