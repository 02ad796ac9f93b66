// The method a freeze fixes, as JSON: everything that can change the winner
// apart from the bids and the scores (docs/workspace.md, "Fix the method").
// Its hash, the SHA-256 of its canonical bytes, is what a freeze records and
// what every later import is compared with.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "weighbridge/procurement.h"

namespace weighbridge::workspace {

// The method of `procurement` as a JSON object with the members
//   criteria   every criterion in tree order: id, parent, title, question,
//              guidance, how it is assessed and, for evidence, the key and
//              its value function
//   scale      min, max and the moderation threshold
//   weights    leaf id -> its share as published, in tenths of a percent
//              (largest remainder, adding up to exactly 1000), worked out
//              from the panel's judgements, never from procurement.freeze
//   minimums   leaf id -> the lowest acceptable score
//   rules      every rule in the order they apply
//   panel      [panel]: within_group and exclude_cr_above
//   price      [price]
//   costs      [costs], and the contract's term_years (0 when not given)
//   budget     the budget, or null
//   tie_break  the steps, as written
//   smaa       [smaa]
// Precondition: `procurement` came from the loader.
nlohmann::json MethodJson(const Procurement& procurement);

// SHA-256 in hex of MethodJson's canonical bytes.
std::string MethodHash(const nlohmann::json& method);

// The leaf weights of a method (its `weights` member).
std::map<std::string, long long> MethodTenths(const nlohmann::json& method);

// What differs between two methods, in plain words and in the order of the
// list above: "the criteria", "the weights", "the budget", ...
std::vector<std::string> MethodChanges(const nlohmann::json& before, const nlohmann::json& after);

// Every part of a method in plain words, for saying what a freeze fixed.
std::vector<std::string> MethodParts();

}  // namespace weighbridge::workspace
