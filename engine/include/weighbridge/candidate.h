// A candidate product and the facts (evidence) its supplier gave.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "weighbridge/costs.h"
#include "weighbridge/diagnostic.h"
#include "weighbridge/rule.h"

namespace weighbridge {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

// A fact: yes/no, a number, a text, a list of texts, or a date.
using EvidenceValue = std::variant<bool, double, std::string, std::vector<std::string>, Date>;

// A plain-words name of the kind of value held: "true or false", "number", "text",
// "list of texts" or "date".
std::string EvidenceTypeName(const EvidenceValue& value);

// What the authority found when it asked the supplier of a bid flagged
// abnormally low to show it can do the work at that price (Procurement Act
// 2023, section 19). A rejected bid is also excluded, by its own exclusion.
struct LowBidInvestigation {
  std::string outcome;  // "accepted" or "rejected"
  std::string note;     // what was found, in plain words
};

struct Candidate {
  std::string id;
  std::string name;
  std::string supplier;
  std::string supplier_id;  // e.g. a Central Digital Platform id; may be empty
  std::string address;
  std::string email;
  std::map<std::string, EvidenceValue> evidence;
  std::map<std::string, SourcePos> evidence_pos;  // where each fact was given
  std::optional<Exclusion> exclusion;             // excluded by the authority
  std::optional<LowBidInvestigation> low_bid_investigation;  // none: not investigated
  std::optional<CandidateCosts> costs;            // [candidate.costs]; none when not given
  SourcePos pos;                                  // where the candidate was declared
};

}  // namespace weighbridge
