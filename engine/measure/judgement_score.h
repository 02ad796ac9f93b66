// Scores a candidate on a judgement criterion from the evaluators' scores or
// their moderated consensus, and finds scores that still need moderation.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "weighbridge/decision.h"
#include "weighbridge/framework.h"
#include "weighbridge/scores.h"

namespace weighbridge {

// What was recorded for one candidate on one judgement criterion.
struct ScoreSheet {
  std::vector<std::pair<std::string, double>> scores;  // evaluator -> value, scores.toml order
  std::optional<double> consensus;                     // the moderated value, if agreed
};

// (candidate id, criterion id) -> what was recorded for that pair.
using ScoreSheets = std::map<std::pair<std::string, std::string>, ScoreSheet>;

// Gathers scores and consensus by (candidate, criterion). Precondition: at
// most one consensus per pair and one score per evaluator per pair (loader).
ScoreSheets IndexScores(const std::vector<Score>& scores, const std::vector<Consensus>& consensus);

// A judgement criterion measured for one candidate.
struct JudgementScore {
  std::optional<double> scale_value;  // on the evaluators' scale; null when nobody scored
  double score = 0;                   // 0-100; 0 when nobody scored
  std::string basis;  // "consensus", "1 evaluator", "mean of N evaluators" or "not scored"
};

// The consensus value if one was agreed, else the arithmetic mean of the
// evaluators' scores, mapped from [scale.min, scale.max] onto 0-100. A sheet
// with neither (possible only when incomplete procurements are allowed)
// scores 0, "not scored". Precondition: scale.max > scale.min.
JudgementScore ScoreJudgement(const ScoreSheet& sheet, const Scale& scale);

// A need for moderation when the sheet has no consensus, at least two scores,
// and its spread (highest minus lowest) is strictly above
// scale.moderation_threshold (by more than 1e-9, so that decimal rounding
// does not flag a spread equal to it); otherwise null. Scores are listed by
// evaluator id.
std::optional<ModerationNeed> FindModerationNeed(const std::string& candidate,
                                                 const std::string& criterion,
                                                 const ScoreSheet& sheet, const Scale& scale);

}  // namespace weighbridge
