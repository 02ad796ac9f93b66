// What the engine decided and every number behind it. Produced by Evaluate();
// rendered by the reports library. Plain values, no behaviour.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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

struct Decision {
  std::vector<NodeWeight> weights;           // every node, parents first
  std::vector<UnjudgedNode> unjudged;        // nodes given equal weights
  std::vector<CandidateResult> candidates;   // in the candidates file's order
  std::vector<std::string> ranking;          // eligible ids, best first
  std::vector<MemberSummary> members;
  std::vector<GroupSummary> groups;
  std::vector<ModerationNeed> moderation;
};

}  // namespace weighbridge
