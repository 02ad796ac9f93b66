#include "reports/markdown_robustness.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "reports/report_headings.h"

namespace weighbridge {
namespace {

// How far the shares may be from what endless draws would give, in plain
// words. `band` is two standard errors in percentage points; it is 0 only
// when every product took the same place in every draw.
std::string PrecisionSentence(double band) {
  if (band == 0) {
    return "Every product took the same place in every draw.";
  }
  const std::string size = band < 0.05 ? "less than 0.1" : "about " + FormatFixed(band, 1);
  return "Each share is within " + size +
         " points of what endless draws would give (two standard errors).";
}

class Robustness {
 public:
  Robustness(const Procurement& p, const Decision& d) : p_(p), d_(d), s_(d.sensitivity) {}

  std::string Render() {
    if (s_.skipped) return "";
    out_ += "## How robust is the decision\n\n";
    if (d_.ranking.empty()) {
      out_ += "No product was eligible, so there is no decision whose robustness could be "
              "tested.\n\n";
      return out_;
    }
    if (d_.ranking.size() == 1) {
      out_ += Name(d_.ranking[0]) +
              " was the only eligible product, so no change to the weights or to the scores "
              "of eligible products could change the decision.\n\n";
      return out_;
    }
    out_ +=
        "A decision that turns on a small change in one weight or one score should be signed "
        "knowing so. This section tests how far the result depends on each.\n\n";
    Weights();
    Scores();
    Smaa();
    CrossChecks();
    return out_;
  }

 private:
  std::string Name(const std::string& id) const {
    for (const CandidateResult& c : d_.candidates) {
      if (c.id == id && !c.name.empty()) return Escape(c.name);
    }
    return Escape(id);
  }

  std::string Title(const std::string& id) const {
    if (const Criterion* c = p_.framework.tree.Find(id); c && !c->title.empty()) {
      return Escape(c->title);
    }
    if (id == "price") return "Price";
    if (id == "quality") return "Quality";
    return Escape(id);
  }

  // A mark on the evaluators' scale, to two places at most: "4", "3.5", "3.67".
  static std::string Mark(double value) {
    std::string text = FormatFixed(value, 2);
    while (text.find('.') != std::string::npos && (text.back() == '0' || text.back() == '.')) {
      const bool dot = text.back() == '.';
      text.pop_back();
      if (dot) break;
    }
    return text;
  }

  std::string Share(const std::string& parent) const {
    return parent == "root" ? "of the whole" : "of " + Title(parent);
  }

  void Weights() {
    out_ += std::string("### ") + headings::kIfTheWeightsWereDifferent + "\n\n";
    const std::string winner = Name(d_.ranking[0]);
    if (s_.tipping) {
      const WeightTipping& t = *s_.tipping;
      std::string parent = "root";
      for (const StabilityInterval& i : s_.stability) {
        if (i.criterion == t.criterion) parent = i.parent;
      }
      out_ += winner + " stays first unless the weight of " + Title(t.criterion) +
              (t.below ? " falls below " : " rises above ") + FormatPercent(t.bound) + " " +
              Share(parent) + ", from " + FormatPercent(t.today) + " today; " +
              Name(t.overtaker) + " would then come first. No smaller change to a single weight " +
              "alters the winner.\n\n";
    } else {
      out_ += "No change to any single weight, however large, would put another product ahead "
              "of " + winner + ".\n\n";
    }
    if (s_.stability.empty()) return;
    out_ +=
        "Each row moves one criterion's weight on its own, its siblings sharing the rest in "
        "their present proportions. The winner stays first, and the whole ranking stays as it "
        "is, while the weight stays within the ranges shown (at an end, two products tie).\n\n";
    TableHeader(out_, {"Criterion", "Weight today", "Winner stays first", "Ranking unchanged"},
                "lrrr");
    bool inexact = false;
    for (const StabilityInterval& i : s_.stability) {
      const std::string mark = i.exact ? "" : " (approx.)";
      inexact = inexact || !i.exact;
      TableRow(out_, {Title(i.criterion) + " (" + Share(i.parent) + ")", FormatPercent(i.weight),
                      Range(i.winner_lower, i.winner_upper) + mark,
                      Range(i.ranking_lower, i.ranking_upper) + mark});
    }
    out_ += "\n";
    if (inexact) {
      out_ += "Ranges marked approx. involve a cap inside another cap, which bends the totals; "
              "they were found by trying many weights and narrowing down between them, so "
              "they are close but not exact.\n\n";
    }
  }

  static std::string Range(double lower, double upper) {
    if (lower <= 0 && upper >= 1) return "any";
    return FormatPercent(lower) + " to " + FormatPercent(upper);
  }

  void Scores() {
    out_ += "### If one score were different\n\n";
    std::vector<const ScoreFlip*> smallest;
    std::vector<const ScoreFlip*> one_point;
    for (const ScoreFlip& f : s_.score_flips) {
      (f.kind == "smallest" ? smallest : one_point).push_back(&f);
    }
    const std::string winner = Name(d_.ranking[0]);
    const std::string runner_up = Name(d_.ranking[1]);
    if (smallest.empty()) {
      out_ += "No change to a single judgement score, anywhere on the scale, would put " +
              runner_up + " ahead of " + winner + ".\n\n";
      return;
    }
    for (const ScoreFlip* f : smallest) {
      out_ += "Had " + Name(f->candidate) + " scored " + Mark(f->to) + " instead of " +
              Mark(f->from) + " on " + Title(f->criterion) + ", " + Name(f->new_winner) +
              " would have won. This is the smallest change to one of " +
              Possessive(Name(f->candidate)) + " scores that does it.\n";
    }
    out_ += "\n";
    if (one_point.empty()) {
      out_ += "No single score moved by one point would change the winner.\n\n";
      return;
    }
    out_ += "Moving any one of these scores by one point would change the winner:\n\n";
    for (const ScoreFlip* f : one_point) {
      out_ += "- " + Name(f->candidate) + " on " + Title(f->criterion) + ": " + Mark(f->from) +
              " to " + Mark(f->to) + ", and " + Name(f->new_winner) + " would have won.\n";
    }
    out_ += "\n";
  }

  std::string Method(const SmaaResult& r) const {
    std::string text;
    if (r.weights_mode == "panel") {
      text = "weightings that vary as much as the panel's members disagreed (members drawn "
             "again within each group, each group keeping its share)";
    } else if (r.weights_mode == "bounds") {
      text = "weightings drawn at random within the limits set for each criterion";
    } else {
      text = "weightings drawn at random from every possible weighting";
    }
    if (r.uncertain_scores > 0 && r.scores_mode != "fixed") {
      text += ", with the " + CountedNoun(r.uncertain_scores, "score", "scores") +
              " on which evaluators differed drawn between their lowest and highest";
    }
    return text;
  }

  void Smaa() {
    const SmaaResult& r = s_.smaa;
    out_ += std::string("### ") + headings::kUnderPlausibleWeightings + "\n\n";
    if (!r.ran) {
      out_ += "The analysis with random weightings was not run: " + Escape(r.note) + ".\n\n";
      return;
    }
    std::vector<std::size_t> order(r.candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return r.acceptability[a][0] > r.acceptability[b][0];
    });
    std::string sentence;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const double first = r.acceptability[order[k]][0];
      if (first <= 0) break;
      sentence += k == 0 ? Name(r.candidates[order[k]]) + " ranks first in " + FormatPercent(first) +
                               " of plausible weightings"
                         : "; " + Name(r.candidates[order[k]]) + " in " + FormatPercent(first);
    }
    out_ += sentence + ".\n\n";
    out_ += "These come from " + FormatCount(r.samples) + " " + Method(r) + ". " +
            "Each row shows how often a product took each place.\n\n";
    std::vector<std::string> header{"Product"};
    std::string align = "l";
    for (std::size_t k = 0; k < r.candidates.size(); ++k) {
      header.push_back(Ordinal(k + 1));
      align += "r";
    }
    header.push_back("Confidence");
    align += "r";
    TableHeader(out_, header, align);
    double worst_se = 0;
    for (std::size_t i : order) {
      std::vector<std::string> row{Name(r.candidates[i])};
      for (std::size_t k = 0; k < r.acceptability[i].size(); ++k) {
        row.push_back(FormatPercent(r.acceptability[i][k]));
        worst_se = std::max(worst_se, r.acceptability_se[i][k]);
      }
      row.push_back(r.confidence[i] ? FormatPercent(*r.confidence[i]) : "");
      TableRow(out_, row);
    }
    out_ += "\n";
    out_ += "Confidence is how often a product still comes first under its own most favourable "
            "typical weights (its central weights), as the disputed scores vary. " +
            PrecisionSentence(2 * worst_se * 100) + " The draws used the seed " +
            fmt::format("{}", r.seed) + " and the generator " + Escape(r.generator) +
            ": the same inputs and seed always give the same numbers.";
    if (!r.note.empty()) out_ += " Note: " + Escape(r.note) + ".";
    out_ += "\n\n";
  }

  static std::string Ordinal(std::size_t k) {
    const std::size_t tens = k % 100;
    const char* suffix = "th";
    if (tens < 11 || tens > 13) {
      if (k % 10 == 1) suffix = "st";
      if (k % 10 == 2) suffix = "nd";
      if (k % 10 == 3) suffix = "rd";
    }
    return std::to_string(k) + suffix;
  }

  void CrossChecks() {
    if (s_.cross_checks.empty()) return;
    out_ += "### Other ways of adding up\n\n";
    std::vector<std::string> agree;
    std::vector<std::string> disagree;
    for (const MethodCheck& c : s_.cross_checks) {
      const std::string name = c.method == "topsis" ? "TOPSIS (closeness to an ideal product)"
                                                    : "PROMETHEE II (pairwise preferences)";
      if (c.agrees) {
        agree.push_back(name);
      } else {
        std::vector<std::string> names;
        for (const std::string& id : c.first) names.push_back(Name(id));
        disagree.push_back(name + " puts " + JoinPlainList(names) + " first");
      }
    }
    if (!agree.empty()) {
      out_ += JoinPlainList(agree) + (agree.size() > 1 ? " also put " : " also puts ") +
              "the same product first when given the same scores and weights.";
    }
    if (!disagree.empty()) {
      out_ += std::string(agree.empty() ? "" : " ") + "On the same scores and weights, " +
              JoinPlainList(disagree) + ".";
    }
    out_ += " These are checks only: the weighted sum decides, as published.\n\n";
  }

  const Procurement& p_;
  const Decision& d_;
  const Sensitivity& s_;
  std::string out_;
};

}  // namespace

std::string RobustnessSection(const Procurement& procurement, const Decision& decision) {
  return Robustness(procurement, decision).Render();
}

}  // namespace weighbridge
