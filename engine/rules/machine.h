// Runs compiled code (code.h) for one candidate: a loop over the
// instructions with a fixed-size stack of values. Missing values flow through
// every operator except has(), `and` and `or`, which follow three-valued logic.
#pragma once

#include "engine/rules/code.h"
#include "engine/rules/expression.h"

namespace weighbridge::rules {

// The outcome only, reading nothing more than it needs.
Truth Execute(const Code& code, const Facts& facts);

// The outcome with its missing reason and every name read, in order.
RunResult ExecuteRecorded(const Code& code, const Facts& facts);

}  // namespace weighbridge::rules
