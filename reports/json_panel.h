// The JSON of the panel review (docs/json.md, "panel"): keys added to the
// `panel` object after `members` and `groups`. Internal to the reports.
#pragma once

#include <nlohmann/json.hpp>

#include "weighbridge/panel_review.h"

namespace weighbridge {

// within_group, exclude_cr_above, member_weights, inconsistent, divergence,
// differ_most, agreement, turnout, notes and warnings, in that order.
nlohmann::ordered_json PanelReviewJson(const PanelReview& review);

}  // namespace weighbridge
