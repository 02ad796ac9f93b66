// The workspace writes its canonical JSON with the engine's RFC 8785 writer,
// the same one the input hash uses (weighbridge/canonical_json.h).
#pragma once

#include "weighbridge/canonical_json.h"

namespace weighbridge::workspace {

using weighbridge::CanonicalJson;
using weighbridge::CanonicalNumber;

}  // namespace weighbridge::workspace
