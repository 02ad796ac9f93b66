// The co-production panel: stakeholder groups, their members, and the
// judgements by which members weigh the children of a node.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

struct Group {
  std::string id;
  std::string title;
  double weight = 1;  // relative to the other groups; >= 0, not all 0
  SourcePos pos;         // where its id was given
  SourcePos weight_pos;  // where its weight was given (pos of the table when not given)
};

struct Member {
  std::string id;  // pseudonymous
  std::string group;
  std::string name;  // optional
  SourcePos pos;
};

enum class WeighMethod { kPairwise, kPoints, kRank, kSwing, kDirect };

// "pairwise", "points", "rank", "swing" or "direct".
const char* WeighMethodName(WeighMethod method);

// One member's weighting of the children of `parent`.
struct Judgement {
  std::string member;
  std::string parent;  // kRootId or a branch id
  WeighMethod method = WeighMethod::kPoints;
  // points, swing, direct: child id -> the value given (a child left out gets 0).
  std::map<std::string, double> values;
  SourcePos pos;
};

struct Panel {
  std::vector<Group> groups;
  std::vector<Member> members;
  std::vector<Judgement> judgements;
};

}  // namespace weighbridge
