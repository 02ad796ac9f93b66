// Panels ask to see that their voice counted (README: co-production): this
// section says so in a few sentences, from figures the report gives in full
// under "What mattered and who decided".
#include "reports/markdown_coproduction.h"

#include <algorithm>
#include <vector>

#include "reports/markdown_panel.h"
#include "reports/markdown_text.h"
#include "reports/number_format.h"

namespace weighbridge {
namespace {

std::string Title(const GroupSummary& g) { return Escape(g.title.empty() ? g.id : g.title); }

std::string CandidateName(const Decision& d, const std::string& id) {
  for (const CandidateResult& c : d.candidates) {
    if (c.id == id) return Escape(c.name.empty() ? id : c.name);
  }
  return Escape(id);
}

// "Experts by experience (four people), ... and Commissioners (three people)".
std::string GroupsWithCounts(const Decision& d) {
  std::vector<std::string> parts;
  for (const GroupSummary& g : d.groups) {
    parts.push_back(Title(g) + " (" + CountedNoun(g.members, "person", "people") + ")");
  }
  return JoinPlainList(parts);
}

std::string Shares(const Decision& d) {
  bool equal = std::all_of(d.groups.begin(), d.groups.end(),
                           [&](const GroupSummary& g) { return g.weight == d.groups[0].weight; });
  if (d.groups.size() < 2) return "";
  if (equal) return " Each group counted equally, whatever its size.";
  std::vector<std::string> parts;
  for (const GroupSummary& g : d.groups) parts.push_back(Title(g) + " " + FormatPercent(g.weight));
  return " The groups' shares of the panel's voice were set in advance: " + JoinPlainList(parts) +
         ".";
}

// For each group, the top-level criterion it gave most weight; criteria
// level with it as the report shows them (the same percentage) are named
// too, so that no criterion is said to come first when it only ties.
std::string MostValued(const Procurement& p, const Decision& d) {
  const std::string top = TopNode(d);
  std::vector<std::string> lines;
  for (const GroupSummary& g : d.groups) {
    std::vector<std::pair<std::string, double>> weights;  // tree order
    double best = -1;
    for (const NodeWeight& w : d.weights) {
      if (w.parent != top || w.criterion == top) continue;
      auto it = g.weights.find(w.criterion);
      if (it == g.weights.end()) continue;
      weights.emplace_back(w.criterion, it->second);
      best = std::max(best, it->second);
    }
    if (weights.empty()) continue;
    std::vector<std::string> level;
    for (const auto& [criterion, weight] : weights) {
      if (FormatPercent(weight) == FormatPercent(best)) {
        level.push_back(Escape(CriterionTitle(p, criterion)));
      }
    }
    lines.push_back("- " + Title(g) + ": " + JoinPlainList(level) + " (" + FormatPercent(best) +
                    (level.size() > 1 ? " each)" : ")"));
  }
  if (lines.empty()) return "";
  std::string out = "What each group gave most weight to, among " +
                    NodeInWords(p, d, top) + ":\n\n";
  for (const std::string& line : lines) out += line + "\n";
  return out + "\n";
}

// Whether each group's own weights would have chosen the panel's winner.
std::string SameChoice(const Decision& d) {
  if (d.ranking.empty() || d.groups.size() < 2) return "";
  const std::string& winner = d.ranking.front();
  std::vector<std::string> differ;
  for (const GroupSummary& g : d.groups) {
    if (!g.ranking.empty() && g.ranking.front() != winner) {
      differ.push_back(Possessive(Title(g)) + " own weights would have put " +
                       CandidateName(d, g.ranking.front()) + " first");
    }
  }
  if (differ.empty()) {
    return "Each group's own weights, on their own, would have put " + CandidateName(d, winner) +
           " first, as the whole panel's weights do.\n\n";
  }
  std::string out;
  for (const std::string& line : differ) out += Capitalised(line) + ". ";
  return out + "The decision follows the whole panel's weights, which combine every group's, so " +
         CandidateName(d, winner) + " comes first.\n\n";
}

}  // namespace

std::string CoproductionStatement(const Procurement& procurement, const Decision& decision) {
  const Decision& d = decision;
  std::string out = "## Co-production statement\n\n";
  int judged = 0;
  for (const MemberSummary& m : d.members) judged += m.method == "none" ? 0 : 1;
  if (judged == 0) {
    return out +
           "Nobody on a panel weighed the criteria for this procurement, so the weights were "
           "not co-produced: the criteria under each heading counted equally.\n\n";
  }
  out += "The weights that decided this result were set by " +
         CountedNoun(static_cast<int>(d.members.size()), "person", "people") + " in " +
         CountedNoun(static_cast<int>(d.groups.size()), "group", "groups") + ": " +
         GroupsWithCounts(d) + "." + Shares(d) + "\n\n";
  out += MostValued(procurement, d);
  out += SameChoice(d);
  const std::vector<PanelWarning>& warnings = d.panel_review.warnings;
  if (warnings.empty()) {
    out += "The co-production checks found nothing to look at: experts by experience and "
           "practitioners both gave judgements, no group's weight is zero, and no one person "
           "decides any set of weights.\n\n";
  } else {
    out += "The co-production checks found " +
           CountedNoun(static_cast<int>(warnings.size()), "point", "points") +
           " to look at, listed under \"Who took part\".\n\n";
  }
  return out;
}

}  // namespace weighbridge
