// Reads a rule expression and compiles it as it goes: a recursive-descent
// parser, one function per precedence level, that type-checks each operator
// (checker.h) and emits its instruction (code_builder.h) as soon as both
// operands are read. There is no syntax tree, so a long chain such as
// `a + b + c + ...` is a loop, not a recursion; only brackets, `not`, unary
// minus and function calls recurse, and they count towards kMaxDepth.
#pragma once

#include <memory>
#include <string_view>

#include "engine/rules/code.h"
#include "engine/rules/expression.h"

namespace weighbridge::rules {

// Precedence, loosest first: or, and, not, comparisons (== != < <= > >= in
// `not in` contains, which do not chain), + -, * /, unary minus, then values
// (literals, names, function calls and brackets).
//
// Returns the code of `text` as a condition against `names`, or null with
// `error` set to the first problem in the text.
std::unique_ptr<Code> Parse(std::string_view text, const Names& names, CompileError& error);

}  // namespace weighbridge::rules
