// A decision reduced to arrays for the robustness analysis: the criteria tree
// from Decision::weights, and each eligible candidate's leaf scores and the
// caps that applied to it. Totals under other weights or scores are worked
// out here exactly as the engine works them out (engine/aggregate/
// capped_scores.h), with the caps that fired re-applied in the same order.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/decision.h"

namespace weighbridge {

struct FlatTree {
  std::vector<std::string> ids;          // every node, Decision::weights order (parents first)
  std::vector<int> parent;               // index into ids; -1 for the root
  std::vector<double> local;             // today's local weights
  std::vector<double> global;            // today's global weights
  std::vector<std::vector<int>> children;  // per node, in order
  std::vector<int> top;                  // the root's children
  std::vector<int> leaves;               // nodes without children, in order
  std::vector<int> slot;                 // node -> its index in `leaves`; -1 for a branch
  // The leaves under each node (itself for a leaf), as indices into `leaves`.
  std::vector<std::vector<int>> leaves_under;

  int Find(const std::string& id) const;  // -1 when absent
  const std::vector<int>& ChildrenOf(int node) const { return node < 0 ? top : children[node]; }
};

// A cap that fired, as it is re-applied: the node it targets (-1 for the
// total) and its maximum on 0-100.
struct FlatCap {
  int target = -1;
  double max = 0;
};

struct FlatCandidate {
  std::size_t index = 0;        // into Decision::candidates
  std::string id;
  std::vector<double> score;    // per leaf slot, 0-100, as measured
  std::vector<FlatCap> caps;    // in the order they applied
  double total = 0;             // the engine's total
};

class FlatModel {
 public:
  // Precondition: `decision` came from Evaluate().
  explicit FlatModel(const Decision& decision);

  const FlatTree& tree() const { return tree_; }
  // The eligible candidates, in candidates-file order.
  const std::vector<FlatCandidate>& eligible() const { return eligible_; }

  // Global weights from local ones (indexed by node), parents first.
  std::vector<double> Globals(const std::vector<double>& local) const;

  // The total of `c` with leaf scores `score` (per slot) under `local` and
  // `global` (per node), its caps re-applied in order. When `margins` is
  // given it receives, per cap, the target's score before the cap less the
  // cap's max (positive when the cap bites). When `factor` is given it
  // receives each leaf's cap factor.
  double Total(const FlatCandidate& c, const std::vector<double>& score,
               const std::vector<double>& local, const std::vector<double>& global,
               std::vector<double>* margins = nullptr,
               std::vector<double>* factor = nullptr) const;
  double Total(const FlatCandidate& c, const std::vector<double>& local,
               const std::vector<double>& global, std::vector<double>* margins = nullptr) const {
    return Total(c, c.score, local, global, margins);
  }

 private:
  double NodeScore(int node, const std::vector<double>& score, const std::vector<double>& factor,
                   const std::vector<double>& local) const;

  FlatTree tree_;
  std::vector<FlatCandidate> eligible_;
};

}  // namespace weighbridge
