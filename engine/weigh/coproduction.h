// Co-production assurance: who took part, and warnings when the panel is not
// the partnership it should be (experts by experience or practitioners
// silent, a group that counts for nothing, one person deciding a node).
#pragma once

#include <string>
#include <vector>

#include "engine/weigh/panel_weights.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/panel.h"
#include "weighbridge/panel_review.h"

namespace weighbridge {

// The group's role: its `role` when set, otherwise guessed from words in its
// id and title (docs/formats.md lists them); kOther when nothing matches.
GroupRole RoleOf(const Group& group);

// "experts by experience", "practitioners", "commissioners" or "other".
const char* RoleName(GroupRole role);

// Members and judges per group, with the names members chose to give.
std::vector<GroupTurnout> Turnout(const Panel& panel);

// The warnings, in a fixed order: experts by experience, practitioners,
// groups of weight 0, then people who carry more than half of a node.
std::vector<PanelWarning> CoproductionWarnings(const CriteriaTree& tree, const Panel& panel,
                                               const PanelWeights& weights);

}  // namespace weighbridge
