#include "workspace/method_json.h"

#include <utility>

#include "weighbridge/evaluate.h"
#include "weighbridge/published_shares.h"
#include "workspace/canonical_json.h"
#include "workspace/sha256.h"

namespace weighbridge::workspace {
namespace {

using nlohmann::json;

// Each member of the method and how a message names it, in one order.
const std::vector<std::pair<std::string, std::string>>& Parts() {
  static const std::vector<std::pair<std::string, std::string>> kParts = {
      {"criteria", "the criteria"},
      {"scale", "the scale and the moderation threshold"},
      {"weights", "the weights"},
      {"minimums", "the minimum scores"},
      {"rules", "the rules"},
      {"panel", "how the panel's judgements are combined ([panel])"},
      {"price", "how price is scored ([price])"},
      {"costs", "the contract term and how costs are worked out ([costs])"},
      {"budget", "the budget"},
      {"tie_break", "the tie-break"},
      {"smaa", "the robustness settings ([smaa])"},
  };
  return kParts;
}

const char* AssessName(Assess assess) {
  switch (assess) {
    case Assess::kBranch:
      return "branch";
    case Assess::kJudgement:
      return "judgement";
    case Assess::kEvidence:
      return "evidence";
    case Assess::kPrice:
      return "price";
  }
  return "branch";
}

json ValueJson(const ValueFunction& value) {
  switch (value.kind) {
    case ValueKind::kBoolean:
      return {{"kind", "boolean"}};
    case ValueKind::kLinear:
      return {{"kind", "linear"}, {"worst", value.worst}, {"best", value.best}};
    case ValueKind::kPiecewise: {
      json points = json::array();
      for (const auto& [x, y] : value.points) points.push_back({x, y});
      return {{"kind", "piecewise"}, {"points", points}};
    }
    case ValueKind::kLevels:
      return {{"kind", "levels"}, {"levels", value.levels}};
  }
  return {};
}

json CriteriaJson(const CriteriaTree& tree) {
  json out = json::array();
  for (const Criterion& c : tree.nodes()) {
    json node = {{"id", c.id},
                 {"parent", c.parent},
                 {"title", c.title},
                 {"question", c.question},
                 {"guidance", c.guidance},
                 {"assess", AssessName(c.assess)}};
    if (c.assess == Assess::kEvidence) {
      node["evidence"] = c.evidence;
      node["value"] = ValueJson(c.value);
    }
    out.push_back(std::move(node));
  }
  return out;
}

json RulesJson(const std::vector<Rule>& rules) {
  json out = json::array();
  for (const Rule& r : rules) {
    out.push_back({{"id", r.id},
                   {"kind", RuleKindName(r.kind)},
                   {"condition", r.condition},
                   {"evidence", r.evidence},
                   {"target", r.target},
                   {"max", r.max},
                   {"because", r.because},
                   {"source", r.source},
                   {"missing", r.missing == MissingPolicy::kFail ? "fail" : "skip"}});
  }
  return out;
}

json OptionalNumber(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

json SmaaJson(const SmaaSettings& smaa) {
  json bounds = json::object();
  for (const auto& [leaf, range] : smaa.bounds) bounds[leaf] = {range.first, range.second};
  return {{"weights", smaa.weights ? json(SmaaWeightsName(*smaa.weights)) : json(nullptr)},
          {"samples", smaa.samples ? json(*smaa.samples) : json(nullptr)},
          {"seed", smaa.seed ? json(*smaa.seed) : json(nullptr)},
          {"fixed_scores", smaa.fixed_scores},
          {"bounds", bounds}};
}

// The leaf weights as the methodology publishes them: the panel's weights
// (the freeze being ignored), rounded by the one published rounding.
std::map<std::string, long long> PanelTenths(const Procurement& procurement) {
  Procurement unfrozen = procurement;
  unfrozen.freeze.reset();
  EvaluateOptions options;
  options.sensitivity.enabled = false;  // only the weights are read
  const Decision decision = Evaluate(unfrozen, options);
  std::map<std::string, long long> leaves;
  const std::map<std::string, long long> all = PublishedTenths(unfrozen, decision);
  for (const std::string& leaf : procurement.framework.tree.leaves()) leaves[leaf] = all.at(leaf);
  return leaves;
}

}  // namespace

json MethodJson(const Procurement& procurement) {
  const Framework& framework = procurement.framework;
  json minimums = json::object();
  for (const Criterion& c : framework.tree.nodes()) {
    if (c.minimum) minimums[c.id] = *c.minimum;
  }
  json tie_break = json::array();
  for (const TieBreakStep& step : procurement.tie_break) {
    tie_break.push_back(TieBreakStepName(step));
  }
  const PriceSettings& price = procurement.price;
  const CostSettings& costs = procurement.costs;
  const PanelOptions& panel = procurement.panel.options;
  return {{"criteria", CriteriaJson(framework.tree)},
          {"scale",
           {{"min", framework.scale.min},
            {"max", framework.scale.max},
            {"moderation_threshold", framework.scale.moderation_threshold}}},
          {"weights", PanelTenths(procurement)},
          {"minimums", minimums},
          {"rules", RulesJson(procurement.rules)},
          {"panel",
           {{"within_group", WithinGroupName(panel.within_group)},
            {"exclude_cr_above", OptionalNumber(panel.exclude_cr_above)}}},
          {"price",
           {{"share", price.share},
            {"method", PriceMethodName(price.method)},
            {"zero_at_ratio", price.zero_at_ratio},
            {"points_per_percent", price.points_per_percent},
            {"log_zero_at", price.log_zero_at},
            {"abnormally_low", price.abnormally_low}}},
          {"costs",
           {{"discount_rate", costs.discount_rate},
            {"term_years", procurement.info.term_years},
            {"uplift", costs.uplift},
            {"users", OptionalNumber(costs.users)},
            {"user_growth", costs.user_growth}}},
          {"budget", OptionalNumber(procurement.budget)},
          {"tie_break", tie_break},
          {"smaa", SmaaJson(procurement.smaa)}};
}

std::string MethodHash(const json& method) { return Sha256Hex(CanonicalJson(method)); }

std::map<std::string, long long> MethodTenths(const json& method) {
  return method.at("weights").get<std::map<std::string, long long>>();
}

std::vector<std::string> MethodChanges(const json& before, const json& after) {
  std::vector<std::string> out;
  for (const auto& [key, words] : Parts()) {
    const json none;
    const json& a = before.contains(key) ? before.at(key) : none;
    const json& b = after.contains(key) ? after.at(key) : none;
    if (CanonicalJson(a) != CanonicalJson(b)) out.push_back(words);
  }
  return out;
}

std::vector<std::string> MethodParts() {
  std::vector<std::string> out;
  for (const auto& part : Parts()) out.push_back(part.second);
  return out;
}

}  // namespace weighbridge::workspace
