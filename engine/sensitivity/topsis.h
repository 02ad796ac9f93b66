// TOPSIS, the technique for order preference by similarity to an ideal
// solution (Hwang and Yoon, Multiple Attribute Decision Making, Springer,
// 1981), with vector normalisation. A cross-check beside the weighted sum,
// never a replacement for it.
#pragma once

#include <vector>

namespace weighbridge {

// The relative closeness to the ideal, in [0, 1], of each row of `x`
// (alternatives by criteria), with criterion weights `w` and `benefit[j]`
// true when more is better on criterion j (false: a cost).
//  1. r_ij = x_ij / sqrt(sum_i x_ij^2); a column of zeros stays 0.
//  2. v_ij = w_j r_ij.
//  3. The ideal takes each column's best v, the anti-ideal its worst.
//  4. D+_i and D-_i are the Euclidean distances to them.
//  5. C_i = D-_i / (D+_i + D-_i); 1 when both are 0 (every alternative is
//     the same on every weighted criterion, so each is as good as the best).
// Precondition: every row has w.size() entries; benefit.size() == w.size().
std::vector<double> TopsisCloseness(const std::vector<std::vector<double>>& x,
                                    const std::vector<double>& w, const std::vector<bool>& benefit);

}  // namespace weighbridge
