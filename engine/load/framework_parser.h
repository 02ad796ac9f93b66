// A framework file's three parts: [framework], [scale] and [[criterion]].
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/load/rule_parser.h"
#include "engine/load/source_file.h"
#include "weighbridge/framework.h"

namespace weighbridge {

// What a framework file declares, before its criteria are joined with a
// procurement's local criteria and checked as a tree.
struct FrameworkParts {
  std::string id;
  std::string version;
  std::string title;
  Scale scale;
  std::vector<Criterion> criteria;  // in declaration order
  std::vector<RuleDraft> rules;     // in declaration order, not yet compiled
};

// Parses framework text into parts, reporting every problem in `diagnostics`.
// Returns nullopt only when the text is not TOML at all.
std::optional<FrameworkParts> ParseFrameworkParts(const SourceFile& file, Diagnostics& diagnostics);

}  // namespace weighbridge
