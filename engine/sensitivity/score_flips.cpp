#include "engine/sensitivity/score_flips.h"

#include <cmath>
#include <optional>

namespace weighbridge {
namespace {

// Scale values closer than this are the same mark.
constexpr double kSameMark = 1e-9;

// The marks on the kFlipStep grid within the scale, with its ends, ascending.
std::vector<double> Grid(const Scale& scale) {
  std::vector<double> out{scale.min};
  const long long first = static_cast<long long>(std::ceil(scale.min / kFlipStep - 1e-9));
  const long long last = static_cast<long long>(std::floor(scale.max / kFlipStep + 1e-9));
  for (long long k = first; k <= last; ++k) {
    // k / 10 rather than k x 0.1, so that 0.3 is the double nearest 0.3.
    const double mark = static_cast<double>(k) / (1 / kFlipStep);
    if (mark > out.back() + kSameMark && mark < scale.max - kSameMark) out.push_back(mark);
  }
  if (scale.max > out.back() + kSameMark) out.push_back(scale.max);
  return out;
}

class FlipSearch {
 public:
  FlipSearch(const FlatModel& model, const Scale& scale, std::size_t winner,
             std::size_t runner_up, double tol)
      : model_(model), scale_(scale), winner_(winner), runner_up_(runner_up), tol_(tol) {
    const FlatTree& tree = model.tree();
    for (const FlatCandidate& c : model.eligible()) {
      base_.push_back(model.Total(c, tree.local, tree.global));
    }
  }

  // Whether the runner-up is strictly first once candidate `who` scores
  // `mark` (on the evaluators' scale) on leaf `slot`.
  bool Flips(std::size_t who, int slot, double mark) const {
    const FlatCandidate& c = model_.eligible()[who];
    std::vector<double> score = c.score;
    score[slot] = (mark - scale_.min) / (scale_.max - scale_.min) * 100.0;
    const FlatTree& tree = model_.tree();
    std::vector<double> totals = base_;
    totals[who] = model_.Total(c, score, tree.local, tree.global);
    for (std::size_t k = 0; k < totals.size(); ++k) {
      if (k != runner_up_ && !(totals[runner_up_] - totals[k] > tol_)) return false;
    }
    return true;
  }

  // The nearest grid mark beyond `from`, downwards for the winner and
  // upwards for the runner-up, that flips; null when none within the scale.
  std::optional<double> Nearest(std::size_t who, int slot, double from,
                                const std::vector<double>& grid) const {
    if (who == winner_) {
      for (auto it = grid.rbegin(); it != grid.rend(); ++it) {
        if (*it < from - kSameMark && Flips(who, slot, *it)) return *it;
      }
    } else {
      for (double mark : grid) {
        if (mark > from + kSameMark && Flips(who, slot, mark)) return mark;
      }
    }
    return std::nullopt;
  }

 private:
  const FlatModel& model_;
  const Scale& scale_;
  std::size_t winner_;
  std::size_t runner_up_;
  double tol_;
  std::vector<double> base_;
};

}  // namespace

std::vector<ScoreFlip> ScoreFlips(const FlatModel& model, const Decision& decision,
                                  const CriteriaTree& tree, const Scale& scale,
                                  std::size_t winner, std::size_t runner_up,
                                  double tie_tolerance) {
  std::vector<ScoreFlip> smallest;
  std::vector<ScoreFlip> one_point;
  if (model.eligible().size() < 2) return {};
  const FlipSearch search(model, scale, winner, runner_up, tie_tolerance);
  const std::vector<double> grid = Grid(scale);
  const std::string& new_winner = model.eligible()[runner_up].id;
  for (std::size_t who : {winner, runner_up}) {
    const FlatCandidate& c = model.eligible()[who];
    const double direction = who == winner ? -1.0 : 1.0;
    std::optional<ScoreFlip> best;
    for (const CriterionResult& r : decision.candidates[c.index].criteria) {
      const Criterion* criterion = tree.Find(r.criterion);
      const int node = model.tree().Find(r.criterion);
      if (!criterion || criterion->assess != Assess::kJudgement || !r.scale_value || node < 0) {
        continue;
      }
      const int slot = model.tree().slot[node];
      const double from = *r.scale_value;
      if (auto to = search.Nearest(who, slot, from, grid)) {
        ScoreFlip flip{c.id, r.criterion, from, *to, new_winner, "smallest"};
        if (!best || std::abs(flip.to - from) < std::abs(best->to - best->from) - kSameMark) {
          best = flip;
        }
      }
      const double moved = from + direction;
      if (moved >= scale.min - kSameMark && moved <= scale.max + kSameMark &&
          search.Flips(who, slot, moved)) {
        one_point.push_back({c.id, r.criterion, from, moved, new_winner, "one point"});
      }
    }
    if (best) smallest.push_back(*best);
  }
  // A smallest change that is itself one point is listed once.
  for (const ScoreFlip& f : one_point) {
    bool listed = false;
    for (const ScoreFlip& s : smallest) {
      listed = listed || (s.candidate == f.candidate && s.criterion == f.criterion &&
                          std::abs(s.to - f.to) < kSameMark);
    }
    if (!listed) smallest.push_back(f);
  }
  return smallest;
}

}  // namespace weighbridge
