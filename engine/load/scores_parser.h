// scores.toml: evaluators' scores with their reasons, and moderated consensus.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/load/source_file.h"
#include "weighbridge/candidate.h"
#include "weighbridge/framework.h"
#include "weighbridge/scores.h"

namespace weighbridge {

struct ParsedScores {
  std::vector<Score> scores;
  std::vector<Consensus> consensus;
  std::vector<Assignment> assignments;
  // (candidate, criterion) of every score or consensus written, kept or not:
  // a score refused for its value is not also "missing".
  std::set<std::pair<std::string, std::string>> written;
};

// Parses and checks scores against the candidates and the framework. Either
// may be null when it could not be loaded; then those checks are skipped.
ParsedScores ParseScores(const SourceFile& file, const Framework* framework,
                       const std::vector<Candidate>* candidates, Diagnostics& diagnostics);

}  // namespace weighbridge
