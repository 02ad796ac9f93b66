// What the panel's judgements show beyond the weights: each member's own
// weights, how consistent their comparisons were, where people and groups
// agreed and differed, and whether the panel was the co-production it should
// be. Part of a Decision; plain values, no behaviour.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace weighbridge {

// One member's own local weights on one node.
struct MemberNodeWeights {
  std::string member;
  std::string group;
  std::string node;    // "root" or a branch
  std::string method;  // "pairwise", "points", "rank", "swing" or "direct"
  std::vector<std::pair<std::string, double>> weights;  // child -> local weight, tree order
  std::optional<double> consistency_ratio;  // pairwise and checkable only
  bool excluded = false;  // left out under exclude_cr_above
};

// A member's comparisons on one node less consistent than Saaty's threshold
// for that many criteria, with the answer most at odds with the others.
struct InconsistentJudgement {
  std::string member;
  std::string group;
  std::string node;
  double consistency_ratio = 0;
  double threshold = 0;   // 0.05 (3 criteria), 0.08 (4) or 0.10 (5 or more)
  bool excluded = false;  // left out under exclude_cr_above
  // The pair furthest from the ratio the member's weights imply, turned so
  // that `more` is said to be `given` (>= 1) times as important as `less`.
  std::string more;
  std::string less;
  double given = 1;
  double implied = 1;    // more / less by the member's other answers alone
  double suggested = 1;  // `implied` on the 1-9 scale (below 1: less matters more)
};

// How one group weighed one criterion (local weights).
struct GroupSpread {
  std::string group;
  int members = 0;     // members whose judgement on the criterion's parent counted
  double weight = 0;   // the group's combined weight
  double lowest = 0;   // the lowest any of those members gave
  double highest = 0;  // the highest any of them gave
};

// How far apart people were on one criterion.
struct CriterionDivergence {
  std::string criterion;
  std::string parent;                // "root" or a branch
  std::vector<GroupSpread> groups;   // groups that weighed the parent, panel order
  double between = 0;                // highest group weight minus lowest; 0 with one group
  std::string highest_group;         // "" with fewer than two groups
  std::string lowest_group;
};

// How far a group's members agreed on the order of a node's criteria.
struct GroupAgreement {
  std::string group;
  std::string node;
  int members = 0;                   // members whose judgement counted
  std::optional<double> kendall_w;   // 0 (no agreement) .. 1 (same order); null below 2 members or criteria
};

// Who took part, group by group.
struct GroupTurnout {
  std::string group;
  std::string role;    // "experts by experience", "practitioners", "commissioners", "other" or ""
  int members = 0;     // members declared
  int judged = 0;      // members who gave at least one judgement
  std::vector<std::string> names;  // names members chose to give, in panel order
};

// A co-production concern, in plain words.
struct PanelWarning {
  // "no-experts-by-experience", "experts-by-experience-silent",
  // "no-practitioners", "practitioners-silent", "group-weight-zero" or
  // "one-voice".
  std::string kind;
  std::string message;
};

// Where a group's judgements on a node could not be combined as asked.
struct PanelNote {
  std::string group;
  std::string node;
  std::string note;
};

struct PanelReview {
  std::string within_group = "mean";        // "mean", "geometric" or "judgements"
  std::optional<double> exclude_cr_above;   // as procurement.toml set it
  std::vector<MemberNodeWeights> member_weights;   // panel order
  std::vector<InconsistentJudgement> inconsistent; // panel order
  std::vector<CriterionDivergence> divergence;     // every weighed criterion, tree order
  // Up to three criteria on which groups differ most (between >= 0.05),
  // largest difference first.
  std::vector<std::string> differ_most;
  std::vector<GroupAgreement> agreement;  // by node (tree order), then group
  std::vector<GroupTurnout> turnout;      // panel order
  std::vector<PanelNote> notes;
  std::vector<PanelWarning> warnings;
};

}  // namespace weighbridge
