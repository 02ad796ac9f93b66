#include "tests/support/decision_builder.h"

#include <algorithm>
#include <functional>

namespace weighbridge {
namespace {

std::vector<std::string> ChildrenOf(const std::vector<NodeWeight>& tree, const std::string& id) {
  std::vector<std::string> out;
  for (const NodeWeight& w : tree) {
    if (w.parent == id) out.push_back(w.criterion);
  }
  return out;
}

CandidateResult* Find(Decision& d, const std::string& id) {
  for (CandidateResult& c : d.candidates) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace

double ReferenceTotal(const std::vector<NodeWeight>& tree, const std::map<std::string, double>& local,
                      const CandidateResult& candidate) {
  std::map<std::string, double> score;
  for (const CriterionResult& r : candidate.criteria) score[r.criterion] = r.score;
  std::map<std::string, double> global;
  for (const NodeWeight& w : tree) {
    global[w.criterion] = local.at(w.criterion) * (w.parent == "root" ? 1.0 : global.at(w.parent));
  }
  std::function<double(const std::string&)> mean = [&](const std::string& id) {
    std::vector<std::string> children = ChildrenOf(tree, id);
    if (children.empty()) return score[id];
    double sum = 0;
    for (const std::string& c : children) sum += local.at(c) * mean(c);
    return sum;
  };
  std::function<void(const std::string&, double)> scale = [&](const std::string& id, double f) {
    std::vector<std::string> children = ChildrenOf(tree, id);
    if (children.empty()) score[id] *= f;
    for (const std::string& c : children) scale(c, f);
  };
  double cut = 0;  // taken off by caps on the total
  auto total = [&] {
    double sum = -cut;
    for (const NodeWeight& w : tree) {
      if (ChildrenOf(tree, w.criterion).empty()) sum += global[w.criterion] * score[w.criterion];
    }
    return sum;
  };
  for (const AppliedCap& cap : candidate.caps) {
    if (cap.target == "total") {
      cut += std::max(0.0, total() - cap.max);
      continue;
    }
    const double before = mean(cap.target);
    if (before > cap.max) scale(cap.target, cap.max / before);
  }
  return total();
}

DecisionBuilder& DecisionBuilder::Node(const std::string& id, const std::string& parent,
                                       double local) {
  d_.weights.push_back({id, parent, local, 0});
  return *this;
}

DecisionBuilder& DecisionBuilder::Candidate(const std::string& id,
                                            std::map<std::string, double> scores, bool eligible) {
  CandidateResult c;
  c.id = id;
  c.name = id;
  c.eligible = eligible;
  for (const NodeWeight& w : d_.weights) {
    if (!ChildrenOf(d_.weights, w.criterion).empty()) continue;
    CriterionResult r;
    r.criterion = w.criterion;
    r.score = scores[w.criterion];
    c.criteria.push_back(r);
  }
  d_.candidates.push_back(c);
  return *this;
}

DecisionBuilder& DecisionBuilder::ScaleValue(const std::string& candidate, const std::string& leaf,
                                             double value) {
  for (CriterionResult& r : Find(d_, candidate)->criteria) {
    if (r.criterion == leaf) r.scale_value = value;
  }
  return *this;
}

DecisionBuilder& DecisionBuilder::Cap(const std::string& candidate, const std::string& target,
                                      double max) {
  Find(d_, candidate)->caps.push_back({"cap-" + target, target, max, 0, true});
  return *this;
}

Decision DecisionBuilder::Build() const {
  Decision d = d_;
  std::map<std::string, double> local;
  for (const NodeWeight& w : d.weights) local[w.criterion] = w.local;
  for (NodeWeight& w : d.weights) {
    double above = 1;
    for (const NodeWeight& p : d.weights) {
      if (p.criterion == w.parent) above = p.global;
    }
    w.global = above * w.local;
  }
  for (CandidateResult& c : d.candidates) {
    c.total = ReferenceTotal(d.weights, local, c);
    for (CriterionResult& r : c.criteria) {
      for (const NodeWeight& w : d.weights) {
        if (w.criterion == r.criterion) r.weight = w.global;
      }
    }
  }
  for (CandidateResult& c : d.candidates) {
    if (!c.eligible) continue;
    int above = 0;
    for (const CandidateResult& o : d.candidates) above += o.eligible && o.total > c.total + 1e-9;
    c.rank = 1 + above;
  }
  std::vector<const CandidateResult*> order;
  for (const CandidateResult& c : d.candidates) {
    if (c.eligible) order.push_back(&c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const CandidateResult* a, const CandidateResult* b) { return *a->rank < *b->rank; });
  for (const CandidateResult* c : order) d.ranking.push_back(c->id);
  return d;
}

}  // namespace weighbridge
