#include <catch2/catch.hpp>

#include "engine/measure/judgement_score.h"

namespace weighbridge {
namespace {

Scale ZeroToFive() { return Scale{0, 5, 2, {}}; }

TEST_CASE("Judgement score: the mean of the evaluators' scores, on 0-100", "[measure]") {
  const ScoreSheet sheet{{{"e1", 2}, {"e2", 4}}, std::nullopt};
  const JudgementScore s = ScoreJudgement(sheet, ZeroToFive());
  // mean (2 + 4) / 2 = 3; (3 - 0) / (5 - 0) x 100 = 60
  CHECK(*s.scale_value == Approx(3.0));
  CHECK(s.score == Approx(60.0));
  CHECK(s.basis == "mean of 2 evaluators");
}

TEST_CASE("Judgement score: a consensus overrides the evaluators' scores", "[measure]") {
  const ScoreSheet sheet{{{"e1", 2}, {"e2", 4}}, 5.0};
  const JudgementScore s = ScoreJudgement(sheet, ZeroToFive());
  // consensus 5: (5 - 0) / 5 x 100 = 100, not the mean's 60
  CHECK(*s.scale_value == 5.0);
  CHECK(s.score == Approx(100.0));
  CHECK(s.basis == "consensus");
}

TEST_CASE("Judgement score: one evaluator's score is named as such", "[measure]") {
  const JudgementScore s = ScoreJudgement({{{"e1", 4}}, std::nullopt}, ZeroToFive());
  CHECK(s.score == Approx(80.0));  // 4 / 5 x 100
  CHECK(s.basis == "1 evaluator");
}

TEST_CASE("Judgement score: a 1-10 scale maps its minimum to 0", "[measure]") {
  const Scale one_to_ten{1, 10, 3, {}};
  const JudgementScore s = ScoreJudgement({{{"e1", 7}, {"e2", 8}}, std::nullopt}, one_to_ten);
  // mean 7.5; (7.5 - 1) / (10 - 1) x 100 = 6.5 / 9 x 100 = 72.22...
  CHECK(*s.scale_value == Approx(7.5));
  CHECK(s.score == Approx(650.0 / 9));
  // The scale's ends: (1 - 1) / 9 x 100 = 0 and (10 - 1) / 9 x 100 = 100.
  CHECK(ScoreJudgement({{{"e1", 1}}, std::nullopt}, one_to_ten).score == 0.0);
  CHECK(ScoreJudgement({{{"e1", 10}}, std::nullopt}, one_to_ten).score == Approx(100.0));
}

TEST_CASE("Judgement score: nobody's score is 0, not scored", "[measure]") {
  const JudgementScore s = ScoreJudgement(ScoreSheet{}, ZeroToFive());
  CHECK_FALSE(s.scale_value.has_value());
  CHECK(s.score == 0.0);
  CHECK(s.basis == "not scored");
}

TEST_CASE("Judgement score: scores and consensus are gathered by candidate and criterion",
          "[measure]") {
  std::vector<Score> scores(3);
  scores[0] = {"e1", "alpha", "safety", 3, "", "", {}};
  scores[1] = {"e1", "beta", "safety", 1, "", "", {}};
  scores[2] = {"e2", "alpha", "safety", 5, "", "", {}};
  const std::vector<Consensus> consensus{{"beta", "safety", 2, "", {}}};
  const ScoreSheets sheets = IndexScores(scores, consensus);
  REQUIRE(sheets.size() == 2);
  const ScoreSheet& alpha = sheets.at({"alpha", "safety"});
  CHECK(alpha.scores == std::vector<std::pair<std::string, double>>{{"e1", 3}, {"e2", 5}});
  CHECK_FALSE(alpha.consensus.has_value());
  CHECK(sheets.at({"beta", "safety"}).consensus == std::optional<double>(2.0));
}

TEST_CASE("Moderation: a spread equal to the threshold needs none; above it does",
          "[measure]") {
  const Scale scale = ZeroToFive();  // threshold 2
  // 3 - 1 = 2, not more than 2: no need.
  CHECK_FALSE(FindModerationNeed("a", "c", {{{"e1", 1}, {"e2", 3}}, std::nullopt}, scale));
  // 3.5 - 1 = 2.5 > 2: a need, with the scores listed by evaluator id.
  const auto need = FindModerationNeed("a", "c", {{{"e2", 3.5}, {"e1", 1}}, std::nullopt}, scale);
  REQUIRE(need.has_value());
  CHECK(need->candidate == "a");
  CHECK(need->criterion == "c");
  CHECK(need->spread == Approx(2.5));
  CHECK(need->scores == std::vector<std::pair<std::string, double>>{{"e1", 1}, {"e2", 3.5}});
}

TEST_CASE("Moderation: decimal rounding does not flag a spread equal to the threshold",
          "[measure]") {
  const Scale scale{0, 10, 4.1, {}};
  // On paper 4.2 - 0.1 = 4.1, equal to the threshold (in binary it is
  // 4.1000000000000005): no need.
  CHECK_FALSE(FindModerationNeed("a", "c", {{{"e1", 0.1}, {"e2", 4.2}}, std::nullopt}, scale));
  // 4.3 - 0.1 = 4.2 > 4.1: a need.
  CHECK(FindModerationNeed("a", "c", {{{"e1", 0.1}, {"e2", 4.3}}, std::nullopt}, scale));
}

TEST_CASE("Moderation: the spread is highest minus lowest of all the scores", "[measure]") {
  const auto need =
      FindModerationNeed("a", "c", {{{"e3", 0}, {"e1", 2}, {"e2", 5}}, std::nullopt}, ZeroToFive());
  REQUIRE(need.has_value());
  CHECK(need->spread == Approx(5.0));  // 5 - 0
}

TEST_CASE("Moderation: none with a consensus or with a single score", "[measure]") {
  // 5 - 0 = 5 > 2, but a consensus was agreed.
  CHECK_FALSE(FindModerationNeed("a", "c", {{{"e1", 0}, {"e2", 5}}, 3.0}, ZeroToFive()));
  CHECK_FALSE(FindModerationNeed("a", "c", {{{"e1", 0}}, std::nullopt}, ZeroToFive()));
}

}  // namespace
}  // namespace weighbridge
