// The report's section on conflicts of interest: whose scores are flagged for
// the approver's attention, and which panel members declared nothing or an
// interest (weighbridge/declarations.h). Internal to the reports.
#pragma once

#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge {

// A Markdown `##` section ending in a blank line; "" when the procurement
// carries no declarations (it was not evaluated from a workspace).
std::string DeclarationsSection(const Procurement& procurement);

}  // namespace weighbridge
