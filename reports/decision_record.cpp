// The decision record: what a senior manager reads and signs. Public bodies
// must keep records sufficient to explain each material decision, the award
// among them (Procurement Act 2023 s.98); the record of the Public Contracts
// Regulations 2015 reg 84 named the winner and why, the rejected tenders and
// why, and the reasons for not awarding. This keeps to one or two pages: the
// full justification report holds every number behind it. Sources:
// /work/shared/research/procurement-anchors.md section 1.5.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "reports/decision_stamp_text.h"
#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "reports/point_differences.h"
#include "reports/published_shares.h"
#include "reports/sign_off_text.h"
#include "weighbridge/sign_off.h"

namespace weighbridge {
namespace {

// How many criteria the rationale names on each side: enough to say why,
// few enough to keep the record short.
constexpr std::size_t kRationaleLines = 3;

class DecisionRecord {
 public:
  DecisionRecord(const Procurement& p, const Decision& d, const DecisionStamp& stamp)
      : p_(p), d_(d), stamp_(stamp), first_(FindFirstPlace(d)) {}

  std::string Render() {
    Heading();
    Context();
    Options();
    TheDecision();
    Rationale();
    Dissent();
    Risks();
    Approvals();
    Reproducing();
    return out_;
  }

 private:
  std::string Supplier(const std::string& id) const {
    const Candidate* c = FindCandidate(p_, id);
    return c ? Escape(c->supplier) : std::string();
  }

  std::string WithSupplier(const CandidateResult& c) const {
    const std::string supplier = Supplier(c.id);
    return ProductName(c) + (supplier.empty() ? "" : " (" + supplier + ")");
  }

  std::vector<std::string> Names(const std::vector<const CandidateResult*>& results) const {
    std::vector<std::string> names;
    for (const CandidateResult* c : results) names.push_back(ProductName(*c));
    return names;
  }

  // The eligible candidate ranked just below the sole winner, or null.
  const CandidateResult* RunnerUp() const {
    if (!first_.winner || d_.ranking.size() < 2) return nullptr;
    return FindResult(d_, d_.ranking[1]);
  }

  void Heading() {
    const ProcurementInfo& info = p_.info;
    out_ += "# Decision record: " + Escape(info.title.empty() ? info.id : info.title) + "\n\n";
    std::vector<std::string> parts;
    if (!info.authority.empty()) parts.push_back("Authority: " + Escape(info.authority));
    if (!info.reference.empty()) parts.push_back("Reference: " + Escape(info.reference));
    std::string line;
    for (const std::string& part : parts) line += (line.empty() ? "" : " · ") + part;
    if (!line.empty()) out_ += line + "\n\n";
    out_ +=
        "This record is for the people who approve the award decision. The full justification "
        "report sets out every number behind it.\n\n";
  }

  void Context() {
    out_ += "## Context\n\n";
    const int products = static_cast<int>(d_.candidates.size());
    const Framework& f = p_.framework;
    out_ += Capitalised(CountedNoun(products, "tender was", "tenders were")) +
            " assessed against " +
            CountedNoun(static_cast<int>(f.tree.leaves().size()), "criterion", "criteria") +
            " of the framework " + Escape(f.title.empty() ? f.id : f.title) + " (version " +
            Escape(f.version) + ").";
    if (d_.members.empty()) {
      out_ +=
          " Nobody on the panel weighed the criteria, so criteria under the same heading "
          "count equally.";
    } else {
      out_ += " The criteria were weighted by a panel of " +
              CountedNoun(static_cast<int>(d_.members.size()), "person", "people") + " in " +
              CountedNoun(static_cast<int>(d_.groups.size()), "group", "groups") + ".";
    }
    if (p_.price.share > 0) {
      out_ += " Price counts for " + FormatPercent(p_.price.share) + " of the total.";
    }
    out_ += "\n\n";
  }

  void Options() {
    out_ += "## Options\n\n";
    if (d_.candidates.empty()) {
      out_ += "No tenders were assessed.\n\n";
      return;
    }
    TableHeader(out_, {"Product", "Supplier", "Total out of 100", "Outcome"}, "llrl");
    std::set<std::string> listed;
    for (const std::string& id : d_.ranking) {
      if (const CandidateResult* c = FindResult(d_, id)) {
        Option(*c);
        listed.insert(id);
      }
    }
    for (const CandidateResult& c : d_.candidates) {
      if (!listed.count(c.id)) Option(c);
    }
    out_ += "\n";
  }

  void Option(const CandidateResult& c) {
    std::string outcome;
    if (c.rank) {
      int sharing = 0;
      for (const CandidateResult& other : d_.candidates) sharing += other.rank == c.rank ? 1 : 0;
      outcome = "ranked " + std::to_string(*c.rank) + (sharing > 1 ? " (tied)" : "");
    } else {
      std::string reasons;
      for (const std::string& line : FailedRuleLines(p_, c, false)) {
        reasons += (reasons.empty() ? ": " : "; ") + line;
      }
      outcome = "not eligible" + reasons;
    }
    TableRow(out_, {ProductName(c), Supplier(c.id), FormatOneDecimal(c.total), outcome});
  }

  void TheDecision() {
    out_ += "## Decision\n\n";
    if (first_.first.empty()) {
      out_ += d_.candidates.empty()
                  ? std::string("No award can be made: no tenders were assessed.\n\n")
                  : std::string(
                        "No award can be made: no tender was eligible. The reasons for each "
                        "are under \"Options\".\n\n");
    } else if (!first_.winner) {
      out_ += "No award can be made yet: " + JoinPlainList(Names(first_.first)) +
              " tied for first place on " + FormatOneDecimal(first_.first.front()->total) +
              " out of 100, and no tie-break declared before scoring separates them. The tie "
              "must be settled, and how it was settled recorded, before the contract is "
              "awarded.\n\n";
    } else {
      WinnerSentence(*first_.winner);
    }
    if (d_.unsettled_matters) {
      out_ +=
          "Some scores are still to be settled and could change this decision: settle them "
          "before it is approved.\n\n";
    }
  }

  void WinnerSentence(const CandidateResult& winner) {
    out_ += "Award the contract to " + WithSupplier(winner) +
            ": its tender is the most advantageous, scoring " + FormatOneDecimal(winner.total) +
            " out of 100";
    const CandidateResult* second = RunnerUp();
    if (!second) {
      out_ += ", and it is the only eligible tender.\n\n";
      return;
    }
    const double gap = winner.total - second->total;
    if (std::fabs(gap) <= kPointTolerance) {
      out_ += ", the same total as " + ProductName(*second) +
              "; the tie-break declared before scoring put it first.\n\n";
      return;
    }
    out_ += ", " + PointsText(gap) + " points ahead of " + ProductName(*second) + ", ranked " +
            std::to_string(second->rank.value_or(2)) + ".\n\n";
  }

  // The criteria that made the winner's lead over the runner-up, and those
  // that narrowed it: the decision in the terms the panel set.
  void Rationale() {
    out_ += "## Rationale\n\n";
    const CandidateResult* second = RunnerUp();
    if (!first_.winner) {
      out_ += "There is no single most advantageous tender to give reasons for.\n\n";
      return;
    }
    TopLevelShares();
    if (!second) {
      out_ += ProductName(*first_.winner) +
              " is the only tender that met every requirement, so no other tender could be "
              "awarded the contract.\n\n";
      return;
    }
    const std::vector<PointDifference> lines = PointDifferences(*first_.winner, *second);
    Side(lines, true,
         "Against " + ProductName(*second) + ", " + ProductName(*first_.winner) +
             " gained most on (points out of 100, the winner's against the "
             "runner-up's):");
    Side(lines, false, "It lost ground on:");
  }

  void TopLevelShares() {
    const std::map<std::string, long long> tenths = PublishedTenths(p_, d_);
    std::vector<std::string> parts;
    for (const std::string& id : p_.framework.tree.Children(kRootId)) {
      auto it = tenths.find(id);
      if (it != tenths.end())
        parts.push_back(EscapedTitle(p_, id) + " " + TenthsPercent(it->second));
    }
    if (parts.empty()) return;
    out_ += "The top-level criteria counted as published: " + JoinPlainList(parts) + ".\n\n";
  }

  void Side(const std::vector<PointDifference>& lines, bool winner_side, const std::string& lead) {
    std::string items;
    std::size_t n = 0;
    for (const PointDifference& line : lines) {
      const bool ours =
          winner_side ? line.difference > kPointTolerance : line.difference < -kPointTolerance;
      if (!ours || n == kRationaleLines) continue;
      ++n;
      items += "- " + EscapedTitle(p_, line.criterion) + ": " + PointsText(line.difference) +
               " points (" + FormatOneDecimal(line.a) + " against " + FormatOneDecimal(line.b) +
               ")\n";
    }
    if (!items.empty()) out_ += lead + "\n\n" + items + "\n";
  }

  // Groups of the panel whose own weights alone would have put another
  // product first: a view the signatory should know was outweighed.
  void Dissent() {
    out_ += "## Dissent\n\n";
    if (first_.first.empty()) {
      out_ += "No tender was eligible, so there is no choice for a group to differ from.\n\n";
      return;
    }
    if (d_.groups.size() < 2) {
      out_ += d_.groups.empty()
                  ? std::string(
                        "No panel groups weighed the criteria, so there is no group "
                        "view to record.\n\n")
                  : std::string("The panel was one group, so its choice is the panel's.\n\n");
      return;
    }
    std::set<std::string> firsts;
    for (const CandidateResult* c : first_.first) firsts.insert(c->id);
    std::string items;
    for (const GroupSummary& g : d_.groups) {
      if (g.ranking.empty() || firsts.count(g.ranking.front())) continue;
      const CandidateResult* own = FindResult(d_, g.ranking.front());
      items += "- " + Escape(g.title.empty() ? g.id : g.title) + " (" +
               CountedNoun(g.members, "person", "people") + "): on its own weights alone it " +
               "would have put " + (own ? ProductName(*own) : Escape(g.ranking.front())) +
               " first, not " + JoinPlainList(Names(first_.first)) + ".\n";
    }
    if (items.empty()) {
      out_ += "Every group's own weights would have put " + JoinPlainList(Names(first_.first)) +
              " first too.\n\n";
      return;
    }
    out_ += "These groups' own first choice differs from the panel's:\n\n" + items + "\n";
  }

  void Risks() {
    out_ += "## Risks and flags\n\n";
    std::string items;
    if (d_.unsettled_matters) {
      items += "- Scores still to be settled could change the result.\n";
    }
    if (!d_.moderation.empty()) {
      const int n = static_cast<int>(d_.moderation.size());
      // Named, so that the signatory knows what is still open without the
      // full report: "Oak Notes on Ease of maintenance".
      std::vector<std::string> which;
      for (const ModerationNeed& m : d_.moderation) {
        const CandidateResult* c = nullptr;
        for (const CandidateResult& r : d_.candidates) c = r.id == m.candidate ? &r : c;
        which.push_back((c ? ProductName(*c) : Escape(m.candidate)) + " on " +
                        EscapedTitle(p_, m.criterion));
      }
      items += "- " + Capitalised(CountedNoun(n, "score", "scores")) +
               (n == 1 ? " still needs" : " still need") +
               " moderation, the evaluators being too far apart: " + JoinPlainList(which) + ".\n";
    }
    if (const CandidateResult* w = first_.winner) {
      const std::string name = ProductName(*w);
      for (const RuleOutcome& rule : w->rules) {
        if (rule.outcome == "flag") {
          items += "- " + name + " is flagged: " + Escape(WithoutFullStop(rule.reason)) + ".\n";
        }
      }
      for (const AppliedCap& cap : w->caps) {
        if (cap.lowered) {
          items += "- A rule ('" + Escape(cap.rule) + "') lowered " + Possessive(name) +
                   " score on " + EscapedTitle(p_, cap.target) + ".\n";
        }
      }
      if (w->cost) {
        for (const CostFlag& flag : w->cost->flags) {
          items +=
              "- " + Possessive(name) + " costs: " + Escape(WithoutFullStop(flag.reason)) + ".\n";
        }
      }
    }
    if (const auto& t = d_.sensitivity.tipping) {
      const CandidateResult* overtaker = FindResult(d_, t->overtaker);
      items += "- The smallest change of weight that puts another tender first: " +
               EscapedTitle(p_, t->criterion) + " from " + FormatPercent(t->today) + " to " +
               FormatPercent(t->bound) + " of its heading would put " +
               (overtaker ? ProductName(*overtaker) : Escape(t->overtaker)) + " first.\n";
    }
    out_ += items.empty() ? std::string("None recorded.\n\n") : items + "\n";
  }

  // An approval recorded in the workspace is shown as recorded; otherwise the
  // record leaves room for signatures rather than claim any were given.
  void Approvals() {
    out_ += "## Approvals\n\n";
    if (stamp_.approval) {
      const ApprovalStamp& a = *stamp_.approval;
      out_ += "Decision " + std::to_string(stamp_.number) +
              " was approved in the workspace, and the approval is in its audit log:\n\n";
      TableHeader(out_, {"Name", "Role", "Date", "Note"}, "llll");
      TableRow(out_, {Escape(a.by), Escape(a.role), Escape(a.at), Escape(a.note)});
      out_ += "\n";
      return;
    }
    if (stamp_.number != 0) {
      out_ += "Decision " + std::to_string(stamp_.number) +
              " is not approved in the workspace yet: `weighbridge approve` records it. ";
    } else {
      out_ += "No approval is recorded with this decision (weighbridge records approvals in a "
              "workspace, with `weighbridge approve`). ";
    }
    out_ += "This space is for the signature of each person approving this decision.\n\n";
    TableHeader(out_, {"Name", "Role", "Date", "Signature"}, "llll");
    for (int i = 0; i < 3; ++i) TableRow(out_, {"", "", "", ""});
    out_ += "\n";
  }

  void Reproducing() {
    out_ += "## Reproducing this decision\n\n";
    const std::string& hash = p_.input_hash;
    out_ += "- Input hash (SHA-256 of the inputs): " +
            (hash.empty() ? std::string("not recorded") : Escape(hash)) + "\n";
    out_ += "- Criteria framework: " + Escape(p_.framework.id) + ", version " +
            Escape(p_.framework.version) + "\n";
    // The approval has its own table above; here only the number and head.
    DecisionStamp where = stamp_;
    where.approval.reset();
    out_ += StampLines(where);  // nothing without a workspace
  }

  const Procurement& p_;
  const Decision& d_;
  const DecisionStamp& stamp_;  // number 0: not a stored decision
  const FirstPlace first_;
  std::string out_;
};

}  // namespace

std::string RenderDecisionRecord(const Procurement& procurement, const Decision& decision,
                                 const DecisionStamp& stamp) {
  return DecisionRecord(procurement, decision, stamp).Render();
}

}  // namespace weighbridge
