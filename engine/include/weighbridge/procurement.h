// A whole procurement, loaded and validated: what is bought, the framework,
// the candidates, the panel and the scores. The engine's only input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "weighbridge/candidate.h"
#include "weighbridge/costs.h"
#include "weighbridge/declarations.h"
#include "weighbridge/framework.h"
#include "weighbridge/method_freeze.h"
#include "weighbridge/panel.h"
#include "weighbridge/rule.h"
#include "weighbridge/scores.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

struct ProcurementInfo {
  std::string id;
  std::string title;
  std::string authority;
  std::string reference;
  // What is being bought and why, in the authority's words; may be empty.
  std::string purpose;
  std::string currency;  // ISO 4217, e.g. "GBP"; may be empty
  int term_years = 0;    // contract term; 0 when not given
};

struct Procurement {
  ProcurementInfo info;
  Framework framework;  // with the procurement's local criteria added
  std::vector<Candidate> candidates;  // in file order
  Panel panel;
  std::vector<Score> scores;
  std::vector<Consensus> consensus;
  std::vector<Assignment> assignments;  // scores.toml's [[assignment]]; none: anyone scores all
  // The framework's rules then the procurement's, in the order they apply
  // (a rule after every rule whose outcome or capped value it reads).
  std::vector<Rule> rules;
  // Candidates that may lack scores on judgement criteria (scored 0 and
  // marked incomplete), as `--allow-incomplete` asks.
  bool allow_incomplete = false;
  // SHA-256 of the loaded model's canonical JSON (weighbridge/input_hash.h),
  // for reproducibility; set by the loader, and again by the workspace when it
  // adds declarations or the fixed method.
  std::string input_hash;
  SmaaSettings smaa;  // [smaa]: how the robustness analysis draws weights and scores
  CostSettings costs;            // [costs]
  PriceSettings price;           // [price]; share 0 when absent
  std::optional<double> budget;  // whole-life budget, undiscounted; none: no budget gate
  SourcePos budget_pos;          // where the budget was given
  std::vector<TieBreakStep> tie_break;  // declared before scoring; empty: ties stay shared
  // Conflict-of-interest declarations, set by the workspace (one entry per
  // person who declared; someone absent declared nothing). None: not evaluated
  // from a workspace, and no report mentions declarations.
  std::optional<std::vector<PersonDeclarations>> declarations;
  // Set by the workspace once the method is fixed: Evaluate then weighs with
  // its published leaf weights, not the panel's. None: weighed from the panel.
  std::optional<MethodFreeze> freeze;
};

}  // namespace weighbridge
