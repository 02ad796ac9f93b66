// Gathers what the panel's judgements show beyond the weights into a
// PanelReview (see weighbridge/panel_review.h) for the reports.
#pragma once

#include <vector>

#include "engine/weigh/panel_weights.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/decision.h"
#include "weighbridge/panel.h"
#include "weighbridge/panel_review.h"

namespace weighbridge {

// Members' own weights, inconsistent comparisons, divergence, agreement,
// turnout, notes and co-production warnings. Precondition: `weights` came
// from WeighPanel(tree, panel).
PanelReview ReviewPanel(const CriteriaTree& tree, const Panel& panel, const PanelWeights& weights);

// Sets each member's consistency_ratio: the largest over their pairwise
// judgements that can be checked; null when they have none.
void SetConsistencyRatios(const PanelWeights& weights, std::vector<MemberSummary>& members);

}  // namespace weighbridge
