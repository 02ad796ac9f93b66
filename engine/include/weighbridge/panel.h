// The co-production panel: stakeholder groups, their members, and the
// judgements by which members weigh the children of a node.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

// Who a group speaks for, so that the report can check co-production: that
// people who draw on care and practitioners both took part.
enum class GroupRole { kUnset, kExpertsByExperience, kPractitioners, kCommissioners, kOther };

enum class WeighMethod { kPairwise, kPoints, kRank, kSwing, kDirect };

struct Group {
  std::string id;
  std::string title;
  double weight = 1;  // relative to the other groups; >= 0, not all 0
  GroupRole role = GroupRole::kUnset;  // from `role`; kUnset: guessed from id and title
  SourcePos pos;         // where its id was given
  SourcePos weight_pos;  // where its weight was given (pos of the table when not given)
  // How its members weigh in the browser (`weighbridge serve`); none: points.
  // Judgements given in files may use any method.
  std::optional<WeighMethod> method;
};

struct Member {
  std::string id;  // pseudonymous
  std::string group;
  std::string name;  // optional
  SourcePos pos;
};

// "pairwise", "points", "rank", "swing" or "direct".
const char* WeighMethodName(WeighMethod method);

// One pairwise comparison: `a` is `value` times as important as `b`.
struct Comparison {
  std::string a;
  std::string b;
  double value = 1;  // 1/9 .. 9
  SourcePos pos;     // where the pair was written
};

// One member's weighting of the children of `parent`.
struct Judgement {
  std::string member;
  std::string parent;  // kRootId or a branch id
  WeighMethod method = WeighMethod::kPoints;
  // points, swing, direct: child id -> the value given (a child left out gets 0).
  std::map<std::string, double> values;
  // pairwise: the comparisons given, each pair once; they link every child.
  std::vector<Comparison> pairs;
  // rank: every child, most important first; an inner list holds a tie.
  std::vector<std::vector<std::string>> order;
  SourcePos pos;
};

// How procurement.toml's [panel] combines members' judgements.
enum class WithinGroup {
  kMean,        // arithmetic mean of members' weights (the default)
  kGeometric,   // geometric mean of members' weights, renormalised
  kJudgements,  // geometric mean of pairwise judgements, then eigenvector
};

// "mean", "geometric" or "judgements".
const char* WithinGroupName(WithinGroup within);

struct PanelOptions {
  // How a group's members are combined on a node. Default kMean: every
  // member's weights count equally and a zero stays a zero for one person.
  WithinGroup within_group = WithinGroup::kMean;
  // Pairwise judgements whose consistency ratio is above this are left out.
  // Default none: every judgement counts and inconsistent ones are flagged.
  std::optional<double> exclude_cr_above;
};

struct Panel {
  std::vector<Group> groups;
  std::vector<Member> members;
  std::vector<Judgement> judgements;  // panel.toml's, then panel.csv's
  PanelOptions options;               // from procurement.toml's [panel]
};

}  // namespace weighbridge
