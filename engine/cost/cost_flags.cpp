#include "engine/cost/cost_flags.h"

#include <fmt/core.h>

#include "engine/cost/cost_model.h"

namespace weighbridge {
namespace {

CostFlag NoMaintenance(int term) {
  CostFlag flag;
  flag.flag = "no-maintenance";
  flag.reason = fmt::format(
      "Support and maintenance are priced at 0 in every year from year 2 to year {}. Few care "
      "organisations fund the upkeep of their systems reliably: ask the supplier what keeps the "
      "product safe, supported and up to date after the first year, and who pays for it.",
      term);
  flag.values = {{fmt::format("support and maintenance, years 2 to {}", term), 0.0}};
  return flag;
}

CostFlag AbnormallyLow(double own, double mean, double threshold, const std::string& currency) {
  CostFlag flag;
  flag.flag = "abnormally-low";
  flag.reason = fmt::format(
      "The present value, {}, is {:.1f}% below the mean of the other eligible bids, {} (a bid "
      "more than {:g}% below is flagged). Before it could disregard an abnormally low tender the "
      "authority must ask the supplier to show it can do the work at this price (Procurement Act "
      "2023, section 19): this flag starts that question; it excludes nothing.",
      FormatMoney(own, currency), (mean - own) / mean * 100, FormatMoney(mean, currency),
      threshold * 100);
  flag.values = {{"cost.present_value", own},
                 {"mean of the other eligible bids", mean},
                 {"abnormally_low", threshold}};
  return flag;
}

// The flag starts a question; once the authority has its answer (recorded by
// `weighbridge investigate`), the flag says what it was, so no reader thinks
// the question is still open.
void AddInvestigation(const Procurement& procurement, const std::string& id, CostFlag& flag) {
  for (const Candidate& candidate : procurement.candidates) {
    if (candidate.id != id || !candidate.low_bid_investigation) continue;
    const LowBidInvestigation& investigation = *candidate.low_bid_investigation;
    flag.reason += investigation.outcome == "accepted"
                       ? " The authority investigated it and accepted the bid: "
                       : " The authority investigated it and rejected the bid: ";
    flag.reason += investigation.note;
  }
}

}  // namespace

void AddCostFlags(const Procurement& procurement, std::vector<CandidateResult>& candidates) {
  for (CandidateResult& c : candidates) {
    if (!c.cost) continue;
    CostResult& cost = *c.cost;
    cost.flags.clear();
    cost.price_per_quality_point.reset();
    if (c.quality > 0) cost.price_per_quality_point = cost.present_value / c.quality;
    if (PricesNoMaintenance(cost)) cost.flags.push_back(NoMaintenance(procurement.info.term_years));
    double sum = 0;
    int others = 0;
    for (const CandidateResult& other : candidates) {
      if (&other == &c || !other.eligible || !other.cost) continue;
      sum += other.cost->present_value;
      ++others;
    }
    // A mean of one other bid is that bid alone: too little to call a price
    // abnormal.
    if (others < 2) continue;
    const double mean = sum / others;
    const double threshold = procurement.price.abnormally_low;
    if (cost.present_value < (1.0 - threshold) * mean) {
      cost.flags.push_back(AbnormallyLow(cost.present_value, mean, threshold, procurement.info.currency));
      AddInvestigation(procurement, c.id, cost.flags.back());
    }
  }
}

}  // namespace weighbridge
