// What the engine decided and every number behind it. Produced by Evaluate();
// rendered by the reports library. Plain values, no behaviour.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "weighbridge/panel_review.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

// The weight of one node of the criteria tree.
struct NodeWeight {
  std::string criterion;
  std::string parent;  // "root" at the top
  double local = 0;    // share among its siblings; siblings sum to 1
  double global = 0;   // product of local weights down its path
};

// A node whose children nobody weighed: its children share it equally.
struct UnjudgedNode {
  std::string node;    // "root" or a branch id
  std::string reason;  // plain words, e.g. "nobody on the panel weighed it"
};

// One leaf's part in a candidate's total, or (criterion "total") the
// negative line by which a cap on the total lowered it.
struct CriterionResult {
  std::string criterion;
  double score = 0;         // 0-100, as measured (before any cap)
  double weight = 0;        // the leaf's global weight
  // weight x score, scaled down by any cap on the leaf or a branch above it;
  // for a "total" line, the (negative) amount a total cap took off.
  double contribution = 0;
  std::vector<std::string> capped_by;  // caps that lowered it, in the order applied
  // Where the score came from, for people: "consensus", "mean of 2
  // evaluators", "evidence", "no evidence" or "not scored".
  std::string basis;
  std::optional<double> scale_value;  // judgement: the score on the evaluators' scale
};

// A value a rule read, for explaining its outcome. Dates are given as
// "YYYY-MM-DD" text; monostate means the value was missing.
using RuleValue = std::variant<std::monostate, bool, double, std::string, std::vector<std::string>>;

// What one rule did to one candidate.
struct RuleOutcome {
  std::string rule;     // the rule's id; built-in: "exclusion", "minimum:<criterion>"
  std::string kind;     // "gate", "require", "cap" or "flag" (built-ins are gates)
  std::string outcome;  // "pass", "fail", "cap", "flag" or "not-applicable"
  std::string reason;   // why, in plain words
  std::string source;   // the law, standard or policy behind the rule; may be empty
  std::vector<std::pair<std::string, RuleValue>> values;  // what it read, in order
};

// A cap whose condition held, in the order caps were applied.
struct AppliedCap {
  std::string rule;
  std::string target;  // a criterion id or "total"
  double max = 0;      // 0-100
  double before = 0;   // the target's score when the cap applied
  bool lowered = false;  // whether it was above max (so the cap changed it)
};

// One year of a bid's whole-life cost, in today's money.
struct CostYear {
  int year = 0;              // 0 (one-off costs) to the term
  double undiscounted = 0;   // the year's cost
  double present_value = 0;  // undiscounted / (1 + discount rate)^year
  // Category name -> the year's cost in it: the categories the bid uses, in
  // the fixed order of AllCostCategories() (weighbridge/costs.h).
  std::vector<std::pair<std::string, double>> by_category;
};

// Something about a bid's costs to look into. A flag never excludes.
struct CostFlag {
  std::string flag;    // "no-maintenance" or "abnormally-low"
  std::string reason;  // plain words
  std::vector<std::pair<std::string, RuleValue>> values;  // the figures behind it
};

// A bid's whole-life cost (docs/methods.md, "Whole-life cost").
struct CostResult {
  double whole_life = 0;     // the years' costs added up, undiscounted
  double present_value = 0;  // the years' present values added up
  // (support + maintenance + hosting) / whole_life; null when whole_life is 0.
  std::optional<double> maintenance_share;
  double annual_mean = 0;         // whole_life / term
  std::vector<CostYear> by_year;  // years 0..term
  // present_value / the quality score: money per quality point, a
  // cross-check beside the ranking; null when the quality score is 0.
  std::optional<double> price_per_quality_point;
  std::vector<CostFlag> flags;  // no-maintenance first, then abnormally-low
};

struct CandidateResult {
  std::string id;
  std::string name;
  bool eligible = true;
  bool complete = true;       // false: a judgement criterion had no score
  double total = 0;           // 0-100, the sum of contributions
  std::optional<int> rank;    // null when not eligible
  std::vector<CriterionResult> criteria;      // the leaves, in tree order
  std::vector<std::string> missing_evidence;  // evidence criteria with no fact given
  std::vector<std::string> unscored;          // judgement criteria nobody scored
  std::vector<RuleOutcome> rules;             // built-ins first, then rules in running order
  std::vector<AppliedCap> caps;               // caps that applied, in order
  // 0-100: the score on the quality criteria (the framework's), after caps on
  // criteria but not on the total. Equals the total without price or caps.
  double quality = 0;
  std::optional<CostResult> cost;  // null when the bid gave no costs
};

struct MemberSummary {
  std::string id;
  std::string group;
  // The method of the member's judgements: the one they used, "mixed" when
  // they used several, "none" when they made none.
  std::string method;
  std::optional<double> consistency_ratio;  // null for non-pairwise judgements
  int judgements = 0;
};

struct GroupSummary {
  std::string id;
  std::string title;
  double weight = 0;  // normalised share; groups sum to 1
  int members = 0;
  // criterion -> local weight from this group's judgements alone, falling
  // back to the panel's at nodes the group did not weigh.
  std::map<std::string, double> weights;
  std::vector<std::string> ranking;  // eligible candidates by this group's weights
};

// Evaluators further apart than the moderation threshold, with no consensus.
struct ModerationNeed {
  std::string candidate;
  std::string criterion;
  std::vector<std::pair<std::string, double>> scores;  // evaluator -> score, by evaluator id
  double spread = 0;                                   // highest minus lowest
};

// Eligible candidates whose totals tied, and what the declared tie-break
// made of them.
struct TieOutcome {
  std::vector<std::string> candidates;  // tied on total, in candidates-file order
  // The tie-break steps ("quality", "price", "criterion:<id>") that told some
  // of them apart, in the order declared; empty when none did.
  std::vector<std::string> decided_by;
  // The candidates after the tie-break, best first; candidates it could not
  // tell apart share an inner list (and a rank).
  std::vector<std::vector<std::string>> order;
};

// Price scoring's dependence on one losing bid: the ranking of the others
// had that bid not been in the price pool.
struct PoolRemoval {
  std::string removed;               // the bid left out
  bool changes_order = false;        // whether the others' order or ties change
  std::vector<std::string> ranking;  // the others' ranking without it
};

// The nearest price share at which another candidate would come first.
struct ShareSwitch {
  double share = 0;    // the share where the two totals meet
  std::string winner;  // who would be first beyond it
};

// How price was scored, when it has a share (docs/methods.md, "Price").
struct PriceSummary {
  double share = 0;    // price's share of the total
  std::string method;  // "lowest-relative", "linear", "deduct-per-percent" or "log"
  bool scored = false;
  std::string reason;  // why price was not scored; empty when it was
  // The price pool: candidates passing every gate, require, exclusion,
  // minimum and budget that does not read the total or price.
  std::vector<std::string> pool;
  std::optional<double> lowest;  // the lowest present value in the pool
  std::vector<PoolRemoval> removals;  // one per losing bid in the pool
  // The sole winner, and the nearest shares below and above the current one
  // at which another candidate would win, holding quality and price scores
  // as they are (caps on the total aside). Empty winner: no sole winner.
  std::string winner;
  std::optional<ShareSwitch> below;
  std::optional<ShareSwitch> above;
};

struct Decision {
  std::vector<NodeWeight> weights;           // every node, parents first
  std::vector<UnjudgedNode> unjudged;        // nodes given equal weights
  std::vector<CandidateResult> candidates;   // in the candidates file's order
  std::vector<std::string> ranking;          // eligible ids, best first
  std::vector<MemberSummary> members;
  PanelReview panel_review;  // members' own weights, consistency, divergence, warnings
  std::vector<GroupSummary> groups;
  std::vector<ModerationNeed> moderation;
  // Whether a score still to be settled (a spread needing moderation, or a
  // criterion nobody scored) could move a product's place: true when one
  // belongs to an eligible product, or to one shut out only by rules that
  // read scores (minimums, or gates reading score, total or passed()).
  bool unsettled_matters = false;
  std::vector<TieOutcome> ties;        // every tie on total among eligible candidates
  std::optional<PriceSummary> price;   // null when price has no share
  Sensitivity sensitivity;  // how robust the result is (weighbridge/sensitivity.h)
};

}  // namespace weighbridge
