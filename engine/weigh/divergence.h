// How far apart the panel's members and groups were: the spread of weights
// within each group, the difference between groups, and Kendall's W for how
// far each group's members agreed on the order of the criteria. See
// docs/methods.md, "Seeing the panel".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/weigh/panel_weights.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/panel.h"
#include "weighbridge/panel_review.h"

namespace weighbridge {

// The ranks of `values`, largest first (rank 1), ties sharing the mean of
// the ranks they cover: {0.5, 0.2, 0.2, 0.1} -> {1, 2.5, 2.5, 4}.
std::vector<double> MidRanks(const std::vector<double>& values);

// Kendall's coefficient of concordance W of m orderings of the same n items,
// each given as the members' weights (`weights[member][item]`), with the
// correction for ties (Kendall and Babington Smith 1939; Legendre 2005):
//   W = 12 S / (m^2 (n^3 - n) - m sum T),  S = sum_i (R_i - m (n + 1) / 2)^2,
// R_i the sum of item i's ranks, T = sum over tied sets of (t^3 - t).
// Null with fewer than two members or items, or when every member ties every
// item (nothing to agree on).
std::optional<double> KendallW(const std::vector<std::vector<double>>& weights);

// Per weighed criterion (tree order), each group's weight and its members'
// lowest and highest, and the difference between groups.
std::vector<CriterionDivergence> Divergence(const CriteriaTree& tree, const Panel& panel,
                                            const PanelWeights& weights);

// Up to three criteria whose `between` is largest and at least `floor`,
// largest first (tree order on a tie).
std::vector<std::string> DifferMost(const std::vector<CriterionDivergence>& divergence,
                                    double floor = 0.05);

// Kendall's W of each group's counted members at each node they weighed.
std::vector<GroupAgreement> Agreement(const CriteriaTree& tree, const Panel& panel,
                                      const PanelWeights& weights);

}  // namespace weighbridge
