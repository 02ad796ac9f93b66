// The JSON report's `declarations` object: the conflict-of-interest flags
// (weighbridge/declarations.h), present only when evaluated from a workspace.
#pragma once

#include <nlohmann/json.hpp>

#include "weighbridge/procurement.h"

namespace weighbridge {

// The flags as JSON, or null when the procurement carries no declarations
// (the caller then writes no `declarations` key, so that output without a
// workspace is unchanged).
nlohmann::json DeclarationsJson(const Procurement& procurement);

}  // namespace weighbridge
