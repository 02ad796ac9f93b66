// [[judgement]] tables of panel.toml: one member weighing one node's children.
#pragma once

#include <toml++/toml.h>

#include "engine/load/source_file.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// Appends each valid judgement to panel.judgements. Needs panel.members
// parsed first; `tree` may be null (then children are not checked).
void ParseJudgements(const toml::table& document, const SourceFile& file, const CriteriaTree* tree,
                     Diagnostics& diagnostics, Panel& panel);

}  // namespace weighbridge
