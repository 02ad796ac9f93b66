// A criteria framework: the evaluators' scale and the tree of criteria that
// candidates are scored against. Loaded from criteria/<id>.toml plus any local
// criteria a procurement adds.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// One described level of the evaluators' scale. Levels describe; they do not
// restrict scores to these values.
struct ScaleLevel {
  double value = 0;
  std::string label;       // e.g. "Satisfactory"
  std::string descriptor;  // what a score at this level looks like
};

struct Scale {
  double min = 0;
  double max = 5;                   // always > min once loaded
  double moderation_threshold = 2;  // evaluators further apart need moderation
  std::vector<ScaleLevel> levels;   // ordered by value
};

struct Framework {
  std::string id;
  std::string version;
  std::string title;
  Scale scale;
  CriteriaTree tree;
  std::string source_file;  // where it was loaded from
};

// Id, version and title of a framework, for `weighbridge frameworks`.
struct FrameworkSummary {
  std::string id;
  std::string version;
  std::string title;
  std::string path;
};

}  // namespace weighbridge
