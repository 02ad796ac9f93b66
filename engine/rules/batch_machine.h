// Runs compiled code for many candidates at once: each instruction runs for
// a block of candidates before the next one starts, so the cost of choosing
// what to do next is paid once per block rather than once per candidate.
#pragma once

#include <span>

#include "engine/rules/code.h"
#include "engine/rules/expression.h"

namespace weighbridge::rules {

// outcomes[i] = the outcome for facts[i], as Execute() gives it. The right
// side of an `and`/`or` is skipped only when its left side decides every
// candidate in the block; otherwise it runs for the whole block, its costly
// steps (texts, lists) only for the candidates still undecided (running a
// side has no effect but its value, so the outcomes are the same).
// Precondition: the spans are the same size; extra outcomes are left as they
// are.
void ExecuteMany(const Code& code, std::span<const Facts* const> facts,
                 std::span<Truth> outcomes);

}  // namespace weighbridge::rules
