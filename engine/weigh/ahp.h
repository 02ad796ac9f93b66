// Pairwise comparison (the Analytic Hierarchy Process, AHP): one person's
// comparisons of n criteria, two at a time, turned into weights, with a
// measure of how consistent the comparisons are. See docs/methods.md,
// "Comparing two at a time", for the formulas and their sources.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace weighbridge {

// One comparison given: criterion `i` is `value` times as important as `j`
// (indices into the list of criteria compared). Precondition: i != j,
// value > 0, and no pair is given twice in either direction.
struct PairEntry {
  int i = 0;
  int j = 0;
  double value = 1;
};

// Saaty's random index RI(n): the mean consistency index of random reciprocal
// matrices of order n (Saaty 1980): 0 for n <= 2; 0.58, 0.90, 1.12, 1.24,
// 1.32, 1.41, 1.45, 1.49 for n = 3..10. Above 10 it stays at 1.49, which
// slightly overstates inconsistency there (see docs/methods.md).
double RandomIndex(int n);

// The consistency ratio above which comparisons of n criteria are flagged
// (Saaty 1994): 0.05 for n = 3, 0.08 for n = 4, 0.10 for n >= 5. For n <= 2
// comparisons cannot be inconsistent, and this returns 0 (nothing exceeds a
// ratio of exactly 0).
double ConsistencyThreshold(int n);

// The principal right eigenvector of a positive n x n matrix `a` (row-major),
// by power iteration from equal weights until no component moves by more
// than 1e-12. Writes the eigenvector, scaled to sum 1, to `w` (n values) and
// returns the principal eigenvalue (lambda max). Allocates nothing, so it is
// cheap to call many times. Precondition: every entry of `a` is > 0.
double PrincipalEigen(const double* a, int n, double* w);

// PrincipalEigen for `count` matrices at once: `a` holds them one after the
// other (count x n x n, row-major); writes each eigenvector to `w` (count x n)
// and each eigenvalue to `lambda` (count). Each matrix gets bit for bit what
// PrincipalEigen gives it alone (the same operations in the same order, each
// stopping at its own convergence), computed several matrices at a time in
// the lanes of the processor's vector registers; a lane whose matrix has
// converged takes the next one at once. For large panels.
void PrincipalEigenBatch(const double* a, int n, std::size_t count, double* w, double* lambda);

// The weights that best fit the given comparisons on a log scale, the
// logarithmic least squares method (Crawford and Williams 1985; for missing
// comparisons, Kwiesielewicz 1996 and Bozóki, Fülöp and Rónyai 2010):
// minimise the sum over given pairs of (ln a_ij - ln w_i + ln w_j)^2. Sum 1.
// Precondition: the pairs link all n criteria (a connected graph).
std::vector<double> LogLeastSquaresWeights(int n, std::span<const PairEntry> entries);

// The completion of an incomplete matrix that has the smallest principal
// eigenvalue (Bozóki, Fülöp and Rónyai 2010), found by cyclic coordinate
// descent over the logarithms of the missing entries. Returns the full
// n x n matrix, row-major. Precondition: as LogLeastSquaresWeights.
std::vector<double> OptimalCompletion(int n, std::span<const PairEntry> entries);

// The given comparison furthest from the ratio the weights imply, on a log
// scale: |ln a_ij - ln(w_i / w_j)|, oriented so that `given` >= 1 (i is
// given times as important as j).
struct FurthestPair {
  int i = 0;
  int j = 0;
  double given = 1;      // what was said, >= 1
  double deviation = 0;  // |ln given - ln(w_i / w_j)|
  // w_i / w_j from the person's other answers alone (every comparison but
  // this one, by logarithmic least squares), and that ratio rounded to the
  // nearest value of the 1-9 scale (1/9 .. 1/2, 1 .. 9) other than `given`.
  double implied = 1;
  double suggested = 1;
};

struct PairwiseResult {
  std::vector<double> weights;  // sum 1: the eigenvector, or LLSM when incomplete
  bool complete = true;         // every pair compared
  int comparisons = 0;          // how many pairs were given
  // lambda max of the matrix, or of its optimal completion when incomplete.
  double lambda_max = 0;
  // (lambda_max - n) / (n - 1) / RandomIndex(n); 0 for n <= 2; null when
  // exactly n - 1 pairs were given for n >= 3 (the completion is then always
  // consistent, so consistency cannot be checked).
  std::optional<double> consistency_ratio;
  // The pair furthest from the others; null for n <= 2 or when the ratio
  // cannot be checked.
  std::optional<FurthestPair> furthest;
};

// Everything about one person's comparisons of n criteria. Precondition: the
// pairs link all n criteria; values in (0, inf); no pair given twice.
PairwiseResult AnalysePairwise(int n, std::span<const PairEntry> entries);

// `ratio` rounded to the 1-9 scale: 1..9 when >= 1, otherwise 1/9..1/2.
double RoundToScale(double ratio);

}  // namespace weighbridge
