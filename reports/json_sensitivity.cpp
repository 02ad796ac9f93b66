#include "reports/json_sensitivity.h"

namespace weighbridge {
namespace {

using Json = nlohmann::ordered_json;

Json Text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json StabilityJson(const StabilityInterval& s) {
  Json out = Json::object();
  out["criterion"] = s.criterion;
  out["weight"] = s.weight;
  out["winner_lower"] = s.winner_lower;
  out["winner_upper"] = s.winner_upper;
  out["ranking_lower"] = s.ranking_lower;
  out["ranking_upper"] = s.ranking_upper;
  out["parent"] = s.parent;
  out["overtaker_below"] = Text(s.overtaker_below);
  out["overtaker_above"] = Text(s.overtaker_above);
  out["exact"] = s.exact;
  return out;
}

Json TippingJson(const std::optional<WeightTipping>& t) {
  if (!t) return nullptr;
  Json out = Json::object();
  out["criterion"] = t->criterion;
  out["weight"] = t->today;
  out["bound"] = t->bound;
  out["direction"] = t->below ? "below" : "above";
  out["overtaker"] = t->overtaker;
  out["global_change"] = t->global_change;
  return out;
}

Json FlipJson(const ScoreFlip& f) {
  Json out = Json::object();
  out["candidate"] = f.candidate;
  out["criterion"] = f.criterion;
  out["from"] = f.from;
  out["to"] = f.to;
  out["new_winner"] = f.new_winner;
  out["kind"] = f.kind;
  return out;
}

Json Numbers(const std::vector<double>& values) {
  Json out = Json::array();
  for (double v : values) out.push_back(v);
  return out;
}

// {candidate: {criterion: w}} or null per candidate.
Json WeightsByCandidate(const SmaaResult& s,
                        const std::vector<std::optional<std::vector<double>>>& weights) {
  Json out = Json::object();
  for (std::size_t i = 0; i < s.candidates.size(); ++i) {
    if (i >= weights.size() || !weights[i]) {
      out[s.candidates[i]] = nullptr;
      continue;
    }
    Json w = Json::object();
    for (std::size_t l = 0; l < s.criteria.size(); ++l) w[s.criteria[l]] = (*weights[i])[l];
    out[s.candidates[i]] = w;
  }
  return out;
}

Json ByCandidate(const SmaaResult& s, const std::vector<std::optional<double>>& values) {
  Json out = Json::object();
  for (std::size_t i = 0; i < s.candidates.size(); ++i) {
    out[s.candidates[i]] = i < values.size() && values[i] ? Json(*values[i]) : Json(nullptr);
  }
  return out;
}

Json RowsByCandidate(const SmaaResult& s, const std::vector<std::vector<double>>& rows) {
  Json out = Json::object();
  for (std::size_t i = 0; i < s.candidates.size(); ++i) {
    out[s.candidates[i]] = i < rows.size() ? Numbers(rows[i]) : Json::array();
  }
  return out;
}

Json SmaaJson(const SmaaResult& s) {
  Json out = Json::object();
  out["samples"] = s.samples;
  out["seed"] = s.seed;
  out["weights_mode"] = s.weights_mode;
  out["acceptability"] = RowsByCandidate(s, s.acceptability);
  out["central_weights"] = WeightsByCandidate(s, s.central_weights);
  out["confidence"] = ByCandidate(s, s.confidence);
  out["ran"] = s.ran;
  out["note"] = Text(s.note);
  out["scores_mode"] = s.scores_mode;
  out["uncertain_scores"] = s.uncertain_scores;
  out["generator"] = s.generator;
  out["confidence_samples"] = s.confidence_samples;
  Json se = Json::object();
  se["acceptability"] = RowsByCandidate(s, s.acceptability_se);
  se["central_weights"] = WeightsByCandidate(s, s.central_weights_se);
  se["confidence"] = ByCandidate(s, s.confidence_se);
  out["standard_errors"] = se;
  return out;
}

Json CheckJson(const MethodCheck& c) {
  Json out = Json::object();
  out["method"] = c.method;
  out["agrees"] = c.agrees;
  out["first"] = Json::array();
  for (const std::string& id : c.first) out["first"].push_back(id);
  out["ranking"] = Json::array();
  for (const std::string& id : c.ranking) out["ranking"].push_back(id);
  out["values"] = Json::object();
  for (std::size_t i = 0; i < c.candidates.size(); ++i) out["values"][c.candidates[i]] = c.values[i];
  return out;
}

}  // namespace

Json SensitivityJson(const Sensitivity& s) {
  Json out = Json::object();
  out["stability"] = Json::array();
  for (const StabilityInterval& interval : s.stability) out["stability"].push_back(StabilityJson(interval));
  out["score_flips"] = Json::array();
  for (const ScoreFlip& flip : s.score_flips) out["score_flips"].push_back(FlipJson(flip));
  out["smaa"] = SmaaJson(s.smaa);
  out["tipping"] = TippingJson(s.tipping);
  out["cross_checks"] = Json::array();
  for (const MethodCheck& check : s.cross_checks) out["cross_checks"].push_back(CheckJson(check));
  out["note"] = Text(s.skipped ? "the robustness analysis was not run" : s.note);
  return out;
}

}  // namespace weighbridge
