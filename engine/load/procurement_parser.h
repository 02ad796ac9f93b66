// procurement.toml: what is being bought, which framework, local criteria.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/load/rule_parser.h"
#include "engine/load/source_file.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

struct ProcurementParts {
  ProcurementInfo info;
  std::string framework;       // an id, or a path relative to procurement.toml
  SourcePos framework_pos;     // where it was named
  std::vector<Criterion> local_criteria;
  PanelOptions panel_options;  // from [panel]
  std::vector<RuleDraft> rules;  // added to the framework's
  SmaaSettings smaa;             // [smaa]
  CostSettings costs;            // [costs]
  PriceSettings price;           // [price]
  std::optional<double> budget;  // [procurement] budget
  SourcePos budget_pos;
  std::vector<TieBreakStep> tie_break;  // [procurement] tie_break
  bool term_refused = false;     // term_years was given but out of range (reported)
};

// Returns nullopt only when the text is not TOML at all.
std::optional<ProcurementParts> ParseProcurementParts(const SourceFile& file,
                                                      Diagnostics& diagnostics);

}  // namespace weighbridge
