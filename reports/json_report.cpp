// The machine contract (docs/json.md). Keys are written in a fixed order with
// nlohmann's ordered_json, and every number is the engine's double as it is:
// the shortest text that reads back to the same bits, never rounded, so two
// runs on the same inputs give identical bytes.
#include <nlohmann/json.hpp>
#include <set>

#include "reports/json_freeze.h"
#include "reports/json_declarations.h"
#include "reports/json_panel.h"
#include "reports/json_sensitivity.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json ProcurementJson(const ProcurementInfo& info) {
  Json out = Json::object();
  out["id"] = info.id;
  out["title"] = info.title;
  out["authority"] = info.authority;
  out["reference"] = info.reference;
  out["currency"] = info.currency;
  // 0 means the procurement gave no term; say so rather than claim 0 years.
  out["term_years"] = info.term_years > 0 ? Json(info.term_years) : Json(nullptr);
  return out;
}

Json FrameworkJson(const Framework& framework) {
  Json out = Json::object();
  out["id"] = framework.id;
  out["version"] = framework.version;
  out["title"] = framework.title;
  out["scale"] = Json::object();
  out["scale"]["min"] = framework.scale.min;
  out["scale"]["max"] = framework.scale.max;
  out["scale"]["moderation_threshold"] = framework.scale.moderation_threshold;
  return out;
}

Json WeightsJson(const std::vector<NodeWeight>& weights) {
  Json out = Json::array();
  for (const NodeWeight& w : weights) {
    Json node = Json::object();
    node["criterion"] = w.criterion;
    node["parent"] = w.parent;
    node["local"] = w.local;
    node["global"] = w.global;
    out.push_back(std::move(node));
  }
  return out;
}

Json UnjudgedJson(const std::vector<UnjudgedNode>& unjudged) {
  Json out = Json::array();
  for (const UnjudgedNode& u : unjudged) {
    Json node = Json::object();
    node["node"] = u.node;
    node["reason"] = u.reason;
    out.push_back(std::move(node));
  }
  return out;
}

Json CriterionJson(const CriterionResult& result) {
  Json out = Json::object();
  const bool total_cap = result.criterion == "total";  // a negative line, not a leaf
  out["criterion"] = result.criterion;
  out["score"] = total_cap ? Json(nullptr) : Json(result.score);
  out["weight"] = total_cap ? Json(nullptr) : Json(result.weight);
  out["contribution"] = result.contribution;
  out["basis"] = result.basis;
  if (result.scale_value) out["scale_value"] = *result.scale_value;
  if (!result.capped_by.empty()) {
    out["capped_by"] = Json::array();
    for (const std::string& rule : result.capped_by) out["capped_by"].push_back(rule);
  }
  return out;
}

Json RuleValueJson(const RuleValue& value) {
  return std::visit(
      [](const auto& v) -> Json {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) {
          return nullptr;
        } else {
          return v;
        }
      },
      value);
}

Json RuleOutcomeJson(const RuleOutcome& outcome) {
  Json out = Json::object();
  out["rule"] = outcome.rule;
  out["kind"] = outcome.kind;
  out["outcome"] = outcome.outcome;
  out["reason"] = outcome.reason;
  if (!outcome.source.empty()) out["source"] = outcome.source;
  out["values"] = Json::object();
  for (const auto& [name, value] : outcome.values) out["values"][name] = RuleValueJson(value);
  return out;
}

Json CapJson(const AppliedCap& cap) {
  Json out = Json::object();
  out["rule"] = cap.rule;
  out["target"] = cap.target;
  out["max"] = cap.max;
  out["before"] = cap.before;
  out["lowered"] = cap.lowered;
  return out;
}

Json StringArray(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& item : items) out.push_back(item);
  return out;
}

std::string SupplierOf(const Procurement& procurement, const std::string& id) {
  for (const Candidate& c : procurement.candidates) {
    if (c.id == id) return c.supplier;
  }
  return {};
}

Json CostJson(const CostResult& cost) {
  Json out = Json::object();
  out["whole_life"] = cost.whole_life;
  out["present_value"] = cost.present_value;
  out["maintenance_share"] = OptionalNumber(cost.maintenance_share);
  out["annual_mean"] = cost.annual_mean;
  out["by_year"] = Json::array();
  for (const CostYear& year : cost.by_year) {
    Json row = Json::object();
    row["year"] = year.year;
    row["undiscounted"] = year.undiscounted;
    row["present_value"] = year.present_value;
    row["by_category"] = Json::object();
    for (const auto& [category, amount] : year.by_category) row["by_category"][category] = amount;
    out["by_year"].push_back(std::move(row));
  }
  out["price_per_quality_point"] = OptionalNumber(cost.price_per_quality_point);
  out["flags"] = Json::array();
  for (const CostFlag& flag : cost.flags) {
    Json f = Json::object();
    f["flag"] = flag.flag;
    f["reason"] = flag.reason;
    f["values"] = Json::object();
    for (const auto& [name, value] : flag.values) f["values"][name] = RuleValueJson(value);
    out["flags"].push_back(std::move(f));
  }
  return out;
}

Json CandidateJson(const Procurement& procurement, const CandidateResult& result) {
  Json out = Json::object();
  out["id"] = result.id;
  out["name"] = result.name;
  out["supplier"] = SupplierOf(procurement, result.id);
  out["eligible"] = result.eligible;
  out["complete"] = result.complete;
  out["total"] = result.total;
  out["rank"] = result.rank ? Json(*result.rank) : Json(nullptr);
  out["criteria"] = Json::array();
  for (const CriterionResult& c : result.criteria) out["criteria"].push_back(CriterionJson(c));
  out["rules"] = Json::array();
  for (const RuleOutcome& rule : result.rules) out["rules"].push_back(RuleOutcomeJson(rule));
  out["caps"] = Json::array();
  for (const AppliedCap& cap : result.caps) out["caps"].push_back(CapJson(cap));
  out["missing_evidence"] = StringArray(result.missing_evidence);
  out["unscored"] = StringArray(result.unscored);
  out["quality"] = result.quality;
  out["cost"] = result.cost ? CostJson(*result.cost) : Json(nullptr);
  return out;
}

Json TiesJson(const std::vector<TieOutcome>& ties) {
  Json out = Json::array();
  for (const TieOutcome& tie : ties) {
    Json t = Json::object();
    t["candidates"] = StringArray(tie.candidates);
    t["decided_by"] = StringArray(tie.decided_by);
    t["order"] = Json::array();
    for (const std::vector<std::string>& group : tie.order) t["order"].push_back(StringArray(group));
    out.push_back(std::move(t));
  }
  return out;
}

Json SwitchJson(const std::optional<ShareSwitch>& change) {
  if (!change) return nullptr;
  Json out = Json::object();
  out["share"] = change->share;
  out["winner"] = change->winner;
  return out;
}

Json PriceJson(const std::optional<PriceSummary>& price) {
  if (!price) return nullptr;
  Json out = Json::object();
  out["share"] = price->share;
  out["method"] = price->method;
  out["scored"] = price->scored;
  out["reason"] = price->reason;
  out["pool"] = StringArray(price->pool);
  out["lowest_present_value"] = OptionalNumber(price->lowest);
  out["without_one_bid"] = Json::array();
  for (const PoolRemoval& removal : price->removals) {
    Json r = Json::object();
    r["removed"] = removal.removed;
    r["changes_order"] = removal.changes_order;
    r["ranking"] = StringArray(removal.ranking);
    out["without_one_bid"].push_back(std::move(r));
  }
  out["winner"] = price->winner.empty() ? Json(nullptr) : Json(price->winner);
  out["winner_changes_below"] = SwitchJson(price->below);
  out["winner_changes_above"] = SwitchJson(price->above);
  return out;
}

Json MemberJson(const MemberSummary& member) {
  Json out = Json::object();
  out["id"] = member.id;
  out["group"] = member.group;
  out["method"] = member.method;
  out["consistency_ratio"] = OptionalNumber(member.consistency_ratio);
  out["judgements"] = member.judgements;
  return out;
}

// The group's local weights in the order of decision.weights (the tree's
// order, parents first) rather than the map's alphabetical order, so that a
// person reading the JSON sees the same order everywhere.
Json GroupWeightsJson(const GroupSummary& group, const std::vector<NodeWeight>& weights) {
  Json out = Json::object();
  std::set<std::string> written;
  for (const NodeWeight& w : weights) {
    auto it = group.weights.find(w.criterion);
    if (it == group.weights.end() || !written.insert(w.criterion).second) continue;
    out[w.criterion] = it->second;
  }
  for (const auto& [criterion, weight] : group.weights) {
    if (!written.count(criterion)) out[criterion] = weight;
  }
  return out;
}

Json GroupJson(const GroupSummary& group, const std::vector<NodeWeight>& weights) {
  Json out = Json::object();
  out["id"] = group.id;
  out["title"] = group.title;
  out["weight"] = group.weight;
  out["members"] = group.members;
  out["weights"] = GroupWeightsJson(group, weights);
  out["ranking"] = StringArray(group.ranking);
  return out;
}

Json ModerationJson(const ModerationNeed& need) {
  Json out = Json::object();
  out["candidate"] = need.candidate;
  out["criterion"] = need.criterion;
  out["scores"] = Json::object();
  for (const auto& [evaluator, value] : need.scores) out["scores"][evaluator] = value;
  out["spread"] = need.spread;
  return out;
}

}  // namespace

std::string RenderJson(const Procurement& procurement, const Decision& decision) {
  Json out = Json::object();
  out["procurement"] = ProcurementJson(procurement.info);
  out["framework"] = FrameworkJson(procurement.framework);
  out["weights"] = WeightsJson(decision.weights);
  out["unjudged"] = UnjudgedJson(decision.unjudged);
  // Only once the method is fixed, so reports without a freeze keep their bytes.
  if (procurement.freeze) out["method_fixed"] = FixedMethodJson(procurement);
  out["candidates"] = Json::array();
  for (const CandidateResult& c : decision.candidates) {
    out["candidates"].push_back(CandidateJson(procurement, c));
  }
  out["ranking"] = StringArray(decision.ranking);
  out["ties"] = TiesJson(decision.ties);
  out["price"] = PriceJson(decision.price);
  out["panel"] = Json::object();
  out["panel"]["members"] = Json::array();
  for (const MemberSummary& m : decision.members) out["panel"]["members"].push_back(MemberJson(m));
  out["panel"]["groups"] = Json::array();
  for (const GroupSummary& g : decision.groups) {
    out["panel"]["groups"].push_back(GroupJson(g, decision.weights));
  }
  const Json review = PanelReviewJson(decision.panel_review);
  for (const auto& [key, value] : review.items()) out["panel"][key] = value;
  out["moderation"] = Json::array();
  for (const ModerationNeed& m : decision.moderation)
    out["moderation"].push_back(ModerationJson(m));
  // Only from a workspace, so output without one keeps its bytes.
  if (procurement.declarations) out["declarations"] = DeclarationsJson(procurement);
  out["sensitivity"] = SensitivityJson(decision.sensitivity);
  out["input_hash"] = procurement.input_hash;
  // Invalid UTF-8 in a user's text is replaced rather than thrown on: the
  // loader should have refused it, and a report is no place to fail.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace weighbridge
