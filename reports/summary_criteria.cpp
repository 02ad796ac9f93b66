#include "reports/summary_criteria.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "reports/published_shares.h"
#include "reports/sign_off_text.h"

namespace weighbridge {
namespace {

std::string ScaleWords(const Scale& scale) {
  return FormatAsGiven(scale.min) + " to " + FormatAsGiven(scale.max);
}

// How an evidence value turns into 0-100 (docs/methods.md, "Evidence
// criteria: value functions"), short enough for a table cell.
std::string ValueWords(const ValueFunction& value) {
  switch (value.kind) {
    case ValueKind::kBoolean:
      return "yes scores 100, no scores 0";
    case ValueKind::kLinear:
      return FormatAsGiven(value.worst) + " or worse scores 0, " + FormatAsGiven(value.best) +
             " or better scores 100, in proportion between";
    case ValueKind::kPiecewise: {
      std::vector<std::string> points;
      for (const auto& [x, score] : value.points) {
        points.push_back(FormatAsGiven(x) + " scores " + FormatAsGiven(score));
      }
      return JoinPlainList(points) + ", in proportion between";
    }
    case ValueKind::kLevels: {
      // Listed from the lowest score up, which reads as a ladder.
      std::vector<std::pair<std::string, double>> levels(value.levels.begin(), value.levels.end());
      std::stable_sort(levels.begin(), levels.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
      std::vector<std::string> parts;
      for (const auto& [answer, score] : levels) {
        parts.push_back("'" + Escape(answer) + "' scores " + FormatAsGiven(score));
      }
      return JoinPlainList(parts);
    }
  }
  return {};
}

}  // namespace

std::string HowScored(const Procurement& procurement, const Criterion& criterion) {
  switch (criterion.assess) {
    case Assess::kBranch:
      return "The criteria under it, added up";
    case Assess::kJudgement: {
      std::string text =
          "Evaluators' judgement on the " + ScaleWords(procurement.framework.scale) + " scale";
      if (criterion.minimum) {
        text += "; a score below " + FormatAsGiven(*criterion.minimum) +
                " means the tender cannot be awarded the contract";
      }
      return text;
    }
    case Assess::kEvidence:
      return "From the answer on '" + Escape(criterion.evidence) +
             "': " + ValueWords(criterion.value);
    case Assess::kPrice:
      return "From the present value of the bid's whole-life cost, by the '" +
             std::string(PriceMethodName(procurement.price.method)) +
             "' formula: the lowest eligible price scores 100";
  }
  return {};
}

std::string SummaryCriteriaSection(const Procurement& procurement,
                                   const std::map<std::string, long long>& tenths) {
  std::string out = "## The award criteria\n\n";
  out +=
      "Each criterion's share is how much it counts towards a total out of 100, as published "
      "in the assessment methodology: rounded to 0.1% so that the shares add up to exactly "
      "100%, a heading's share being the sum of the shares under it. Every score is turned "
      "into a score out of 100 on its criterion, 0 the lowest and 100 the highest.\n\n";
  TableHeader(out, {"Criterion", "Share of the total", "How it was scored"}, "lrl");
  const CriteriaTree& tree = procurement.framework.tree;
  for (const Criterion& c : tree.nodes()) {
    std::string indent;
    for (const Criterion* up = &c; up->parent != kRootId; up = tree.Find(up->parent)) {
      indent += "&emsp;";
      if (!tree.Find(up->parent)) break;
    }
    auto share = tenths.find(c.id);
    TableRow(out, {indent + EscapedTitle(procurement, c.id),
                   share == tenths.end() ? "" : TenthsPercent(share->second),
                   HowScored(procurement, c)});
  }
  out += "\n";
  const Scale& scale = procurement.framework.scale;
  out += "Evaluators scored from " + ScaleWords(scale) + "; a score of " +
         FormatAsGiven(scale.min) + " counts as 0 out of 100 and " + FormatAsGiven(scale.max) +
         " as 100, with scores in between in proportion.";
  if (!scale.levels.empty()) {
    out += " The scale describes these levels:\n\n";
    for (const ScaleLevel& level : scale.levels) {
      out += "- " + FormatAsGiven(level.value);
      if (!level.label.empty()) out += ", " + Escape(level.label);
      if (!level.descriptor.empty()) out += ": " + Escape(level.descriptor);
      out += "\n";
    }
  } else {
    out += "\n";
  }
  out +=
      "\nThis is a summary. The award criteria and the assessment methodology in full, with "
      "the question asked under each criterion, are in the assessment methodology published "
      "with the tender.\n\n";
  return out;
}

}  // namespace weighbridge
