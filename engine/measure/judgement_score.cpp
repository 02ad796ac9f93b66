#include "engine/measure/judgement_score.h"

#include <algorithm>
#include <cassert>

namespace weighbridge {
namespace {

// Scores are decimals held in binary: 4.2 - 0.1 comes out as 4.1000000000000005,
// so a spread equal to the threshold on paper can land a hair above it. Spreads
// within this of the threshold count as equal to it (and need no moderation).
constexpr double kSpreadTolerance = 1e-9;

}  // namespace

ScoreSheets IndexScores(const std::vector<Score>& scores, const std::vector<Consensus>& consensus) {
  ScoreSheets sheets;
  for (const Score& score : scores) {
    sheets[{score.candidate, score.criterion}].scores.emplace_back(score.evaluator, score.value);
  }
  for (const Consensus& agreed : consensus) {
    sheets[{agreed.candidate, agreed.criterion}].consensus = agreed.value;
  }
  return sheets;
}

JudgementScore ScoreJudgement(const ScoreSheet& sheet, const Scale& scale) {
  assert(scale.max > scale.min);
  JudgementScore out;
  if (sheet.consensus) {
    // Moderation settles the score; the individual scores stay on record only.
    out.scale_value = *sheet.consensus;
    out.basis = "consensus";
  } else if (!sheet.scores.empty()) {
    double sum = 0;
    for (const auto& [evaluator, value] : sheet.scores) sum += value;
    const std::size_t n = sheet.scores.size();
    out.scale_value = sum / static_cast<double>(n);
    out.basis = n == 1 ? "1 evaluator" : "mean of " + std::to_string(n) + " evaluators";
  } else {
    out.basis = "not scored";
    return out;
  }
  out.score = (*out.scale_value - scale.min) / (scale.max - scale.min) * 100.0;
  return out;
}

std::optional<ModerationNeed> FindModerationNeed(const std::string& candidate,
                                                 const std::string& criterion,
                                                 const ScoreSheet& sheet, const Scale& scale) {
  if (sheet.consensus || sheet.scores.size() < 2) return std::nullopt;
  auto [low, high] = std::minmax_element(
      sheet.scores.begin(), sheet.scores.end(),
      [](const auto& a, const auto& b) { return a.second < b.second; });
  const double spread = high->second - low->second;
  // Strictly above: a spread equal to the threshold is within tolerance.
  if (!(spread > scale.moderation_threshold + kSpreadTolerance)) return std::nullopt;
  ModerationNeed need{candidate, criterion, sheet.scores, spread};
  std::sort(need.scores.begin(), need.scores.end());  // by evaluator id, then value
  return need;
}

}  // namespace weighbridge
