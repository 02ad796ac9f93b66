// The loaded model written as JSON for the input hash. Field names follow the
// input files' keys where there is one, so the JSON reads like the inputs.
#include "weighbridge/input_hash.h"

#include <cmath>

#include "weighbridge/canonical_json.h"
#include "weighbridge/sha256.h"

namespace weighbridge {
namespace {

using Json = nlohmann::json;

// A finite number as itself; NaN and the infinities, which JSON lacks, as
// text, so that they still count without the canonical writer refusing them.
Json Number(double value) {
  if (std::isfinite(value)) return value;
  if (std::isnan(value)) return "nan";
  return value > 0 ? "inf" : "-inf";
}

template <typename T>
Json Optional(const std::optional<T>& value) {
  return value ? Json(Number(static_cast<double>(*value))) : Json(nullptr);
}

const char* AssessName(Assess assess) {
  switch (assess) {
    case Assess::kBranch: return "branch";
    case Assess::kJudgement: return "judgement";
    case Assess::kEvidence: return "evidence";
    case Assess::kPrice: return "price";
  }
  return "branch";
}

const char* ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBoolean: return "boolean";
    case ValueKind::kLinear: return "linear";
    case ValueKind::kPiecewise: return "piecewise";
    case ValueKind::kLevels: return "levels";
  }
  return "boolean";
}

// kUnset is null: the report then guesses the role from the group's id and
// title, which the hash covers already.
Json RoleName(GroupRole role) {
  switch (role) {
    case GroupRole::kUnset: return nullptr;
    case GroupRole::kExpertsByExperience: return "experts-by-experience";
    case GroupRole::kPractitioners: return "practitioners";
    case GroupRole::kCommissioners: return "commissioners";
    case GroupRole::kOther: return "other";
  }
  return nullptr;
}

Json ValueJson(const ValueFunction& value) {
  Json points = Json::array();
  for (const auto& [x, score] : value.points) {
    points.push_back(Json::array({Number(x), Number(score)}));
  }
  Json levels = Json::object();
  for (const auto& [text, score] : value.levels) levels[text] = Number(score);
  return {{"type", ValueKindName(value.kind)}, {"worst", Number(value.worst)},
          {"best", Number(value.best)}, {"points", points}, {"levels", levels}};
}

Json CriterionJson(const Criterion& c) {
  Json out = {{"id", c.id},
              {"parent", c.parent},
              {"title", c.title},
              {"question", c.question},
              {"guidance", c.guidance},
              {"assess", AssessName(c.assess)},
              {"minimum", Optional(c.minimum)}};
  if (c.assess == Assess::kEvidence) {
    out["evidence"] = c.evidence;
    out["value"] = ValueJson(c.value);
  }
  return out;
}

Json FrameworkJson(const Framework& f) {
  Json levels = Json::array();
  for (const ScaleLevel& l : f.scale.levels) {
    levels.push_back(
        {{"value", Number(l.value)}, {"label", l.label}, {"descriptor", l.descriptor}});
  }
  Json criteria = Json::array();
  for (const Criterion& c : f.tree.nodes()) criteria.push_back(CriterionJson(c));
  // Not source_file: the same framework read from another place is the same.
  return {{"id", f.id},
          {"version", f.version},
          {"title", f.title},
          {"scale",
           {{"min", Number(f.scale.min)},
            {"max", Number(f.scale.max)},
            {"moderation_threshold", Number(f.scale.moderation_threshold)},
            {"levels", levels}}},
          {"criteria", criteria}};
}

// Dates are tagged so that the text "2026-04-01" and the date differ.
Json EvidenceJson(const EvidenceValue& value) {
  switch (value.index()) {
    case 0: return std::get<bool>(value);
    case 1: return Number(std::get<double>(value));
    case 2: return std::get<std::string>(value);
    case 3: return std::get<std::vector<std::string>>(value);
    default: {
      const Date& d = std::get<Date>(value);
      return {{"date", Json::array({d.year, d.month, d.day})}};
    }
  }
}

Json AmountsJson(const std::map<CostCategory, double>& amounts) {
  Json out = Json::object();
  for (const auto& [category, amount] : amounts) out[CostCategoryName(category)] = Number(amount);
  return out;
}

Json CandidateCostsJson(const CandidateCosts& costs) {
  Json periodic = Json::array();
  for (const PeriodicCost& p : costs.periodic) {
    periodic.push_back({{"category", CostCategoryName(p.category)},
                        {"amount", Number(p.amount)},
                        {"every_years", p.every_years}});
  }
  return {{"one_off", AmountsJson(costs.one_off)},
          {"annual", AmountsJson(costs.annual)},
          {"per_user_annual", AmountsJson(costs.per_user_annual)},
          {"periodic", periodic},
          {"exit", AmountsJson(costs.exit)}};
}

// Not the supplier's address and email, nor (below) panel members' names:
// contact and personal details change nothing decided, and the workspace can
// erase a person's, which must not change the hash of what was decided.
Json CandidateJson(const Candidate& c) {
  Json evidence = Json::object();
  for (const auto& [key, value] : c.evidence) evidence[key] = EvidenceJson(value);
  Json exclusion = c.exclusion ? Json{{"ground", c.exclusion->ground},
                                      {"reason", c.exclusion->reason}}
                               : Json(nullptr);
  return {{"id", c.id},
          {"name", c.name},
          {"supplier", c.supplier},
          {"supplier_id", c.supplier_id},
          {"evidence", evidence},
          {"exclusion", exclusion},
          {"low_bid_investigation", c.low_bid_investigation
                                        ? Json{{"outcome", c.low_bid_investigation->outcome},
                                               {"note", c.low_bid_investigation->note}}
                                        : Json(nullptr)},
          {"costs", c.costs ? CandidateCostsJson(*c.costs) : Json(nullptr)}};
}

Json JudgementJson(const Judgement& j) {
  Json values = Json::object();
  for (const auto& [child, value] : j.values) values[child] = Number(value);
  Json pairs = Json::array();
  for (const Comparison& p : j.pairs) {
    pairs.push_back({{"a", p.a}, {"b", p.b}, {"value", Number(p.value)}});
  }
  return {{"member", j.member}, {"parent", j.parent},  {"method", WeighMethodName(j.method)},
          {"values", values},   {"pairs", pairs},      {"order", j.order}};
}

Json PanelJson(const Panel& panel) {
  Json groups = Json::array();
  for (const Group& g : panel.groups) {
    groups.push_back({{"id", g.id},
                      {"title", g.title},
                      {"weight", Number(g.weight)},
                      {"role", RoleName(g.role)}});
  }
  Json members = Json::array();
  for (const Member& m : panel.members) {
    members.push_back({{"id", m.id}, {"group", m.group}});
  }
  Json judgements = Json::array();
  for (const Judgement& j : panel.judgements) judgements.push_back(JudgementJson(j));
  return {{"groups", groups},
          {"members", members},
          {"judgements", judgements},
          {"within_group", WithinGroupName(panel.options.within_group)},
          {"exclude_cr_above", Optional(panel.options.exclude_cr_above)}};
}

Json ScoresJson(const std::vector<Score>& scores) {
  Json out = Json::array();
  for (const Score& s : scores) {
    out.push_back({{"evaluator", s.evaluator},
                   {"candidate", s.candidate},
                   {"criterion", s.criterion},
                   {"value", Number(s.value)},
                   {"rationale", s.rationale},
                   {"evidence_ref", s.evidence_ref}});
  }
  return out;
}

Json ConsensusJson(const std::vector<Consensus>& consensus) {
  Json out = Json::array();
  for (const Consensus& c : consensus) {
    out.push_back({{"candidate", c.candidate},
                   {"criterion", c.criterion},
                   {"value", Number(c.value)},
                   {"note", c.note}});
  }
  return out;
}

// A rule by what it says, in the order rules apply; its compiled program
// follows from `condition`.
Json RuleJson(const Rule& r) {
  return {{"id", r.id},
          {"kind", RuleKindName(r.kind)},
          {"condition", r.condition},
          {"evidence", r.evidence},
          {"target", r.target},
          {"max", Number(r.max)},
          {"because", r.because},
          {"source", r.source},
          {"missing", r.missing == MissingPolicy::kFail ? "fail" : "skip"}};
}

// Who scores what: the criteria as written (the leaves follow from the tree).
Json AssignmentsJson(const std::vector<Assignment>& assignments) {
  Json out = Json::array();
  for (const Assignment& a : assignments) {
    out.push_back({{"evaluator", a.evaluator}, {"criteria", a.criteria}});
  }
  return out;
}

// The fixed method as the workspace sets it: the published weights change the
// totals, and the rest is reported with the decision.
Json FreezeJson(const std::optional<MethodFreeze>& freeze) {
  if (!freeze) return nullptr;
  Json tenths = Json::object();
  for (const auto& [leaf, value] : freeze->published_tenths) tenths[leaf] = value;
  Json amendments = Json::array();
  for (const MethodAmendment& a : freeze->amendments) {
    amendments.push_back({{"at", a.at},
                          {"who", a.who},
                          {"reason", a.reason},
                          {"old_method_hash", a.old_method_hash},
                          {"method_hash", a.method_hash},
                          {"changed", a.changed}});
  }
  return {{"at", freeze->at},
          {"who", freeze->who},
          {"note", freeze->note},
          {"method_hash", freeze->method_hash},
          {"published_tenths", tenths},
          {"amendments", amendments}};
}

// Who declared what (pseudonymous ids and the suppliers named); null when not
// loaded from a workspace. The declarations' own words stay out.
Json DeclarationsJson(const std::optional<std::vector<PersonDeclarations>>& declarations) {
  if (!declarations) return nullptr;
  Json out = Json::array();
  for (const PersonDeclarations& d : *declarations) {
    out.push_back({{"person", d.person}, {"roles", d.roles}, {"interests", d.interests}});
  }
  return out;
}

Json SmaaJson(const SmaaSettings& s) {
  Json bounds = Json::object();
  for (const auto& [leaf, range] : s.bounds) {
    bounds[leaf] = Json::array({Number(range.first), Number(range.second)});
  }
  return {{"weights", s.weights ? Json(SmaaWeightsName(*s.weights)) : Json(nullptr)},
          {"samples", Optional(s.samples)},
          {"seed", Optional(s.seed)},  // at most 2^53 - 1, so exact as a double
          {"scores", s.fixed_scores ? "fixed" : "range"},
          {"bounds", bounds}};
}

Json CostSettingsJson(const CostSettings& c) {
  return {{"discount_rate", Number(c.discount_rate)},
          {"uplift", Number(c.uplift)},
          {"users", Optional(c.users)},
          {"user_growth", Number(c.user_growth)}};
}

Json PriceJson(const PriceSettings& p) {
  return {{"share", Number(p.share)},
          {"method", PriceMethodName(p.method)},
          {"zero_at_ratio", Number(p.zero_at_ratio)},
          {"points_per_percent", Number(p.points_per_percent)},
          {"log_zero_at", Number(p.log_zero_at)},
          {"abnormally_low", Number(p.abnormally_low)}};
}

Json ModelJson(const Procurement& p) {
  const ProcurementInfo& info = p.info;
  Json candidates = Json::array();
  for (const Candidate& c : p.candidates) candidates.push_back(CandidateJson(c));
  Json rules = Json::array();
  for (const Rule& r : p.rules) rules.push_back(RuleJson(r));
  Json tie_break = Json::array();
  for (const TieBreakStep& step : p.tie_break) tie_break.push_back(TieBreakStepName(step));
  return {{"procurement",
           {{"id", info.id},
            {"title", info.title},
            {"authority", info.authority},
            {"reference", info.reference},
            {"purpose", info.purpose},
            {"currency", info.currency},
            {"term_years", info.term_years}}},
          {"framework", FrameworkJson(p.framework)},
          {"candidates", candidates},
          {"panel", PanelJson(p.panel)},
          {"scores", ScoresJson(p.scores)},
          {"assignments", AssignmentsJson(p.assignments)},
          {"consensus", ConsensusJson(p.consensus)},
          {"rules", rules},
          {"allow_incomplete", p.allow_incomplete},
          {"smaa", SmaaJson(p.smaa)},
          {"costs", CostSettingsJson(p.costs)},
          {"price", PriceJson(p.price)},
          {"budget", Optional(p.budget)},
          {"tie_break", tie_break},
          {"freeze", FreezeJson(p.freeze)},
          {"declarations", DeclarationsJson(p.declarations)}};
}

}  // namespace

std::string CanonicalModelJson(const Procurement& procurement) {
  return CanonicalJson(ModelJson(procurement));
}

std::string InputHash(const Procurement& procurement) {
  return Sha256Hex(CanonicalModelJson(procurement));
}

}  // namespace weighbridge
