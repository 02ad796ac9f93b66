// Feedback for one panel member: what their voice did, in plain words.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

struct Feedback {
  bool found = false;  // false: `member` is not on the panel; see `error`
  std::string text;    // Markdown, ending in a newline, when found
  std::string error;   // plain words naming the members there are, when not found
};

// For `member`: at each node they weighed, their own weights beside their
// group's and the whole panel's; any comparisons that were flagged or left
// out, and why; and whether their group's own first choice matches the
// panel's. Pure: the same decision always gives the same bytes.
Feedback RenderFeedback(const Procurement& procurement, const Decision& decision,
                        const std::string& member);

}  // namespace weighbridge
