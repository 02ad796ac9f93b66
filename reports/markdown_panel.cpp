#include "reports/markdown_panel.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/markdown_text.h"
#include "reports/number_format.h"

namespace weighbridge {
namespace {

// A ratio as people say it: "9×", "2.5×".
std::string Times(double ratio) { return FormatAsGiven(std::round(ratio * 100) / 100) + "×"; }

class PanelWriter {
 public:
  PanelWriter(const Procurement& p, const Decision& d) : p_(p), d_(d), r_(d.panel_review) {}

  std::string Render() {
    if (p_.panel.groups.empty() && p_.panel.members.empty()) return "";
    Combining();
    Consistency();
    AgreedAndDiffered();
    TookPart();
    return out_;
  }

 private:
  std::string Title(const std::string& id) const { return Escape(CriterionTitle(p_, id)); }
  std::string GroupName(const std::string& id) const { return Escape(GroupTitle(p_, id)); }
  std::string Node(const std::string& id) const { return Escape(NodeInWords(p_, d_, id)); }

  // Only when the procurement chose something other than the default, or
  // when the choice could not be followed somewhere.
  void Combining() {
    const bool default_way = r_.within_group == "mean" && !r_.exclude_cr_above;
    if (default_way && r_.notes.empty()) return;
    out_ += "### How the panel's judgements were combined\n\n";
    if (r_.within_group == "geometric") {
      out_ +=
          "Within each group, members' weights were combined by their geometric mean and then "
          "scaled to add up to 100%, as procurement.toml asks. One member giving a criterion 0 "
          "gives it 0 for the whole group.\n";
    } else if (r_.within_group == "judgements") {
      out_ +=
          "Within each group, where every member compared the criteria two at a time, their "
          "comparisons were combined pair by pair (by geometric mean) before working out the "
          "weights, as procurement.toml asks. Elsewhere, members' weights were averaged.\n";
    } else {
      out_ += "Within each group, members' weights were averaged.\n";
    }
    if (r_.exclude_cr_above) {
      out_ += "Comparisons with a consistency ratio above " + FormatFixed(*r_.exclude_cr_above, 2) +
              " were left out, as procurement.toml asks (see below).\n";
    }
    out_ += "\n";
    for (const PanelNote& n : r_.notes) {
      out_ += "- " + GroupName(n.group) + ", " + Node(n.node) + ": " + Escape(n.note) + ".\n";
    }
    if (!r_.notes.empty()) out_ += "\n";
  }

  void Consistency() {
    int pairwise = 0;
    std::vector<const MemberNodeWeights*> unchecked;
    for (const MemberNodeWeights& m : r_.member_weights) {
      if (m.method != "pairwise") continue;
      ++pairwise;
      if (!m.consistency_ratio) unchecked.push_back(&m);
    }
    if (pairwise == 0) return;
    out_ += "### How consistent the comparisons were\n\n";
    out_ +=
        "When criteria are compared two at a time, the answers can be checked against each other: "
        "if rights matters twice as much as cost and cost twice as much as training, rights should "
        "matter about four times as much as training. The consistency ratio measures how far the "
        "answers stray from that; Saaty's limits are 0.05 for three criteria, 0.08 for four and "
        "0.10 for five or more.\n\n";
    if (r_.inconsistent.empty()) {
      out_ += "Every set of comparisons that could be checked was within those limits.\n\n";
    }
    for (const InconsistentJudgement& f : r_.inconsistent) {
      out_ += "- " + Escape(f.member) + " (" + GroupName(f.group) + "), comparing " + Node(f.node) +
              ": consistency ratio " + FormatFixed(f.consistency_ratio, 2) + ", above " +
              FormatFixed(f.threshold, 2) + ". " +
              Capitalised(Escape(FurthestPairSentence(p_, f, false))) + ". ";
      if (f.excluded) {
        out_ += "These comparisons were left out of the weights, because procurement.toml leaves "
                "out comparisons with a consistency ratio above " +
                FormatFixed(*r_.exclude_cr_above, 2) + ".\n";
      } else {
        out_ += "They still count in the weights; the member may want to look at them again.\n";
      }
    }
    if (!r_.inconsistent.empty()) out_ += "\n";
    for (const MemberNodeWeights* m : unchecked) {
      out_ += "The comparisons of " + Escape(m->member) + " on " + Node(m->node) +
              " cannot be checked: they compared just enough pairs to link the criteria, so "
              "there is nothing to check them against.\n";
    }
    if (!unchecked.empty()) out_ += "\n";
  }

  void AgreedAndDiffered() {
    if (r_.divergence.empty()) return;
    out_ += "### Where people agreed and differed\n\n";
    bool several_groups = false;
    for (const CriterionDivergence& d : r_.divergence) several_groups |= d.groups.size() > 1;
    if (several_groups) Differences();
    SpreadTable();
    Agreement();
  }

  void Differences() {
    if (r_.differ_most.empty()) {
      out_ += "The groups' weights were within 5 percentage points of each other on every "
              "criterion.\n\n";
      return;
    }
    out_ += "The criteria on which the groups differed most:\n\n";
    for (const std::string& id : r_.differ_most) {
      auto it = std::find_if(r_.divergence.begin(), r_.divergence.end(),
                             [&](const CriterionDivergence& d) { return d.criterion == id; });
      const CriterionDivergence& d = *it;
      auto weight = [&](const std::string& group) {
        for (const GroupSpread& g : d.groups) {
          if (g.group == group) return g.weight;
        }
        return 0.0;
      };
      std::string scope = d.parent == TopNode(d_) ? "" : " (among " + Node(d.parent) + ")";
      out_ += "- " + GroupName(d.highest_group) + " put " + Title(d.criterion) + " at " +
              WholePercent(weight(d.highest_group)) + "; " + GroupName(d.lowest_group) + " at " +
              WholePercent(weight(d.lowest_group)) + scope + ".\n";
    }
    out_ += "\n";
  }

  // Each group's weight on the top-level criteria, with its members' range.
  void SpreadTable() {
    std::vector<const CriterionDivergence*> top;
    for (const CriterionDivergence& d : r_.divergence) {
      if (d.parent == TopNode(d_)) top.push_back(&d);
    }
    if (top.empty()) return;
    std::vector<std::string> groups;
    for (const Group& g : p_.panel.groups) {
      for (const GroupSpread& s : top[0]->groups) {
        if (s.group == g.id) groups.push_back(g.id);
      }
    }
    out_ += "Each group's weight for the top-level criteria, with the lowest and highest any of "
            "its members gave:\n\n";
    std::vector<std::string> header{"Criterion"};
    for (const std::string& g : groups) header.push_back(GroupName(g));
    TableHeader(out_, header, "l" + std::string(groups.size(), 'r'));
    for (const CriterionDivergence* d : top) {
      std::vector<std::string> row{Title(d->criterion)};
      for (const std::string& g : groups) {
        std::string cell;
        for (const GroupSpread& s : d->groups) {
          if (s.group != g) continue;
          cell = WholePercent(s.weight);
          if (s.members > 1 && WholePercent(s.lowest) != WholePercent(s.highest)) {
            cell += " (" + WholePercent(s.lowest) + " to " + WholePercent(s.highest) + ")";
          }
        }
        row.push_back(cell);
      }
      TableRow(out_, row);
    }
    out_ += "\n";
  }

  void Agreement() {
    std::vector<const GroupAgreement*> top;
    for (const GroupAgreement& a : r_.agreement) {
      if (a.node == TopNode(d_)) top.push_back(&a);
    }
    if (top.empty()) return;
    out_ += "How far each group's members agreed on the order of the top-level criteria "
            "(Kendall's W: 1 means they all put them in the same order, 0 means no agreement at "
            "all):\n\n";
    for (const GroupAgreement* a : top) {
      out_ += "- " + GroupName(a->group) + ": ";
      if (a->kendall_w) {
        out_ += FormatFixed(*a->kendall_w, 2) + " (" +
                CountedNoun(a->members, "person", "people") + ")\n";
      } else if (a->members < 2) {
        out_ += "not measured, as only one person's judgement counted\n";
      } else {
        out_ += "not measured, as everyone rated every criterion the same\n";
      }
    }
    out_ += "\n";
  }

  void TookPart() {
    out_ += "### Who took part\n\n";
    TableHeader(out_, {"Group", "Speaks for", "Members", "Gave judgements", "Names given"},
                "llrrl");
    for (const GroupTurnout& t : r_.turnout) {
      std::vector<std::string> names;
      for (const std::string& n : t.names) names.push_back(Escape(n));
      TableRow(out_, {GroupName(t.group), Escape(t.role), std::to_string(t.members),
                      std::to_string(t.judged), JoinPlainList(names)});
    }
    out_ += "\nMembers are named only when they chose to give a name.\n\n";
    if (r_.warnings.empty()) {
      out_ += "Co-production checks: experts by experience and practitioners both gave "
              "judgements, no group's weight is zero, and no one person decides any set of "
              "weights.\n\n";
      return;
    }
    out_ += "Co-production checks found these points to look at:\n\n";
    for (const PanelWarning& w : r_.warnings) out_ += "- " + Escape(w.message) + ".\n";
    out_ += "\n";
  }

  const Procurement& p_;
  const Decision& d_;
  const PanelReview& r_;
  std::string out_;
};

}  // namespace

std::string WholePercent(double share) { return FormatFixed(share * 100, 0) + "%"; }

std::string TopNode(const Decision& decision) {
  for (const NodeWeight& w : decision.weights) {
    if (w.criterion == "quality" && w.parent == kRootId) {
      for (const NodeWeight& child : decision.weights) {
        if (child.parent == "quality") return "quality";
      }
    }
  }
  return kRootId;
}

std::string CriterionTitle(const Procurement& procurement, const std::string& id) {
  if (const Criterion* c = procurement.framework.tree.Find(id); c && !c->title.empty()) {
    return c->title;
  }
  if (id == "price") return "Price";
  if (id == "quality") return "Quality";
  return id;
}

std::string NodeInWords(const Procurement& procurement, const Decision& decision,
                        const std::string& node) {
  if (node == kRootId || node == TopNode(decision)) return "the top-level criteria";
  return "the criteria under " + CriterionTitle(procurement, node);
}

std::string GroupTitle(const Procurement& procurement, const std::string& group) {
  for (const Group& g : procurement.panel.groups) {
    if (g.id == group) return g.title.empty() ? g.id : g.title;
  }
  return group;
}

std::string FurthestPairSentence(const Procurement& procurement, const InconsistentJudgement& f,
                                 bool second_person) {
  const std::string more = CriterionTitle(procurement, f.more);
  const std::string less = CriterionTitle(procurement, f.less);
  std::string text = std::string(second_person ? "you said " : "they said ") + more + " is " +
                     Times(f.given) + " as important as " + less + "; " +
                     (second_person ? "your" : "their") + " other answers suggest ";
  if (std::abs(f.suggested - 1) < 1e-9) return text + "they matter about the same";
  if (f.suggested < 1) return text + less + " matters more, about " + Times(1 / f.suggested);
  return text + "about " + Times(f.suggested);
}

std::string PanelSections(const Procurement& procurement, const Decision& decision) {
  return PanelWriter(procurement, decision).Render();
}

}  // namespace weighbridge
