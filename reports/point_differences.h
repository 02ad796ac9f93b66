// The difference between two candidates' totals, criterion by criterion:
// the arithmetic behind `weighbridge why`, kept apart from its wording.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/decision.h"

namespace weighbridge {

// One criterion's part in the difference between A's total and B's.
struct PointDifference {
  std::string criterion;  // a leaf's id, "price", or "total" for a cap on the total
  double a = 0;           // A's contribution in points out of 100; 0 when A has no such line
  double b = 0;           // B's contribution, likewise
  double difference = 0;  // a - b: positive is in A's favour
  std::vector<std::string> a_capped_by;  // the caps that lowered A's line, in order
  std::vector<std::string> b_capped_by;  // the caps that lowered B's line, in order
};

// Two contributions closer than this are equal, as two totals closer than
// the engine's tie tolerance are tied.
inline constexpr double kPointTolerance = 1e-9;

// Every line of A's or B's contributions, matched by criterion: those in A's
// favour, largest first; then those in B's favour, largest first; then the
// equal ones. Lines of the same size keep A's order (the tree's), then B's.
// The differences add up to A's total minus B's, because each candidate's
// contributions add up to its total (a cap on the total being a negative
// line). Never fails: a line only one of them has counts as 0 for the other.
std::vector<PointDifference> PointDifferences(const CandidateResult& a, const CandidateResult& b);

}  // namespace weighbridge
