#include "reports/point_differences.h"

#include <algorithm>
#include <cmath>

namespace weighbridge {
namespace {

// 0 in A's favour, 1 in B's, 2 equal: the order the groups are listed in.
int Side(const PointDifference& line) {
  if (line.difference > kPointTolerance) return 0;
  if (line.difference < -kPointTolerance) return 1;
  return 2;
}

}  // namespace

std::vector<PointDifference> PointDifferences(const CandidateResult& a, const CandidateResult& b) {
  std::vector<PointDifference> lines;
  auto line_for = [&lines](const std::string& criterion) -> PointDifference& {
    for (PointDifference& line : lines) {
      if (line.criterion == criterion) return line;
    }
    lines.push_back(PointDifference{criterion, 0, 0, 0, {}, {}});
    return lines.back();
  };
  // Matched by id rather than by position: only a candidate whose total was
  // capped has a "total" line, so the two lists need not line up.
  for (const CriterionResult& r : a.criteria) {
    PointDifference& line = line_for(r.criterion);
    line.a = r.contribution;
    line.a_capped_by = r.capped_by;
  }
  for (const CriterionResult& r : b.criteria) {
    PointDifference& line = line_for(r.criterion);
    line.b = r.contribution;
    line.b_capped_by = r.capped_by;
  }
  for (PointDifference& line : lines) line.difference = line.a - line.b;
  // Stable, so that lines of the same size keep the tree's order and the
  // same decision always reads the same.
  std::stable_sort(lines.begin(), lines.end(),
                   [](const PointDifference& x, const PointDifference& y) {
                     if (Side(x) != Side(y)) return Side(x) < Side(y);
                     if (Side(x) == 2) return false;
                     return std::fabs(x.difference) > std::fabs(y.difference);
                   });
  return lines;
}

}  // namespace weighbridge
