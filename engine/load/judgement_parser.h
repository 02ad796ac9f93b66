// [[judgement]] tables of panel.toml: one member weighing one node's children.
#pragma once

#include <optional>

#include <toml++/toml.h>

#include "engine/load/source_file.h"
#include "engine/load/toml_table.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// The table's `method`: pairwise, points, rank, swing or direct. Nothing,
// after an error at the value naming the five, when it is another word; and,
// when not `required`, when it is not given.
std::optional<WeighMethod> ParseWeighMethod(TomlTable& table, bool required);

// Appends each valid judgement to panel.judgements. Needs panel.members
// parsed first; `tree` may be null (then children are not checked).
void ParseJudgements(const toml::table& document, const SourceFile& file, const CriteriaTree* tree,
                     Diagnostics& diagnostics, Panel& panel);

}  // namespace weighbridge
