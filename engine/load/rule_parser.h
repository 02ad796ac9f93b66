// [[rule]] tables, from a framework or procurement.toml. Parsed here; their
// conditions are compiled once every name they may read is known (see
// rule_compiler.h).
#pragma once

#include <vector>

#include <toml++/toml.h>

#include "engine/load/source_file.h"
#include "weighbridge/rule.h"

namespace weighbridge {

// A rule as written, with where its parts are, for later messages.
struct RuleDraft {
  Rule rule;                  // program not yet set
  SourcePos condition_pos;    // where the pass_if/when string starts (its quote)
  SourcePos target_pos;       // where the cap's target was given
  std::vector<SourcePos> evidence_pos;  // require: where each key was given
};

// Appends each [[rule]] of `document` to `out`, reporting problems with the
// table itself (keys, kinds, which keys go with which kind).
void ParseRules(const toml::table& document, const SourceFile& file, Diagnostics& diagnostics,
                std::vector<RuleDraft>& out);

}  // namespace weighbridge
