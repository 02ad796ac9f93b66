// Turning parsed rules into runnable ones: ids checked, targets and evidence
// keys resolved, conditions compiled once, and the rules put in the order
// they must run (Boost.Graph: a rule after every rule it reads).
#pragma once

#include <string>
#include <vector>

#include "engine/load/rule_parser.h"
#include "engine/load/source_file.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Ids of the built-in rules that `procurement` has: "exclusion" and
// "minimum:<criterion>" for each criterion with a minimum.
std::vector<std::string> BuiltInRuleIds(const CriteriaTree& tree);

// Compiles `drafts` against `procurement`'s criteria, candidates' evidence and
// details, and returns them in running order. Problems go to `diagnostics`
// at file:line:col, a condition's problems at the offending token.
std::vector<Rule> CompileRules(std::vector<RuleDraft> drafts, const Procurement& procurement,
                               const std::vector<const SourceFile*>& files,
                               Diagnostics& diagnostics);

// Where byte `offset` of a TOML string's content falls in the file, given
// where the string (its opening quote) starts. Exposed for tests.
SourcePos PositionInString(const SourceFile& file, const SourcePos& string_start,
                           std::size_t offset);

}  // namespace weighbridge
