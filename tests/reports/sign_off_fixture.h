// A small procurement and its decision, built by hand for the decision record
// and assessment summary tests; every number is worked out in the comments.
#pragma once

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Criteria (global weights): Care (0.6) with Consent and choice (judgement,
// 0.3) and Access to own record (evidence, levels none 0 / partial 60 / full
// 100, 0.3); Ease of maintenance (judgement, 0.4). Scale 0-5, levels 1-5.
// Candidates: carelink (all supplier details), birch (no supplier_id, no
// email), oak (excluded for late submission).
Procurement SignOffProcurement();

// Contributions are weight x score out of 100:
//   CareLink 0.3x80 + 0.3x100 + 0.4x60 = 24 + 30 + 24 = 78, rank 1
//   Birch    0.3x70 + 0.3x0   + 0.4x95 = 21 +  0 + 38 = 59, rank 2
//   Oak      0.3x0  + 0.3x100 + 0.4x50 =  0 + 30 + 20 = 50, not eligible
// Two groups: "Experts by experience" (2 people) would rank birch first,
// "Staff" (3 people) carelink.
Decision SignOffDecision();

}  // namespace weighbridge
