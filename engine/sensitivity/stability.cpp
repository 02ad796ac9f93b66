#include "engine/sensitivity/stability.h"

#include <algorithm>
#include <cmath>

namespace weighbridge {
namespace {

// A cap's margin within this of 0 is "at its limit": compatible with both
// biting and not, so that a point found as a root is not split again.
constexpr double kMarginTolerance = 1e-9;
// Straight to within this, a piece needs no more bisection.
constexpr double kLinearTolerance = 1e-10;
constexpr int kMaxDepth = 60;

// Everything worked out at one weight.
struct Probe {
  double w = 0;
  std::vector<double> totals;                // per eligible candidate
  std::vector<std::vector<double>> margins;  // per eligible candidate, per cap
  bool curved = false;  // the totals bend between this point and the next
};

// D = sign x (T_i - T_j) + offset: the condition holds while D <= 0.
struct Constraint {
  std::size_t i = 0;
  std::size_t j = 0;
  double sign = 1;
  double offset = 0;
  double At(const Probe& p) const { return sign * (p.totals[i] - p.totals[j]) + offset; }
};

int Status(double margin) {
  if (margin > kMarginTolerance) return 1;
  if (margin < -kMarginTolerance) return -1;
  return 0;
}

class NodeScan {
 public:
  NodeScan(const FlatModel& model, int node) : model_(model), node_(node) {}

  Probe Measure(double w) const {
    Probe p;
    p.w = w;
    const std::vector<double> local = Reweighed(model_.tree(), node_, w);
    const std::vector<double> global = model_.Globals(local);
    for (const FlatCandidate& c : model_.eligible()) {
      p.margins.emplace_back();
      p.totals.push_back(model_.Total(c, local, global, &p.margins.back()));
    }
    return p;
  }

  // Appends to `out` the points after `a` up to and including `b` at which
  // the totals bend. Between consecutive points the totals are straight,
  // unless the earlier point is marked `curved` (caps nested in caps).
  void Refine(const Probe& a, const Probe& b, std::vector<Probe>& out, int depth = 0) {
    if (depth < kMaxDepth) {
      if (auto root = Kink(a, b)) {
        Probe m = Measure(*root);
        Refine(a, m, out, depth + 1);
        Refine(m, b, out, depth + 1);
        return;
      }
    }
    if (!Straight(a, Measure(a.w + (b.w - a.w) / 2), b)) {
      exact_ = false;
      out.back().curved = true;
    }
    out.push_back(b);
  }

  bool exact() const { return exact_; }

 private:
  // The first cap, in the order caps apply, that bites at one end and not at
  // the other: its margin is straight here (every earlier cap does the same
  // throughout), so its root is where it starts or stops biting.
  std::optional<double> Kink(const Probe& a, const Probe& b) const {
    for (std::size_t c = 0; c < a.margins.size(); ++c) {
      for (std::size_t k = 0; k < a.margins[c].size(); ++k) {
        const double ma = a.margins[c][k];
        const double mb = b.margins[c][k];
        if (Status(ma) * Status(mb) >= 0) continue;
        const double root = a.w + (b.w - a.w) * (ma / (ma - mb));
        if (root > a.w && root < b.w) return root;
      }
    }
    return std::nullopt;
  }

  static bool Straight(const Probe& a, const Probe& mid, const Probe& b) {
    for (std::size_t c = 0; c < a.totals.size(); ++c) {
      if (std::abs(mid.totals[c] - (a.totals[c] + b.totals[c]) / 2) > kLinearTolerance) {
        return false;
      }
    }
    return true;
  }

  const FlatModel& model_;
  int node_;
  bool exact_ = true;
};

// Where the straight line through (a.w, da) and (b.w, db) crosses 0.
double Root(const Probe& a, double da, const Probe& b, double db) {
  if (da == db) return a.w;
  return std::clamp(a.w + (b.w - a.w) * (-da / (db - da)), a.w, b.w);
}

struct Exit {
  double w = 0;
  std::optional<std::size_t> constraint;  // the first to fail beyond w
};

// The first constraint failing at `p`, if any.
std::optional<std::size_t> Failing(const std::vector<Constraint>& constraints, const Probe& p) {
  for (std::size_t k = 0; k < constraints.size(); ++k) {
    if (constraints[k].At(p) > 0) return k;
  }
  return std::nullopt;
}

// On a curved piece from `from` (where every constraint holds) towards `to`:
// the first failure on a grid of kCurvedSteps, then halving down to the
// last weight at which every constraint still holds.
constexpr int kCurvedSteps = 64;
std::optional<Exit> CurvedExit(const NodeScan& scan, const Probe& from, const Probe& to,
                               const std::vector<Constraint>& constraints) {
  double inside = from.w;
  for (int k = 1; k <= kCurvedSteps; ++k) {
    const double w = from.w + (to.w - from.w) * k / kCurvedSteps;
    const Probe p = k == kCurvedSteps ? to : scan.Measure(w);
    if (auto failing = Failing(constraints, p)) {
      double outside = w;
      for (int i = 0; i < 60; ++i) {
        const double mid = inside + (outside - inside) / 2;
        const Probe m = scan.Measure(mid);
        if (auto f = Failing(constraints, m)) {
          outside = mid;
          failing = f;
        } else {
          inside = mid;
        }
      }
      return Exit{inside, failing};
    }
    inside = w;
  }
  return std::nullopt;
}

// The nearest weight above (up) or below points[start].w beyond which some
// constraint fails; points are in increasing w and straight in between
// unless marked curved.
Exit FirstExit(const NodeScan& scan, const std::vector<Probe>& points, std::size_t start,
               const std::vector<Constraint>& constraints, bool up) {
  if (up) {
    for (std::size_t s = start; s + 1 < points.size(); ++s) {
      const Probe& a = points[s];
      const Probe& b = points[s + 1];
      if (a.curved) {
        if (auto exit = CurvedExit(scan, a, b, constraints)) return *exit;
        continue;
      }
      Exit best{b.w, std::nullopt};
      for (std::size_t k = 0; k < constraints.size(); ++k) {
        const double da = constraints[k].At(a);
        const double db = constraints[k].At(b);
        if (db <= 0 && da <= 0) continue;
        const double r = da > 0 ? a.w : Root(a, da, b, db);
        if (!best.constraint || r < best.w) best = {r, k};
      }
      if (best.constraint) return best;
    }
    return {points.back().w, std::nullopt};
  }
  for (std::size_t s = start; s > 0; --s) {
    const Probe& a = points[s - 1];
    const Probe& b = points[s];
    if (a.curved) {
      if (auto exit = CurvedExit(scan, b, a, constraints)) return *exit;
      continue;
    }
    Exit best{a.w, std::nullopt};
    for (std::size_t k = 0; k < constraints.size(); ++k) {
      const double da = constraints[k].At(a);
      const double db = constraints[k].At(b);
      if (da <= 0 && db <= 0) continue;
      const double r = db > 0 ? b.w : Root(a, da, b, db);
      if (!best.constraint || r > best.w) best = {r, k};
    }
    if (best.constraint) return best;
  }
  return {points.front().w, std::nullopt};
}

std::vector<Constraint> WinnerConstraints(std::size_t n, std::size_t winner, double tol) {
  std::vector<Constraint> out;
  for (std::size_t j = 0; j < n; ++j) {
    if (j != winner) out.push_back({j, winner, 1, -tol});  // T_j - T_W <= tol
  }
  return out;
}

// Every pair keeps the relation it has today: ahead by more than the
// tolerance, behind by more, or tied within it.
std::vector<Constraint> RankingConstraints(const Probe& today, double tol) {
  std::vector<Constraint> out;
  const std::size_t n = today.totals.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double gap = today.totals[i] - today.totals[j];
      if (gap > tol) {
        out.push_back({i, j, -1, tol});
      } else if (gap < -tol) {
        out.push_back({i, j, 1, tol});
      } else {
        out.push_back({i, j, 1, -tol});
        out.push_back({i, j, -1, -tol});
      }
    }
  }
  return out;
}

bool Skipped(const FlatTree& tree, int node) {
  const std::string& id = tree.ids[node];
  // Price's share is set by the procurement, never varied; quality is the
  // rest of it.
  return tree.parent[node] < 0 && (id == "price" || id == "quality");
}

}  // namespace

std::vector<double> Reweighed(const FlatTree& tree, int node, double w) {
  std::vector<double> local = tree.local;
  const std::vector<int>& siblings = tree.ChildrenOf(tree.parent[node]);
  const double today = tree.local[node];
  double others = 0;
  for (int s : siblings) {
    if (s != node) others += tree.local[s];
  }
  for (int s : siblings) {
    if (s == node) continue;
    // At w = today the factor is exactly 1, so today's weights come back
    // bit for bit.
    local[s] = others > 0 && today < 1
                   ? tree.local[s] * ((1 - w) / (1 - today))
                   : (1 - w) / static_cast<double>(siblings.size() - 1);
  }
  local[node] = w;
  return local;
}

std::vector<StabilityInterval> StabilityIntervals(const FlatModel& model, std::size_t winner,
                                                  double tie_tolerance) {
  const FlatTree& tree = model.tree();
  std::vector<StabilityInterval> out;
  const std::size_t n = model.eligible().size();
  if (n == 0) return out;
  for (std::size_t node = 0; node < tree.ids.size(); ++node) {
    const int v = static_cast<int>(node);
    if (tree.ChildrenOf(tree.parent[v]).size() < 2 || Skipped(tree, v)) continue;
    StabilityInterval interval;
    interval.criterion = tree.ids[v];
    interval.parent = tree.parent[v] < 0 ? "root" : tree.ids[tree.parent[v]];
    interval.weight = tree.local[v];
    NodeScan scan(model, v);
    const double today = tree.local[v];
    std::vector<Probe> points{scan.Measure(0.0)};
    Probe now = scan.Measure(today);
    if (today > 0) scan.Refine(points.front(), now, points);
    if (today <= 0) points.front() = now;
    const std::size_t start = points.size() - 1;
    if (today < 1) scan.Refine(now, scan.Measure(1.0), points);

    const std::vector<Constraint> first = WinnerConstraints(n, winner, tie_tolerance);
    const Exit up = FirstExit(scan, points, start, first, true);
    const Exit down = FirstExit(scan, points, start, first, false);
    interval.winner_upper = up.w;
    interval.winner_lower = down.w;
    if (up.constraint) interval.overtaker_above = model.eligible()[first[*up.constraint].i].id;
    if (down.constraint) interval.overtaker_below = model.eligible()[first[*down.constraint].i].id;
    const std::vector<Constraint> order = RankingConstraints(points[start], tie_tolerance);
    interval.ranking_upper = FirstExit(scan, points, start, order, true).w;
    interval.ranking_lower = FirstExit(scan, points, start, order, false).w;
    interval.exact = scan.exact();
    out.push_back(std::move(interval));
  }
  return out;
}

std::optional<WeightTipping> SmallestTipping(const FlatModel& model,
                                             const std::vector<StabilityInterval>& intervals) {
  const FlatTree& tree = model.tree();
  std::optional<WeightTipping> best;
  auto consider = [&](const StabilityInterval& s, double bound, bool below,
                      const std::string& overtaker) {
    if (overtaker.empty()) return;
    const int node = tree.Find(s.criterion);
    const int parent = tree.parent[node];
    const double above = parent < 0 ? 1.0 : tree.global[parent];
    WeightTipping t{s.criterion, s.weight, bound, below, overtaker,
                    std::abs(s.weight - bound) * above};
    if (!best || t.global_change < best->global_change) best = t;
  };
  for (const StabilityInterval& s : intervals) {
    consider(s, s.winner_lower, true, s.overtaker_below);
    consider(s, s.winner_upper, false, s.overtaker_above);
  }
  return best;
}

}  // namespace weighbridge
