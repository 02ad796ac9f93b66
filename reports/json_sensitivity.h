// The `sensitivity` object of the JSON output (docs/json.md, "sensitivity").
#pragma once

#include <nlohmann/json.hpp>

#include "weighbridge/sensitivity.h"

namespace weighbridge {

// Keys in the order docs/json.md gives them; numbers exactly as computed.
nlohmann::ordered_json SensitivityJson(const Sensitivity& sensitivity);

}  // namespace weighbridge
