// Rules: the must-haves, caps and flags an organisation applies to every
// candidate, each with its reason. Declared in a framework or a procurement
// (the procurement's add to the framework's) and loaded in the order they
// apply.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {
namespace rules {
class Program;  // a compiled expression (engine/rules/expression.h)
}  // namespace rules

enum class RuleKind {
  kGate,     // fails a candidate unless `pass_if` holds: it cannot win
  kRequire,  // fails a candidate that does not give every named evidence key
  kCap,      // when `when` holds, limits the target's score to `max`
  kFlag,     // when `when` holds, warns; scores are untouched
};

// "gate", "require", "cap" or "flag".
const char* RuleKindName(RuleKind kind);

// What happens when a value the rule reads is missing.
enum class MissingPolicy {
  kFail,  // treat it as the unfavourable case: a gate fails, a cap applies, a flag is raised
  kSkip,  // the rule does not apply: outcome "not-applicable"
};

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::kGate;
  std::string condition;  // pass_if (gate) or when (cap, flag), as written
  std::shared_ptr<const rules::Program> program;  // the compiled condition
  std::vector<std::string> evidence;  // require: keys each candidate must give
  std::string target;                 // cap: a criterion id, or "total"
  double max = 0;                     // cap: the most the target may score, 0-100
  std::string because;                // the reason, for people
  std::string source;                 // the law, standard or policy it comes from
  MissingPolicy missing = MissingPolicy::kFail;  // default: fail for gates, skip otherwise
  SourcePos pos;                                 // where its id was given
};

// Excluded by the authority before scoring (e.g. a late bid): the built-in
// rule "exclusion" fails.
struct Exclusion {
  std::string ground;  // e.g. "Late submission"
  std::string reason;  // what happened, in plain words
};

}  // namespace weighbridge
