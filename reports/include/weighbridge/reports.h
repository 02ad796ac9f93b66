// Rendering a decision for machines (JSON) and for people (Markdown).
// Renderers are pure: they read the procurement and its decision and return
// text; the caller decides where it goes.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// The machine contract of docs/json.md: one JSON object, keys in a fixed
// order, ending in a newline.
std::string RenderJson(const Procurement& procurement, const Decision& decision);

// The justification report in Markdown, for commissioners, panels and
// suppliers: plain words, every deciding number with its reason.
std::string RenderMarkdown(const Procurement& procurement, const Decision& decision);

// Every rule and minimum of the procurement in plain words, in the order they
// apply, for publishing with the tender (Markdown).
std::string RenderRulesList(const Procurement& procurement);

}  // namespace weighbridge
