// `weighbridge feedback`: each member can see that their voice counted. The
// text speaks to the member ("you"), in plain words, with no jargon beyond
// what the report itself explains.
#include <algorithm>

#include "reports/markdown_panel.h"
#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "weighbridge/feedback.h"

namespace weighbridge {
namespace {

std::string MethodInWords(const std::string& method) {
  if (method == "pairwise") return "comparing them two at a time";
  if (method == "points") return "sharing out points";
  if (method == "rank") return "putting them in order of importance";
  if (method == "swing") return "rating each against the most important one";
  return "giving weights directly";
}

class FeedbackWriter {
 public:
  FeedbackWriter(const Procurement& p, const Decision& d, const Member& m)
      : p_(p), d_(d), m_(m) {
    for (const GroupSummary& g : d_.groups) {
      if (g.id == m_.group) group_ = &g;
    }
  }

  std::string Render() {
    const ProcurementInfo& info = p_.info;
    out_ += "# What your weights did: " + Escape(info.title.empty() ? info.id : info.title) + "\n\n";
    Introduction();
    bool any = false;
    for (const MemberNodeWeights& own : d_.panel_review.member_weights) {
      if (own.member != m_.id) continue;
      NodeSection(own);
      any = true;
    }
    if (!any) {
      out_ += "You did not give any weights, so the panel's weights were worked out from the other "
              "members' judgements.\n\n";
    }
    FirstChoice();
    return out_;
  }

 private:
  std::string GroupName() const { return Escape(GroupTitle(p_, m_.group)); }

  void Introduction() {
    int members = 0;
    for (const Member& other : p_.panel.members) members += other.group == m_.group;
    out_ += "You took part as " + Escape(m_.id) + ", one of " +
            CountedNoun(members, "person", "people") + " in the group " + GroupName() + ".";
    if (group_ && d_.groups.size() > 1) {
      out_ += " Your group counts for " + FormatPercent(group_->weight) +
              " of the panel's voice, however many people are in it.";
    }
    out_ += "\n\n";
  }

  double PanelLocal(const std::string& criterion) const {
    for (const NodeWeight& w : d_.weights) {
      if (w.criterion == criterion) return w.local;
    }
    return 0;
  }

  double GroupLocal(const std::string& criterion) const {
    if (!group_) return PanelLocal(criterion);
    auto it = group_->weights.find(criterion);
    return it == group_->weights.end() ? PanelLocal(criterion) : it->second;
  }

  void NodeSection(const MemberNodeWeights& own) {
    out_ += "## " + Capitalised(Escape(NodeInWords(p_, d_, own.node))) + "\n\n";
    out_ += "You weighed these by " + MethodInWords(own.method) + ".\n\n";
    TableHeader(out_, {"Criterion", "Your weights", "Your group's", "Whole panel's"}, "lrrr");
    for (const auto& [criterion, weight] : own.weights) {
      TableRow(out_, {Escape(CriterionTitle(p_, criterion)), FormatPercent(weight),
                      FormatPercent(GroupLocal(criterion)), FormatPercent(PanelLocal(criterion))});
    }
    out_ += "\n";
    for (const InconsistentJudgement& f : d_.panel_review.inconsistent) {
      if (f.member != m_.id || f.node != own.node) continue;
      out_ += "Your comparisons here were less consistent than is usually accepted (consistency "
              "ratio " + FormatFixed(f.consistency_ratio, 2) + ", above " +
              FormatFixed(f.threshold, 2) + "): " + Escape(FurthestPairSentence(p_, f, true)) + ". ";
      out_ += f.excluded ? "They were left out of the weights, because this procurement leaves out "
                           "comparisons with a consistency ratio above " +
                               FormatFixed(*d_.panel_review.exclude_cr_above, 2) + ".\n\n"
                         : "They still count; you may want to look at them again.\n\n";
    }
    if (own.method == "pairwise" && !own.consistency_ratio) {
      out_ += "You compared just enough pairs to link these criteria, so your comparisons could "
              "not be checked against each other.\n\n";
    }
  }

  void FirstChoice() {
    out_ += "## Your group's first choice\n\n";
    if (d_.ranking.empty()) {
      out_ += "No product could be ranked, so there is no first choice to compare.\n";
      return;
    }
    std::vector<std::string> panel_first;
    for (const CandidateResult& c : d_.candidates) {
      if (c.rank && *c.rank == 1) panel_first.push_back(c.id);
    }
    if (!group_ || group_->ranking.empty()) return;
    const std::string& ours = group_->ranking.front();
    const bool same = std::find(panel_first.begin(), panel_first.end(), ours) != panel_first.end();
    out_ += "Had only " + Possessive(GroupName()) + " weights counted, the first choice would have been " +
            Name(ours) + ". ";
    std::vector<std::string> names;
    for (const std::string& id : panel_first) names.push_back(Name(id));
    if (same) {
      out_ += panel_first.size() == 1
                  ? "That matches the whole panel's first choice.\n"
                  : "That is one of the whole panel's joint first choices (" +
                        JoinPlainList(names) + ").\n";
    } else {
      out_ += "The whole panel's first choice is " + JoinPlainList(names) +
              ", so your group's weights alone would have chosen differently.\n";
    }
  }

  std::string Name(const std::string& id) const {
    for (const CandidateResult& c : d_.candidates) {
      if (c.id == id && !c.name.empty()) return Escape(c.name);
    }
    return Escape(id);
  }

  const Procurement& p_;
  const Decision& d_;
  const Member& m_;
  const GroupSummary* group_ = nullptr;
  std::string out_;
};

}  // namespace

Feedback RenderFeedback(const Procurement& procurement, const Decision& decision,
                        const std::string& member) {
  Feedback out;
  std::vector<std::string> ids;
  for (const Member& m : procurement.panel.members) {
    if (m.id == member) {
      out.found = true;
      out.text = FeedbackWriter(procurement, decision, m).Render();
      return out;
    }
    ids.push_back("'" + m.id + "'");
  }
  out.error = "no member '" + member + "' on the panel; " +
              (ids.empty() ? std::string("the panel has no members")
                           : "the members are " + JoinPlainList(ids));
  return out;
}

}  // namespace weighbridge
