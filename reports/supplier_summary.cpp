// Assessment summaries: what each supplier is told of how its tender was
// assessed, before the contract award notice (Procurement Act 2023 s.50(3)).
// Regulation 31 of the Procurement Regulations 2024 (regulation 32 of the
// Procurement (Wales) Regulations 2024) sets the content: (2)(a)-(c) the
// supplier's name, addresses and identifier; (d) the award criteria or a
// summary of them; (e) the tender's score on each criterion and
// sub-criterion with an explanation by reference to the tender, and its
// total and sub-totals; and for any other tender than the most advantageous,
// (3)(c) any further explanation of why the contract is not being awarded to
// it. Cabinet Office guidance: no direct comparison with the winning tender
// is required; Trowers & Hamlins (2025): best practice says why a higher
// score was not reached. Sources: /work/shared/research/procurement-anchors.md
// section 1.3, and docs/summaries.md.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "reports/markdown_text.h"
#include "reports/next_level.h"
#include "reports/number_format.h"
#include "reports/point_differences.h"
#include "reports/published_shares.h"
#include "reports/sign_off_text.h"
#include "reports/summary_criteria.h"
#include "reports/summary_file_names.h"
#include "weighbridge/sign_off.h"

namespace weighbridge {
namespace {

class SummaryWriter {
 public:
  SummaryWriter(const Procurement& p, const Decision& d, const CandidateResult& c,
                const std::map<std::string, long long>& tenths)
      : p_(p),
        d_(d),
        c_(c),
        candidate_(FindCandidate(p, c.id)),
        first_(FindFirstPlace(d)),
        tenths_(tenths),
        name_(ProductName(c)) {}

  std::string Render() {
    Heading();
    Supplier();
    Outcome();
    out_ += SummaryCriteriaSection(p_, tenths_);
    Scores();
    Explanations();
    WhyNot();
    return out_;
  }

  // The supplier details regulation 31(2)(a)-(c) asks for that
  // candidates.toml does not give, by their keys.
  std::vector<std::string> MissingDetails() const {
    std::vector<std::string> missing;
    if (!candidate_ || candidate_->supplier.empty()) missing.push_back("supplier");
    if (!candidate_ || candidate_->supplier_id.empty()) missing.push_back("supplier_id");
    if (!candidate_ || candidate_->address.empty()) missing.push_back("address");
    if (!candidate_ || candidate_->email.empty()) missing.push_back("email");
    return missing;
  }

 private:
  bool IsWinner() const { return first_.winner == &c_; }
  bool TiedFirst() const { return first_.first.size() > 1 && c_.rank == 1; }

  std::string OnScale(double value) const {
    const Scale& s = p_.framework.scale;
    if (s.min == 0) return FormatAsGiven(value) + " out of " + FormatAsGiven(s.max);
    return FormatAsGiven(value) + " on the " + FormatAsGiven(s.min) + " to " +
           FormatAsGiven(s.max) + " scale";
  }

  std::string Detail(const std::string& value) const {
    return value.empty() ? "not recorded" : Escape(value);
  }

  void Heading() {
    const ProcurementInfo& info = p_.info;
    out_ += "# Assessment summary: " + name_ + "\n\n";
    std::vector<std::string> parts{"Contract: " +
                                   Escape(info.title.empty() ? info.id : info.title)};
    if (!info.authority.empty()) parts.push_back("Authority: " + Escape(info.authority));
    if (!info.reference.empty()) parts.push_back("Reference: " + Escape(info.reference));
    std::string line;
    for (const std::string& part : parts) line += (line.empty() ? "" : " · ") + part;
    out_ += line + "\n\n";
    out_ +=
        "This summary explains how your tender was assessed. It is sent to you before the "
        "contract award notice is published (Procurement Act 2023, section 50), and holds what "
        "regulation 31 of the Procurement Regulations 2024 (regulation 32 of the Procurement "
        "(Wales) Regulations 2024) requires.\n\n";
  }

  void Supplier() {
    out_ += "## The supplier\n\n";
    out_ += "- Supplier: " + Detail(candidate_ ? candidate_->supplier : "") + "\n";
    out_ += "- Product offered: " + name_ + "\n";
    out_ += "- Unique identifier: " + Detail(candidate_ ? candidate_->supplier_id : "") + "\n";
    out_ += "- Postal address: " + Detail(candidate_ ? candidate_->address : "") + "\n";
    out_ += "- Email address: " + Detail(candidate_ ? candidate_->email : "") + "\n\n";
  }

  void Outcome() {
    out_ += "## The outcome\n\n";
    const std::string total = FormatOneDecimal(c_.total);
    if (IsWinner()) {
      out_ += "Your tender is the most advantageous tender: it scored " + total +
              " out of 100 and came first of the eligible tenders. The authority intends "
              "to award the contract to you.\n\n";
    } else if (TiedFirst()) {
      out_ += "Your tender scored " + total +
              " out of 100, the highest total, but another tender scored the same and the "
              "scores do not separate them. The tie must be settled before the contract is "
              "awarded, so this summary is not final.\n\n";
    } else if (!c_.eligible) {
      out_ +=
          "Your tender was not eligible, so it was not ranked and the contract cannot be "
          "awarded to it (see \"Why the contract is not being awarded to you\"). Its "
          "scores are given below as far as it was assessed.\n\n";
    } else {
      out_ += "Your tender scored " + total +
              " out of 100. It was not the most advantageous tender, so the contract is not "
              "being awarded to you (see \"Why the contract is not being awarded to you\").\n\n";
    }
    if (d_.unsettled_matters) {
      out_ += "Some scores are still to be settled, so this result may change.\n\n";
    }
  }

  // Sub-total of a heading: the points of the lines under it. A cap on the
  // total is a line of its own, under no heading.
  double PointsUnder(const std::string& node) const {
    double sum = 0;
    for (const CriterionResult& r : c_.criteria) {
      for (const Criterion* up = p_.framework.tree.Find(r.criterion); up;
           up = p_.framework.tree.Find(up->parent)) {
        if (up->id == node) {
          sum += r.contribution;
          break;
        }
      }
    }
    return sum;
  }

  const CriterionResult* Line(const std::string& criterion) const {
    for (const CriterionResult& r : c_.criteria) {
      if (r.criterion == criterion) return &r;
    }
    return nullptr;
  }

  void Scores() {
    out_ += "## How your tender was scored\n\n";
    out_ +=
        "A criterion's points are its share of the total times your score out of 100 on it; "
        "a heading's points (a sub-total) are the points of the criteria under it, and all the "
        "points add up to your total.\n\n";
    TableHeader(out_, {"Criterion", "Share of the total", "Your score", "Points out of 100"},
                "lrrr");
    const CriteriaTree& tree = p_.framework.tree;
    for (const Criterion& c : tree.nodes()) {
      std::string indent;
      for (const Criterion* up = &c; up && up->parent != kRootId; up = tree.Find(up->parent)) {
        indent += "&emsp;";
      }
      auto share = tenths_.find(c.id);
      const std::string share_text = share == tenths_.end() ? "" : TenthsPercent(share->second);
      if (!tree.IsLeaf(c.id)) {
        TableRow(out_, {indent + "**" + EscapedTitle(p_, c.id) + "**", share_text, "",
                        "**" + FormatOneDecimal(PointsUnder(c.id)) + "**"});
        continue;
      }
      const CriterionResult* r = Line(c.id);
      if (!r) continue;
      std::string score = FormatOneDecimal(r->score) + " out of 100";
      if (r->scale_value) score = OnScale(*r->scale_value) + " (" + score + ")";
      TableRow(out_, {indent + EscapedTitle(p_, c.id), share_text, score,
                      FormatOneDecimal(r->contribution)});
    }
    if (const CriterionResult* cap = Line("total")) {
      TableRow(out_, {"Cap on the total", "", "", FormatOneDecimal(cap->contribution)});
    }
    TableRow(out_, {"**Total**", "**100.0%**", "", "**" + FormatOneDecimal(c_.total) + "**"});
    out_ += "\n";
  }

  // Regulation 31(2)(e)(i)(aa): each score explained by reference to the
  // tender, which for a judgement is the evaluators' reasons and where in
  // the tender they looked; for evidence, the answer given.
  void Explanations() {
    out_ += "## Why each score was given\n\n";
    for (const CriterionResult& r : c_.criteria) {
      const Criterion* criterion = p_.framework.tree.Find(r.criterion);
      if (!criterion) continue;
      out_ += "### " + EscapedTitle(p_, r.criterion) + "\n\n";
      if (criterion->assess == Assess::kJudgement) {
        Judgement(*criterion, r);
      } else if (criterion->assess == Assess::kEvidence) {
        Evidence(*criterion, r);
      } else {
        Price(r);
      }
      for (const std::string& cap : r.capped_by) out_ += CapSentence(cap);
      out_ += "\n";
    }
  }

  void Judgement(const Criterion& criterion, const CriterionResult& r) {
    bool any = false;
    for (const Score& s : p_.scores) {
      if (s.candidate != c_.id || s.criterion != criterion.id) continue;
      any = true;
      std::string line = "- An evaluator scored " + OnScale(s.value);
      if (!s.rationale.empty()) line += ": " + Escape(WithoutFullStop(s.rationale));
      if (!s.evidence_ref.empty()) line += " (in your tender: " + Escape(s.evidence_ref) + ")";
      out_ += line + ".\n";
    }
    if (any) out_ += "\n";
    for (const Consensus& agreed : p_.consensus) {
      if (agreed.candidate != c_.id || agreed.criterion != criterion.id) continue;
      std::string note = WithoutFullStop(agreed.note);
      out_ += "The evaluators met and agreed " + OnScale(agreed.value) + "." +
              (note.empty() ? "" : " " + Escape(note) + ".") + "\n\n";
    }
    if (!r.scale_value) {
      out_ += "This criterion was not scored, so it counts as 0.\n\n";
      return;
    }
    out_ += "Score used: " + OnScale(*r.scale_value) + ".";
    const Scale& scale = p_.framework.scale;
    if (*r.scale_value >= scale.max - 1e-9) {
      out_ += " This is the top of the scale.\n";
    } else if (const ScaleLevel* next = NextLevelUp(scale, *r.scale_value)) {
      out_ += " A score of " + FormatAsGiven(next->value);
      if (!next->label.empty()) out_ += " (" + Escape(next->label) + ")";
      out_ += next->descriptor.empty()
                  ? std::string(" was the next level up.")
                  : " needed: " + Escape(WithoutFullStop(next->descriptor)) + ".";
      out_ += "\n";
    } else {
      out_ += "\n";
    }
  }

  void Evidence(const Criterion& criterion, const CriterionResult& r) {
    std::string answer = "no answer was given";
    if (candidate_) {
      auto fact = candidate_->evidence.find(criterion.evidence);
      if (fact != candidate_->evidence.end()) answer = "'" + FactText(fact->second) + "'";
    }
    out_ += "Your answer on '" + Escape(criterion.evidence) + "': " + answer + ", which scores " +
            FormatOneDecimal(r.score) + " out of 100 (" + ValueOf(criterion) + ").\n";
  }

  std::string ValueOf(const Criterion& criterion) const {
    std::string how = HowScored(p_, criterion);
    const std::string prefix = "From the answer on '" + Escape(criterion.evidence) + "': ";
    return how.starts_with(prefix) ? how.substr(prefix.size()) : how;
  }

  static std::string FactText(const EvidenceValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
    if (const double* n = std::get_if<double>(&value)) return FormatAsGiven(*n);
    if (const std::string* s = std::get_if<std::string>(&value)) return Escape(*s);
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
      std::vector<std::string> items;
      for (const std::string& item : *list) items.push_back(Escape(item));
      return JoinPlainList(items);
    }
    const Date& date = std::get<Date>(value);
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
  }

  void Price(const CriterionResult& r) {
    if (c_.cost) {
      out_ += "The present value of your bid's whole-life cost was " +
              FormatMoney(c_.cost->present_value, p_.info.currency) + ", which scores " +
              FormatOneDecimal(r.score) + " out of 100.\n";
    } else {
      out_ +=
          "Your bid gave no costs, so price scores " + FormatOneDecimal(r.score) + " out of 100.\n";
    }
  }

  // A rule lowered this line: say which and why, so that a low score made by
  // a rule is not read as the evaluators'.
  std::string CapSentence(const std::string& cap) const {
    for (const RuleOutcome& rule : c_.rules) {
      if (rule.rule == cap && !rule.reason.empty()) {
        return "\nThe rule '" + Escape(cap) +
               "' limited this score: " + Escape(WithoutFullStop(rule.reason)) + ".\n";
      }
    }
    return "\nThe rule '" + Escape(cap) + "' limited this score.\n";
  }

  // Regulation 31(3)(c). An ineligible tender's reason is the rule it
  // failed; an eligible one lost on points, shown against the winning
  // tender's criterion by criterion (the only other tender it names).
  void WhyNot() {
    if (IsWinner() || TiedFirst()) return;
    out_ += "## Why the contract is not being awarded to you\n\n";
    if (!c_.eligible) {
      out_ += "Your tender could not be awarded the contract because:\n\n";
      std::vector<std::string> lines = FailedRuleLines(p_, c_, true);
      if (lines.empty()) lines.push_back("It did not meet a requirement of the tender");
      for (const std::string& line : lines) out_ += "- " + line + ".\n";
      out_ += "\n";
      return;
    }
    if (!first_.winner) {
      out_ += "Two or more other tenders tied for first place with a higher total than yours: " +
              FormatOneDecimal(first_.first.front()->total) + " out of 100 against your " +
              FormatOneDecimal(c_.total) + ".\n\n";
      return;
    }
    Shortfall(*first_.winner);
  }

  void Shortfall(const CandidateResult& winner) {
    const std::string winner_name = ProductName(winner);
    const Candidate* supplier = FindCandidate(p_, winner.id);
    const double gap = winner.total - c_.total;
    out_ += "The contract is to be awarded to " + winner_name +
            (supplier && !supplier->supplier.empty() ? " (" + Escape(supplier->supplier) + ")"
                                                     : std::string()) +
            ", whose tender scored " + FormatOneDecimal(winner.total) + " out of 100. ";
    if (std::fabs(gap) <= kPointTolerance) {
      out_ +=
          "Your tender scored the same total; the tie-break declared before scoring put the "
          "winning tender first.\n\n";
    } else {
      out_ += "Your tender scored " + FormatOneDecimal(c_.total) + ", " + PointsText(gap) +
              " points fewer.\n\n";
    }
    const std::vector<PointDifference> lines = PointDifferences(winner, c_);
    std::string short_items;
    std::string ahead_items;
    for (const PointDifference& line : lines) {
      const std::string item = "- " + EscapedTitle(p_, line.criterion) + ": " +
                               PointsText(line.difference) + " points (yours " +
                               FormatOneDecimal(line.b) + ", the winning tender's " +
                               FormatOneDecimal(line.a) + ")\n";
      if (line.difference > kPointTolerance) short_items += item;
      if (line.difference < -kPointTolerance) ahead_items += item;
    }
    if (!short_items.empty()) {
      out_ += "Where your tender fell short of the winning tender, largest first:\n\n" +
              short_items + "\n";
    }
    if (!ahead_items.empty()) {
      out_ += "Where your tender scored more than the winning tender, largest first:\n\n" +
              ahead_items + "\n";
    }
  }

  const Procurement& p_;
  const Decision& d_;
  const CandidateResult& c_;
  const Candidate* candidate_;  // null only for a decision built without its procurement
  const FirstPlace first_;
  const std::map<std::string, long long>& tenths_;
  const std::string name_;
  std::string out_;
};

std::string MissingWarning(const std::string& id, const std::vector<std::string>& missing) {
  return "the assessment summary for '" + id + "' has no " + JoinPlainList(missing) + ": add " +
         (missing.size() == 1 ? "it" : "them") +
         " to the candidate in "
         "candidates.toml";
}

}  // namespace

std::vector<SupplierSummary> RenderSupplierSummaries(const Procurement& procurement,
                                                     const Decision& decision) {
  std::vector<std::string> ids;
  for (const CandidateResult& c : decision.candidates) ids.push_back(c.id);
  const std::vector<std::string> names = SummaryFileNames(ids);
  const std::map<std::string, long long> tenths = PublishedTenths(procurement, decision);
  std::vector<SupplierSummary> out;
  for (std::size_t i = 0; i < decision.candidates.size(); ++i) {
    const CandidateResult& c = decision.candidates[i];
    SummaryWriter writer(procurement, decision, c, tenths);
    SupplierSummary summary{c.id, names[i], writer.Render(), {}};
    if (std::vector<std::string> missing = writer.MissingDetails(); !missing.empty()) {
      summary.warnings.push_back(MissingWarning(c.id, missing));
    }
    if (decision.unsettled_matters) {
      summary.warnings.push_back("the assessment summary for '" + c.id +
                                 "' is not final: some scores are still to be settled");
    }
    out.push_back(std::move(summary));
  }
  return out;
}

}  // namespace weighbridge
