#include "reports/json_panel.h"

namespace weighbridge {
namespace {

using Json = nlohmann::ordered_json;

Json Optional(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json Strings(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

Json MemberWeightsJson(const MemberNodeWeights& m) {
  Json out = Json::object();
  out["member"] = m.member;
  out["group"] = m.group;
  out["node"] = m.node;
  out["method"] = m.method;
  out["weights"] = Json::object();
  for (const auto& [child, w] : m.weights) out["weights"][child] = w;
  out["consistency_ratio"] = Optional(m.consistency_ratio);
  out["excluded"] = m.excluded;
  return out;
}

Json InconsistentJson(const InconsistentJudgement& f) {
  Json out = Json::object();
  out["member"] = f.member;
  out["group"] = f.group;
  out["node"] = f.node;
  out["consistency_ratio"] = f.consistency_ratio;
  out["threshold"] = f.threshold;
  out["excluded"] = f.excluded;
  out["furthest"] = Json::object();
  out["furthest"]["more"] = f.more;
  out["furthest"]["less"] = f.less;
  out["furthest"]["given"] = f.given;
  out["furthest"]["implied"] = f.implied;
  out["furthest"]["suggested"] = f.suggested;
  return out;
}

Json DivergenceJson(const CriterionDivergence& d) {
  Json out = Json::object();
  out["criterion"] = d.criterion;
  out["parent"] = d.parent;
  out["between"] = d.between;
  out["highest_group"] = d.highest_group.empty() ? Json(nullptr) : Json(d.highest_group);
  out["lowest_group"] = d.lowest_group.empty() ? Json(nullptr) : Json(d.lowest_group);
  out["groups"] = Json::array();
  for (const GroupSpread& g : d.groups) {
    Json group = Json::object();
    group["group"] = g.group;
    group["members"] = g.members;
    group["weight"] = g.weight;
    group["lowest"] = g.lowest;
    group["highest"] = g.highest;
    out["groups"].push_back(std::move(group));
  }
  return out;
}

}  // namespace

Json PanelReviewJson(const PanelReview& review) {
  Json out = Json::object();
  out["within_group"] = review.within_group;
  out["exclude_cr_above"] = Optional(review.exclude_cr_above);
  out["member_weights"] = Json::array();
  for (const auto& m : review.member_weights) out["member_weights"].push_back(MemberWeightsJson(m));
  out["inconsistent"] = Json::array();
  for (const auto& f : review.inconsistent) out["inconsistent"].push_back(InconsistentJson(f));
  out["divergence"] = Json::array();
  for (const auto& d : review.divergence) out["divergence"].push_back(DivergenceJson(d));
  out["differ_most"] = Strings(review.differ_most);
  out["agreement"] = Json::array();
  for (const GroupAgreement& a : review.agreement) {
    Json item = Json::object();
    item["group"] = a.group;
    item["node"] = a.node;
    item["members"] = a.members;
    item["kendall_w"] = Optional(a.kendall_w);
    out["agreement"].push_back(std::move(item));
  }
  out["turnout"] = Json::array();
  for (const GroupTurnout& t : review.turnout) {
    Json item = Json::object();
    item["group"] = t.group;
    item["role"] = t.role;
    item["members"] = t.members;
    item["judged"] = t.judged;
    item["names"] = Strings(t.names);
    out["turnout"].push_back(std::move(item));
  }
  out["notes"] = Json::array();
  for (const PanelNote& n : review.notes) {
    Json item = Json::object();
    item["group"] = n.group;
    item["node"] = n.node;
    item["note"] = n.note;
    out["notes"].push_back(std::move(item));
  }
  out["warnings"] = Json::array();
  for (const PanelWarning& w : review.warnings) {
    Json item = Json::object();
    item["kind"] = w.kind;
    item["message"] = w.message;
    out["warnings"].push_back(std::move(item));
  }
  return out;
}

}  // namespace weighbridge
