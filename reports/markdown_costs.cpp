#include "reports/markdown_costs.h"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "reports/markdown_text.h"
#include "reports/number_format.h"

namespace weighbridge {
namespace {

// A rate or share as people write it: 0.035 -> "3.5%", 0.3 -> "30%".
std::string Rate(double fraction) { return fmt::format("{:g}%", fraction * 100); }

std::string PriceMethodWords(PriceMethod method, const PriceSettings& price) {
  switch (method) {
    case PriceMethod::kLowestRelative:
      return "the lowest-relative formula: 100 × the lowest present value ÷ the bid's own";
    case PriceMethod::kLinear:
      return fmt::format(
          "a straight line from 100 at the lowest present value to 0 at {:g} times the lowest",
          price.zero_at_ratio);
    case PriceMethod::kDeductPerPercent:
      return fmt::format(
          "100 less {:g} point{} for every 1% the bid's present value is above the lowest",
          price.points_per_percent, price.points_per_percent == 1 ? "" : "s");
    case PriceMethod::kLog:
      return fmt::format(
          "the log formula: 100 × (1 − ln(own ÷ lowest) ÷ ln {:g}), which reaches 0 at {:g} "
          "times the lowest present value",
          price.log_zero_at, price.log_zero_at);
    case PriceMethod::kQualityOnly:
      return "no formula: price is not scored";
  }
  return "";
}

class CostsReport {
 public:
  CostsReport(const Procurement& procurement, const Decision& decision)
      : p_(procurement), d_(decision) {
    for (const std::string& id : d_.ranking) {
      if (const CandidateResult* c = Result(id)) order_.push_back(c);
    }
    for (const CandidateResult& c : d_.candidates) {
      if (std::find(order_.begin(), order_.end(), &c) == order_.end()) order_.push_back(&c);
    }
  }

  std::string Render() {
    bool any_cost = std::any_of(d_.candidates.begin(), d_.candidates.end(),
                                [](const CandidateResult& c) { return c.cost.has_value(); });
    if (!any_cost && !d_.price) return "";
    out_ += "## Whole-life cost and price\n\n";
    Basis();
    Summary();
    Price();
    Flags();
    YearByYear();
    return out_;
  }

 private:
  const CandidateResult* Result(const std::string& id) const {
    for (const CandidateResult& c : d_.candidates) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }

  std::string Name(const std::string& id) const {
    const CandidateResult* c = Result(id);
    return Escape(c && !c->name.empty() ? c->name : id);
  }

  std::string Money(double amount) const { return FormatMoney(amount, p_.info.currency); }

  double PriceScore(const CandidateResult& c) const {
    for (const CriterionResult& r : c.criteria) {
      if (r.criterion == kPriceId) return r.score;
    }
    return 0;
  }

  // How the costs were turned into one figure each.
  void Basis() {
    const CostSettings& s = p_.costs;
    const int term = p_.info.term_years;
    out_ += fmt::format(
        "Each bid priced the whole {}-year term in today's money. The whole-life cost adds up "
        "every year's costs, from the one-off costs of year 0 to the exit costs of year {}. ",
        term, term);
    if (s.discount_rate > 0) {
      out_ += "The present value discounts each year's costs at " + Rate(s.discount_rate) +
              " a year (a real rate, as in HM Treasury's Green Book), so that a pound spent in a "
              "later year counts for less than a pound spent now.";
    } else {
      out_ += "Costs are not discounted, so the present value equals the whole-life cost.";
    }
    std::vector<std::string> growth;
    if (s.uplift != 0) {
      growth.push_back("annual and per-user costs rise by " + Rate(s.uplift) +
                       " a year above inflation from year 2");
    }
    if (s.users) {
      std::string users = "per-user costs are for " + FormatAsGiven(*s.users) + " users in year 1";
      if (s.user_growth != 0) users += ", a number growing by " + Rate(s.user_growth) + " a year";
      growth.push_back(users);
    }
    if (!growth.empty()) out_ += " " + Capitalised(JoinPlainList(growth)) + ".";
    out_ += "\n\n";
  }

  void Summary() {
    std::vector<std::string> header{"Product", "Whole-life cost", "Present value", "Mean a year",
                                    "Support, maintenance and hosting"};
    std::string align = "lrrrr";
    if (d_.price) {
      header.push_back("Price score out of 100");
      align += "r";
    }
    header.push_back("Present value per quality point");
    align += "r";
    TableHeader(out_, header, align);
    for (const CandidateResult* c : order_) {
      std::vector<std::string> row{Name(c->id)};
      if (!c->cost) {
        row.insert(row.end(), {"no costs given", "", "", ""});
        if (d_.price) row.push_back("");
        row.push_back("");
        TableRow(out_, row);
        continue;
      }
      const CostResult& cost = *c->cost;
      row.push_back(Money(cost.whole_life));
      row.push_back(Money(cost.present_value));
      row.push_back(Money(cost.annual_mean));
      row.push_back(cost.maintenance_share ? FormatPercent(*cost.maintenance_share)
                                           : "none (no costs)");
      if (d_.price) row.push_back(FormatOneDecimal(PriceScore(*c)));
      row.push_back(cost.price_per_quality_point ? Money(*cost.price_per_quality_point)
                                                 : "undefined: quality score 0");
      TableRow(out_, row);
    }
    out_ +=
        "\nThe support, maintenance and hosting column is the share of the whole-life cost that "
        "keeps the product running: what a care organisation must keep funding after the launch. "
        "The quality criteria on maintenance score what the supplier commits to (upgrades, "
        "support, fixes, exit), never the money, so the price is not counted twice. The present "
        "value per quality point (present value ÷ quality score) is a cross-check beside the "
        "ranking, not part of it: a lower figure buys each point of quality for less.\n\n";
  }

  void Price() {
    const PriceSettings& price = p_.price;
    if (!d_.price) {
      out_ += price.method == PriceMethod::kQualityOnly
                  ? "Price is not scored (quality-only): the bids compete on quality alone, and "
                    "their costs are shown for the record and for the budget.\n\n"
                  : "Price has no share of the total: the ranking is on quality alone, and the "
                    "costs are shown for the record.\n\n";
      return;
    }
    const PriceSummary& s = *d_.price;
    out_ += "### How price was scored\n\n";
    out_ += "Price counts for " + Rate(s.share) + " of the total and quality for " +
            Rate(1 - s.share) + ". Price is scored on each bid's present value with " +
            PriceMethodWords(price.method, price) + ", between 0 and 100. ";
    if (!s.scored) {
      out_ += "This time price was not scored: " + Escape(s.reason) +
              ". Every product's price score is 0.\n\n";
      return;
    }
    std::vector<std::string> pool;
    std::string lowest;
    for (const std::string& id : s.pool) {
      pool.push_back(Name(id));
      const CandidateResult* c = Result(id);
      if (c && c->cost && s.lowest && c->cost->present_value == *s.lowest) lowest = Name(id);
    }
    out_ += "The lowest present value is taken among the bids that meet every must-have not "
            "depending on price (the price pool: " +
            JoinPlainList(pool) + "): " + Money(*s.lowest) + ", from " + lowest +
            ". A bid outside the pool that is cheaper still scores 100.\n\n";
    ShareSentence(s);
    RemovalSentence(s);
  }

  // The price share at which the winner would change.
  void ShareSentence(const PriceSummary& s) {
    if (s.winner.empty()) return;
    std::string text = Name(s.winner) + " comes first with price at " + Rate(s.share) + ". ";
    // Computed shares to one decimal place, like every percentage in the report.
    const std::string from = s.below ? FormatPercent(s.below->share) : "0%";
    const std::string to = s.above ? FormatPercent(s.above->share) : "100%";
    if (!s.below && !s.above) {
      text += "It would come first whatever share price had, from 0% to 100%.";
    } else {
      text += "It would stay first for any price share from " + from + " to " + to + ".";
      if (s.below) {
        text += " Below " + from + ", " + Name(s.below->winner) + " would come first.";
      }
      if (s.above) {
        text += " Above " + to + ", " + Name(s.above->winner) + " would come first.";
      }
    }
    out_ += text +
            " (Each total is the price share × the price score plus the rest × the quality "
            "score, with every score held as it is and caps on the total left aside.)\n\n";
  }

  void RemovalSentence(const PriceSummary& s) {
    if (s.removals.empty()) return;
    std::vector<std::string> changing;
    for (const PoolRemoval& r : s.removals) {
      if (r.changes_order) changing.push_back(Name(r.removed));
    }
    out_ +=
        "Every price score here depends on the lowest price, so one bid can move the others' "
        "scores. ";
    if (changing.empty()) {
      out_ += "Had any one of the losing bids in the price pool not been made, the order of the "
              "others would be the same.\n\n";
      return;
    }
    out_ += "Had one of these losing bids not been made, the order of the others would "
            "change:\n\n";
    for (const PoolRemoval& r : s.removals) {
      if (!r.changes_order) continue;
      std::vector<std::string> names;
      for (const std::string& id : r.ranking) names.push_back(Name(id));
      out_ += "- without " + Name(r.removed) + ": " +
              (names.empty() ? std::string("no product could be ranked")
                             : JoinPlainList(names) + ", in that order") +
              ".\n";
    }
    out_ += "\n";
  }

  void Flags() {
    std::string flags;
    for (const CandidateResult* c : order_) {
      if (!c->cost) continue;
      for (const CostFlag& f : c->cost->flags) {
        std::string what = f.flag == "no-maintenance" ? "no upkeep priced" : "abnormally low";
        flags += "- **" + Name(c->id) + "**, " + what + ": " + Escape(f.reason) + "\n";
      }
    }
    out_ += "### Flags on costs\n\n";
    out_ += flags.empty() ? "No bid's costs raised a flag.\n\n"
                          : "These are for looking into; they change no score and exclude no "
                            "one.\n\n" + flags + "\n";
  }

  void YearByYear() {
    out_ += "### Year by year\n\n";
    for (const CandidateResult* c : order_) {
      if (!c->cost) continue;
      const CostResult& cost = *c->cost;
      out_ += "**" + Name(c->id) + "**\n\n";
      std::vector<std::string> header{"Year"};
      std::string align = "l";
      if (!cost.by_year.empty()) {
        for (const auto& [category, amount] : cost.by_year.front().by_category) {
          header.push_back(Capitalised(category));
          align += "r";
        }
      }
      header.insert(header.end(), {"Total", "Present value"});
      align += "rr";
      TableHeader(out_, header, align);
      for (const CostYear& year : cost.by_year) {
        std::vector<std::string> row{std::to_string(year.year)};
        for (const auto& [category, amount] : year.by_category) row.push_back(Money(amount));
        row.push_back(Money(year.undiscounted));
        row.push_back(Money(year.present_value));
        TableRow(out_, row);
      }
      std::vector<std::string> sum{"Whole term"};
      if (!cost.by_year.empty()) {
        for (std::size_t k = 0; k < cost.by_year.front().by_category.size(); ++k) {
          double total = 0;
          for (const CostYear& year : cost.by_year) total += year.by_category[k].second;
          sum.push_back(Money(total));
        }
      }
      sum.push_back("**" + Money(cost.whole_life) + "**");
      sum.push_back("**" + Money(cost.present_value) + "**");
      TableRow(out_, sum);
      out_ += "\n";
    }
  }

  const Procurement& p_;
  const Decision& d_;
  std::vector<const CandidateResult*> order_;
  std::string out_;
};

std::string TieSentence(const Procurement& p, const Decision& d, const TieOutcome& tie) {
  auto name = [&](const std::string& id) {
    for (const CandidateResult& c : d.candidates) {
      if (c.id == id) return Escape(c.name.empty() ? id : c.name);
    }
    return Escape(id);
  };
  std::vector<std::string> names;
  std::optional<double> total;  // the first's: the others are within the tie tolerance of it
  for (const std::string& id : tie.candidates) {
    names.push_back(name(id));
    for (const CandidateResult& c : d.candidates) {
      if (c.id == id && !total) total = c.total;
    }
  }
  std::string text = JoinPlainList(names) + " have the same total, " + FormatOneDecimal(total.value_or(0)) +
                     " out of 100. ";
  if (p.tie_break.empty()) {
    return text + "No tie-break was declared before scoring, so they share a rank; the tie must "
                  "be settled by a documented decision, not by the order they are listed in.\n";
  }
  std::vector<std::string> steps;
  for (const TieBreakStep& step : p.tie_break) {
    switch (step.kind) {
      case TieBreakStep::Kind::kQuality: steps.push_back("the higher quality score"); break;
      case TieBreakStep::Kind::kPrice: steps.push_back("the lower present value"); break;
      case TieBreakStep::Kind::kCriterion: {
        const Criterion* c = p.framework.tree.Find(step.criterion);
        steps.push_back("the higher score on " +
                        Escape(c && !c->title.empty() ? c->title : step.criterion));
        break;
      }
    }
  }
  text += "The tie-break declared before scoring is " + JoinPlainList(steps) + ". ";
  std::string order;
  bool shared = false;
  for (const std::vector<std::string>& group : tie.order) {
    std::vector<std::string> together;
    for (const std::string& id : group) together.push_back(name(id));
    shared = shared || group.size() > 1;
    order += (order.empty() ? "" : ", then ") +
             (group.size() > 1 ? JoinPlainList(together) + " together" : together[0]);
  }
  if (tie.decided_by.empty()) {
    return text + "It could not tell them apart, so they share a rank.\n";
  }
  text += "It put them in this order: " + order + ".";
  if (shared) text += " Those it could not tell apart share a rank.";
  return text + "\n";
}

}  // namespace

std::string CostsSection(const Procurement& procurement, const Decision& decision) {
  return CostsReport(procurement, decision).Render();
}

std::string TieSentences(const Procurement& procurement, const Decision& decision) {
  std::string out;
  for (const TieOutcome& tie : decision.ties) out += TieSentence(procurement, decision, tie) + "\n";
  return out;
}

}  // namespace weighbridge
