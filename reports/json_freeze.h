// The JSON report's `method_fixed` object (docs/json.md): when the method was
// fixed, the weights used exactly as published, and every amendment.
#pragma once

#include <nlohmann/json.hpp>

#include "weighbridge/procurement.h"

namespace weighbridge {

// {"at", "who", "note", "method_hash", "weights": {leaf: share of the total,
// e.g. 0.334}, "amendments": [{"at", "who", "reason", "old_method_hash",
// "method_hash", "changed": [...]}]}. Precondition: procurement.freeze is set.
nlohmann::ordered_json FixedMethodJson(const Procurement& procurement);

}  // namespace weighbridge
