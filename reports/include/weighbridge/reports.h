// Rendering a decision for machines (JSON) and for people (Markdown).
// Renderers are pure: they read the procurement and its decision and return
// text; the caller decides where it goes.
#pragma once

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/decision_stamp.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// The machine contract of docs/json.md: one JSON object, keys in a fixed
// order, ending in a newline.
std::string RenderJson(const Procurement& procurement, const Decision& decision);

// The justification report in Markdown, for commissioners, panels and
// suppliers: plain words, every deciding number with its reason.
// `engine_version` is given under "Reproducing this result"; empty leaves it
// out. So is `stamp`, the decision's number and the audit log's head when it
// is stored in a workspace (and its approval, if any); a number of 0 leaves
// it out.
std::string RenderMarkdown(const Procurement& procurement, const Decision& decision,
                           const std::string& engine_version = "",
                           const DecisionStamp& stamp = {});

// Every rule and minimum of the procurement in plain words, in the order they
// apply, for publishing with the tender (Markdown).
std::string RenderRulesList(const Procurement& procurement);

// The assessment methodology to publish with the tender (Markdown): the
// criteria with their questions and their shares of the total (rounded to
// 0.1% by the largest-remainder method, so that they add up to exactly
// 100%), who set the weights, the scale, what disqualifies, how price is
// scored with a worked example, and the tie-break. Reads the decision only
// for its weights and panel, so scores need not be complete.
std::string RenderMethodology(const Procurement& procurement, const Decision& decision);

// `weighbridge why`: why one candidate ranks above another.
struct WhyText {
  bool found = false;  // false: an id is not a candidate, or both are the same; see `error`
  std::string text;    // Markdown, ending in a newline, when found
  std::string error;   // plain words naming the candidates there are, when not found
};

// Why candidate `a` ranks above `b` (or that it does not, or that one is not
// eligible and why), as the criteria whose points make up the difference
// between their totals: those in A's favour, largest first, then those in
// B's. Pure: the same decision always gives the same bytes.
WhyText RenderWhy(const Procurement& procurement, const Decision& decision, const std::string& a,
                  const std::string& b);

// The evaluation matrix as CSV (RFC 4180, CRLF line ends): a header, then one
// row per candidate in the candidates file's order with its id, name,
// eligibility, rank and total, each leaf's score (0-100) and each leaf's
// contribution. Text cells that a spreadsheet could run as a formula are
// neutralised with a leading '.
std::string RenderCsv(const Procurement& procurement, const Decision& decision);

}  // namespace weighbridge
