// The workspace hashes with the engine's SHA-256 (weighbridge/sha256.h).
#pragma once

#include "weighbridge/sha256.h"

namespace weighbridge::workspace {

using weighbridge::Sha256Hex;

}  // namespace weighbridge::workspace
