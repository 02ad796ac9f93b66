#include "engine/measure/value_function.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <variant>

namespace weighbridge {
namespace {

double Linear(const ValueFunction& function, double x) {
  const double score = (x - function.worst) / (function.best - function.worst) * 100.0;
  return std::clamp(score, 0.0, 100.0);
}

// Interpolates between the two points around x; beyond the ends the nearest
// end's value holds, as a panel's curve says nothing about what lies outside.
double Piecewise(const ValueFunction& function, double x) {
  const auto& points = function.points;
  assert(points.size() >= 2);
  if (x <= points.front().first) return points.front().second;
  if (x >= points.back().first) return points.back().second;
  std::size_t i = 1;
  while (points[i].first < x) ++i;  // points[i - 1].first < x <= points[i].first
  const auto& [x0, v0] = points[i - 1];
  const auto& [x1, v1] = points[i];
  return v0 + (x - x0) / (x1 - x0) * (v1 - v0);
}

double Levels(const ValueFunction& function, const std::string& text) {
  auto it = function.levels.find(text);
  assert(it != function.levels.end() && "the loader checks every text is in the map");
  return it == function.levels.end() ? 0.0 : it->second;
}

}  // namespace

double ApplyValueFunction(const ValueFunction& function, const EvidenceValue& value) {
  switch (function.kind) {
    case ValueKind::kBoolean: return std::get<bool>(value) ? 100.0 : 0.0;
    case ValueKind::kLinear: return Linear(function, std::get<double>(value));
    case ValueKind::kPiecewise: return Piecewise(function, std::get<double>(value));
    case ValueKind::kLevels: return Levels(function, std::get<std::string>(value));
  }
  return 0.0;
}

std::optional<double> ScoreEvidence(const Criterion& criterion, const Candidate& candidate) {
  assert(criterion.assess == Assess::kEvidence);
  auto it = candidate.evidence.find(criterion.evidence);
  if (it == candidate.evidence.end()) return std::nullopt;
  return ApplyValueFunction(criterion.value, it->second);
}

}  // namespace weighbridge
