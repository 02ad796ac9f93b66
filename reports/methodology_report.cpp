// `weighbridge methodology`: the assessment methodology to publish with the
// tender. The Procurement Act 2023, section 23(3), asks the authority to set
// out in advance how tenders will be assessed and the relative importance of
// the award criteria; this is that statement, written from the same
// procurement folder that will later score the bids.
#include <fmt/core.h>

#include <cassert>
#include <map>
#include <string>
#include <vector>

#include "reports/markdown_text.h"
#include "reports/methodology_price.h"
#include "reports/number_format.h"
#include "reports/published_shares.h"
#include "reports/rules_list.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

class Methodology {
 public:
  // Each leaf's published share, in tenths of a percent adding up to 1000;
  // a branch's is the sum of its leaves', so that the table adds up as read.
  Methodology(const Procurement& p, const Decision& d)
      : p_(p), d_(d), tenths_(PublishedTenths(p, d)) {}

  std::string Render() {
    Heading();
    Criteria();
    ScaleSection();
    out_ += "## What disqualifies a bid\n\n" + RulesListBody(p_);
    const bool priced = p_.price.share > 0 && p_.framework.tree.Find(kPriceId) != nullptr;
    out_ += MethodologyPriceSection(p_, priced ? tenths_.at(kPriceId) : 0);
    TieBreak();
    return out_;
  }

 private:
  void Heading() {
    const ProcurementInfo& info = p_.info;
    out_ += "# How bids will be assessed: " + Escape(info.title.empty() ? info.id : info.title) +
            "\n\n";
    std::vector<std::string> parts;
    if (!info.authority.empty()) parts.push_back("Authority: " + Escape(info.authority));
    if (!info.reference.empty()) parts.push_back("Reference: " + Escape(info.reference));
    const Framework& f = p_.framework;
    parts.push_back("Criteria: " + Escape(f.title.empty() ? f.id : f.title) + " (" + Escape(f.id) +
                    ", version " + Escape(f.version) + ")");
    std::string line;
    for (const std::string& part : parts) line += (line.empty() ? "" : " · ") + part;
    out_ += line + "\n\n";
    out_ +=
        "This is how bids for this contract will be assessed. It is published with the "
        "tender, before any bid is scored, as section 23(3) of the Procurement Act 2023 "
        "requires.\n\n";
  }

  void Criteria() {
    out_ += "## What we will assess, and how much each part counts\n\n";
    out_ +=
        "Each line shows how much a criterion counts towards a bid's total out of 100. The "
        "figures are rounded to 0.1% so that they add up to exactly 100%, and a heading's "
        "figure is the sum of the figures under it.\n\n";
    TableHeader(out_, {"Criterion", "What we ask suppliers", "Share of the total"}, "llr");
    Rows(kRootId, 0);
    TableRow(out_, {"**Total**", "", "**100.0%**"});
    out_ += "\n" + WhoWeighed() + "\n\n";
  }

  void Rows(const std::string& parent, int depth) {
    std::string indent;
    for (int i = 0; i < depth; ++i) indent += "&emsp;";
    for (const std::string& id : p_.framework.tree.Children(parent)) {
      const Criterion* c = p_.framework.tree.Find(id);
      assert(c != nullptr);
      const bool branch = !p_.framework.tree.IsLeaf(id);
      const std::string title = Escape(c->title.empty() ? c->id : c->title);
      TableRow(out_, {indent + (branch ? "**" + title + "**" : title), Escape(c->question),
                      TenthsPercent(tenths_.at(id))});
      if (branch) Rows(id, depth + 1);
    }
  }

  // One sentence (two with a price share) on who set the weights.
  std::string WhoWeighed() const {
    std::string out;
    if (d_.members.empty()) {
      out =
          "Nobody on the panel weighed the criteria, so criteria under the same heading count "
          "equally.";
    } else {
      std::vector<std::string> groups;
      for (const GroupSummary& g : d_.groups) {
        groups.push_back(Escape(g.title.empty() ? g.id : g.title) + " (" +
                         CountedNoun(g.members, "person", "people") + ")");
      }
      out = "The weights were set by a panel of " +
            CountedNoun(static_cast<int>(d_.members.size()), "person", "people") + " in " +
            CountedNoun(static_cast<int>(d_.groups.size()), "group", "groups") + ": " +
            JoinPlainList(groups) + ".";
      // Members may have left some headings unweighed; those count equally,
      // and a reader should not think the panel chose that.
      if (!d_.unjudged.empty()) {
        out += " Where nobody weighed the criteria under a heading, they count equally.";
      }
    }
    if (p_.price.share > 0) out += " The authority set the share for price.";
    return out;
  }

  void ScaleSection() {
    const Scale& s = p_.framework.scale;
    out_ += "## How answers are scored\n\n";
    out_ += fmt::format(
        "Evaluators score each answer from {} to {}; scores in between, such as {}, are "
        "allowed. A score of {} counts as 0 out of 100 on its criterion, a score of {} as 100, "
        "and scores in between in proportion.\n\n",
        FormatAsGiven(s.min), FormatAsGiven(s.max), FormatAsGiven((s.min + s.max) / 2),
        FormatAsGiven(s.min), FormatAsGiven(s.max));
    if (!s.levels.empty()) {
      TableHeader(out_, {"Score", "Level", "What it looks like"}, "rll");
      for (const ScaleLevel& level : s.levels) {
        TableRow(out_, {FormatAsGiven(level.value), Escape(level.label), Escape(level.descriptor)});
      }
      out_ += "\n";
    }
    out_ += fmt::format(
        "Each evaluator scores on their own first. When two evaluators' scores for the same "
        "answer are more than {} apart, they meet to agree a score, and the agreed score and "
        "the reason for it are recorded. A bid's score on a criterion is the agreed score where "
        "there is one, and otherwise the average of the evaluators' scores.\n\n",
        FormatAsGiven(s.moderation_threshold));
  }

  void TieBreak() {
    out_ += "## If totals are the same\n\n";
    if (p_.tie_break.empty()) {
      out_ +=
          "If two or more bids that could win have the same total, they share their place: "
          "no tie-break has been set, so the authority will decide between them and record "
          "how and why.\n";
      return;
    }
    const bool one = p_.tie_break.size() == 1;
    out_ += std::string("If two or more bids that could win have the same total, ") +
            (one ? "they are told apart this way:\n\n"
                 : "these steps tell them apart, in this order:\n\n");
    int number = 0;
    for (const TieBreakStep& step : p_.tie_break) {
      out_ += fmt::format("{}. {}\n", ++number, StepInWords(step));
    }
    out_ += std::string("\nBids that ") +
            (one ? "this does not tell" : "none of these steps tells") +
            " apart share their place, and the authority will decide between them and record "
            "how and why.\n";
  }

  std::string StepInWords(const TieBreakStep& step) const {
    switch (step.kind) {
      case TieBreakStep::Kind::kQuality:
        return "The bid with the higher quality score goes first.";
      case TieBreakStep::Kind::kPrice:
        return "The bid with the lower price (its present value) goes first.";
      case TieBreakStep::Kind::kCriterion:
        break;
    }
    const Criterion* c = p_.framework.tree.Find(step.criterion);
    const std::string title = c && !c->title.empty() ? c->title : step.criterion;
    return "The bid with the higher score on '" + Escape(title) + "' goes first.";
  }

  const Procurement& p_;
  const Decision& d_;
  std::map<std::string, long long> tenths_;  // criterion -> published share, tenths of a %
  std::string out_;
};

}  // namespace

std::string RenderMethodology(const Procurement& procurement, const Decision& decision) {
  return Methodology(procurement, decision).Render();
}

}  // namespace weighbridge
