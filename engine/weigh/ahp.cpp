#include "engine/weigh/ahp.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

namespace weighbridge {
namespace {

constexpr double kTolerance = 1e-12;  // power iteration: largest change in a weight
constexpr int kMaxIterations = 100000;

// Power iteration needs one scratch vector; small orders (every real panel)
// use the stack so that the bench's 100,000 matrices allocate nothing.
constexpr int kStackOrder = 32;

// Each dot product is a chain of fused multiply-adds, a * b + c rounded once
// (IEEE 754's fusedMultiplyAdd): half the operations of a multiply and an add,
// and, being exactly rounded, the same result on every machine: the
// processor's instruction where it has one (the x86-64-v3 clone: Haswell and
// later), the C library's exact fma() in the default clone. The batch below
// does the same operations in the same order, so it stays bit for bit equal.
__attribute__((target_clones("arch=x86-64-v3", "default"))) double Iterate(const double* a, int n,
                                                                           double* w, double* y) {
  const double start = 1.0 / n;
  for (int i = 0; i < n; ++i) w[i] = start;
  double lambda = n;
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      const double* row = a + static_cast<std::ptrdiff_t>(i) * n;
      double dot = 0;
      for (int j = 0; j < n; ++j) dot = std::fma(row[j], w[j], dot);
      y[i] = dot;
      sum += dot;
    }
    // The weights sum to 1, so the sum of A w is lambda once A w = lambda w.
    lambda = sum;
    // One division, then multiplications: a division costs many times a
    // multiplication, and this runs for every member at every node.
    const double scale = 1.0 / sum;
    double change = 0;
    for (int i = 0; i < n; ++i) {
      const double next = y[i] * scale;
      change = std::max(change, std::abs(next - w[i]));
      w[i] = next;
    }
    if (change <= kTolerance) break;
  }
  return lambda;
}

// Builds the n x n matrix from the given pairs; a missing pair gets
// exp(x[k]) for the k-th missing pair (i < j) in `missing`.
struct Completion {
  int n = 0;
  std::vector<double> a;                    // row-major
  std::vector<std::pair<int, int>> missing;  // (i, j), i < j
};

Completion StartCompletion(int n, std::span<const PairEntry> entries) {
  Completion c{n, std::vector<double>(static_cast<std::size_t>(n) * n, 0.0), {}};
  for (int i = 0; i < n; ++i) c.a[i * n + i] = 1;
  for (const PairEntry& e : entries) {
    c.a[e.i * n + e.j] = e.value;
    c.a[e.j * n + e.i] = 1 / e.value;
  }
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (c.a[i * n + j] == 0) c.missing.emplace_back(i, j);
    }
  }
  return c;
}

void SetEntry(Completion& c, int i, int j, double log_value) {
  c.a[i * c.n + j] = std::exp(log_value);
  c.a[j * c.n + i] = std::exp(-log_value);
}

// d lambda_max / d x for a_ij = e^x, a_ji = e^-x: the Perron root's
// derivative by an entry is v_i w_j / (v . w), with v and w the left and
// right principal eigenvectors (a standard result of eigenvalue
// perturbation; see Bozóki, Fülöp and Rónyai 2010, section 5).
double Slope(const Completion& c, int i, int j, std::vector<double>& transposed) {
  const int n = c.n;
  std::vector<double> w(n), v(n), scratch(n);
  Iterate(c.a.data(), n, w.data(), scratch.data());
  for (int r = 0; r < n; ++r) {
    for (int s = 0; s < n; ++s) transposed[r * n + s] = c.a[s * n + r];
  }
  Iterate(transposed.data(), n, v.data(), scratch.data());
  double vw = 0;
  for (int k = 0; k < n; ++k) vw += v[k] * w[k];
  return (v[i] * w[j] * c.a[i * n + j] - v[j] * w[i] * c.a[j * n + i]) / vw;
}

// Minimises lambda_max over one missing entry's logarithm, starting at `x`.
// lambda_max is convex in the logarithms (Bozóki, Fülöp and Rónyai 2010,
// from Kingman 1961), so its slope rises with x: bracket the point where the
// slope changes sign, then close in on it by bisection.
double MinimiseCoordinate(Completion& c, int i, int j, double x, std::vector<double>& transposed) {
  auto slope_at = [&](double t) {
    SetEntry(c, i, j, t);
    return Slope(c, i, j, transposed);
  };
  double d0 = slope_at(x);
  if (d0 == 0) return x;
  const double direction = d0 > 0 ? -1 : 1;
  double lo = x;
  double step = 0.5;
  double hi = x + direction * step;
  double d1 = slope_at(hi);
  // The optimum lies within ln(9^(n-1)) of 0: the product of the judgements
  // along any path is at most that far; stop widening there.
  const double limit = (c.n - 1) * std::log(9.0) + 1;
  while ((d1 > 0) == (d0 > 0) && d1 != 0 && std::abs(hi) < limit) {
    lo = hi;
    d0 = d1;
    step *= 2;
    hi = lo + direction * step;
    d1 = slope_at(hi);
  }
  if (d1 == 0) return hi;
  if ((d1 > 0) == (d0 > 0)) return hi;  // no sign change within the limit
  if (lo > hi) std::swap(lo, hi);       // now slope(lo) < 0 < slope(hi)
  for (int k = 0; k < 200 && hi - lo > 1e-13; ++k) {
    const double mid = 0.5 * (lo + hi);
    const double d = slope_at(mid);
    if (d == 0) return mid;
    (d < 0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// True when the pairs, leaving out entry `skip` (-1: none), link all n.
bool Connected(int n, std::span<const PairEntry> entries, int skip) {
  std::vector<int> parent(n);
  for (int k = 0; k < n; ++k) parent[k] = k;
  auto find = [&](int k) {
    while (parent[k] != k) k = parent[k] = parent[parent[k]];
    return k;
  };
  int groups = n;
  for (int k = 0; k < static_cast<int>(entries.size()); ++k) {
    if (k == skip) continue;
    const int a = find(entries[k].i);
    const int b = find(entries[k].j);
    if (a != b) {
      parent[a] = b;
      --groups;
    }
  }
  return groups <= 1;
}

// The next value of the 1-9 scale from `given` towards `towards`.
double NextScaleValue(double given, double towards) {
  static const std::array<double, 17> kScale = {1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4,
                                                1.0 / 3, 1.0 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  auto it = std::min_element(kScale.begin(), kScale.end(), [&](double x, double y) {
    return std::abs(std::log(x / given)) < std::abs(std::log(y / given));
  });
  if (towards > given && it + 1 != kScale.end()) return *(it + 1);
  if (towards < given && it != kScale.begin()) return *(it - 1);
  return *it;
}

FurthestPair FindFurthest(int n, std::span<const PairEntry> entries,
                          const std::vector<double>& weights) {
  FurthestPair out;
  int worst = -1;
  for (int k = 0; k < static_cast<int>(entries.size()); ++k) {
    const PairEntry& e = entries[k];
    const double deviation =
        std::abs(std::log(e.value) - std::log(weights[e.i] / weights[e.j]));
    // Deviations equal but for rounding are a tie: the first given wins, so
    // the answer does not hang on the last bit of the eigenvector.
    if (worst < 0 || deviation > out.deviation + 1e-9) {
      worst = k;
      out.deviation = deviation;
    }
  }
  const PairEntry& e = entries[worst];
  const bool flip = e.value < 1;
  out.i = flip ? e.j : e.i;
  out.j = flip ? e.i : e.j;
  out.given = flip ? 1 / e.value : e.value;
  // "Your other answers suggest": the weights without this comparison. If
  // it is the only link to some criterion, the others say nothing about it,
  // and the full weights stand in.
  std::vector<double> others = weights;
  if (Connected(n, entries, worst)) {
    std::vector<PairEntry> rest;
    for (int k = 0; k < static_cast<int>(entries.size()); ++k) {
      if (k != worst) rest.push_back(entries[k]);
    }
    others = LogLeastSquaresWeights(n, rest);
  }
  out.implied = others[out.i] / others[out.j];
  out.suggested = RoundToScale(out.implied);
  if (std::abs(out.suggested - out.given) < 1e-12) {
    out.suggested = NextScaleValue(out.given, out.implied);
  }
  return out;
}

// Solves the symmetric positive definite system m x = b (order k) in place
// by Cholesky factorisation.
void SolveSpd(std::vector<double>& m, std::vector<double>& b, int k) {
  for (int c = 0; c < k; ++c) {
    double d = m[c * k + c];
    for (int p = 0; p < c; ++p) d -= m[c * k + p] * m[c * k + p];
    assert(d > 0 && "the comparison graph is connected, so the system is positive definite");
    d = std::sqrt(d);
    m[c * k + c] = d;
    for (int r = c + 1; r < k; ++r) {
      double s = m[r * k + c];
      for (int p = 0; p < c; ++p) s -= m[r * k + p] * m[c * k + p];
      m[r * k + c] = s / d;
    }
  }
  for (int r = 0; r < k; ++r) {  // L y = b
    double s = b[r];
    for (int p = 0; p < r; ++p) s -= m[r * k + p] * b[p];
    b[r] = s / m[r * k + r];
  }
  for (int r = k - 1; r >= 0; --r) {  // L^T x = y
    double s = b[r];
    for (int p = r + 1; p < k; ++p) s -= m[p * k + r] * b[p];
    b[r] = s / m[r * k + r];
  }
}

}  // namespace

double RandomIndex(int n) {
  // Saaty (1980), The Analytic Hierarchy Process, table of random indices;
  // held at n = 10's value above 10 (docs/methods.md says why).
  static const std::array<double, 11> kIndex = {0, 0, 0, 0.58, 0.90, 1.12,
                                                1.24, 1.32, 1.41, 1.45, 1.49};
  if (n < 0) return 0;
  return n <= 10 ? kIndex[n] : kIndex[10];
}

double ConsistencyThreshold(int n) {
  // Saaty (1994), "How to make a decision: the analytic hierarchy process",
  // Interfaces 24(6): 5% for 3 x 3, 8% for 4 x 4 and 10% for larger matrices.
  if (n <= 2) return 0;
  if (n == 3) return 0.05;
  if (n == 4) return 0.08;
  return 0.10;
}

double PrincipalEigen(const double* a, int n, double* w) {
  if (n <= kStackOrder) {
    std::array<double, kStackOrder> scratch;
    return Iterate(a, n, w, scratch.data());
  }
  std::vector<double> scratch(n);
  return Iterate(a, n, w, scratch.data());
}

namespace {

// Eight matrices at a time, one in each lane: eight doubles fill an AVX-512
// register (two AVX2 or four SSE2 registers; the compiler splits the type as
// the processor allows). GCC's vector extension keeps this portable C++.
constexpr int kLanes = 8;
typedef double Lanes __attribute__((vector_size(kLanes * sizeof(double))));

// sum = a * b + sum lane by lane, each rounded once: Iterate()'s std::fma.
// In the clones for processors with FMA (x86-64-v3 and v4) GCC makes this
// one vfmadd instruction; in the default clone, eight calls of the C
// library's fma(). Always inlined, vectors by reference: a vector passed or
// returned by value across a call would change the calling convention with
// the clone.
__attribute__((always_inline)) inline void AddProduct(Lanes& sum, const Lanes& a, const Lanes& b) {
  for (int l = 0; l < kLanes; ++l) sum[l] = __builtin_fma(a[l], b[l], sum[l]);
}

// One block of up to kLanes matrices, for orders above 10 (EigenStream below
// takes the rest). The arithmetic is Iterate()'s, lane by lane, in the same
// order, with a fused multiply-add where Iterate() has std::fma and nowhere
// else (the engine is compiled with -ffp-contract=off, so the compiler fuses
// nothing of its own), so every lane rounds exactly as the scalar code.
// Lanes past `used` repeat the block's first matrix and are not written.
// `m`, `w` and `y` are scratch: n * n, n and n vectors of lanes.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void EigenBlock(
    const double* a, int n, int used, double* w_out, double* lambda_out, Lanes* m, Lanes* w,
    Lanes* y) {
  const std::size_t nn = static_cast<std::size_t>(n) * n;
  for (std::size_t i = 0; i < nn; ++i) {
    for (int l = 0; l < kLanes; ++l) m[i][l] = a[static_cast<std::size_t>(l < used ? l : 0) * nn + i];
  }
  const Lanes start = Lanes{} + 1.0 / n;
  for (int i = 0; i < n; ++i) w[i] = start;
  unsigned active = used >= kLanes ? 0xFFu : (1u << used) - 1;
  Lanes sum = Lanes{};
  for (int iteration = 0; iteration < kMaxIterations && active; ++iteration) {
    // Four rows' dot products at a time, in four registers: each y[i] still
    // adds its terms in the order j = 0..n-1, as Iterate() does, but four
    // sums run side by side instead of each waiting on the latency of the
    // previous addition.
    int r = 0;
    for (; r + 4 <= n; r += 4) {
      const Lanes* r0 = m + static_cast<std::size_t>(r) * n;
      const Lanes* r1 = r0 + n;
      const Lanes* r2 = r1 + n;
      const Lanes* r3 = r2 + n;
      Lanes d0{}, d1{}, d2{}, d3{};
      for (int j = 0; j < n; ++j) {
        const Lanes wj = w[j];
        AddProduct(d0, r0[j], wj);
        AddProduct(d1, r1[j], wj);
        AddProduct(d2, r2[j], wj);
        AddProduct(d3, r3[j], wj);
      }
      y[r] = d0;
      y[r + 1] = d1;
      y[r + 2] = d2;
      y[r + 3] = d3;
    }
    for (; r < n; ++r) {
      const Lanes* row = m + static_cast<std::size_t>(r) * n;
      Lanes dot{};
      for (int j = 0; j < n; ++j) AddProduct(dot, row[j], w[j]);
      y[r] = dot;
    }
    sum = Lanes{};
    for (int k = 0; k < n; ++k) sum += y[k];
    const Lanes scale = 1.0 / sum;
    Lanes change = Lanes{};
    for (int i = 0; i < n; ++i) {
      const Lanes next = y[i] * scale;
      const Lanes diff = next - w[i];
      const Lanes size = diff < 0 ? -diff : diff;
      change = change < size ? size : change;
      w[i] = next;
    }
    for (int l = 0; l < kLanes; ++l) {
      if (!(active >> l & 1u) || change[l] > kTolerance) continue;
      for (int i = 0; i < n; ++i) w_out[static_cast<std::size_t>(l) * n + i] = w[i][l];
      lambda_out[l] = sum[l];
      active &= ~(1u << l);
    }
  }
  // A lane that never converged keeps its last iterate, as Iterate() does.
  for (int l = 0; l < used; ++l) {
    if (!(active >> l & 1u)) continue;
    for (int i = 0; i < n; ++i) w_out[static_cast<std::size_t>(l) * n + i] = w[i][l];
    lambda_out[l] = sum[l];
  }
}

// Orders up to 10 (every real panel), streamed: each lane works on its own
// matrix and, the moment that matrix has converged, writes it out and takes
// the next one, so no lane idles while the slowest of a block of eight
// finishes (most converge in 13 to 17 steps, and a block waits for its
// slowest). Two streams of eight lanes take turns (see EigenStream). A
// lane's arithmetic is Iterate()'s, so every matrix still gets bit for bit
// what PrincipalEigen gives it, whichever lane and whichever neighbours it
// has. The order is a template argument so that the compiler unrolls the
// product and keeps w in registers; the matrices live in a local, suitably
// aligned array, so nothing is allocated.
//
// Each step does Iterate()'s operations, no more: these leave out only
// operations whose result is known exactly.
// * A comparison matrix's diagonal is 1, and fma(1, w_i, d) is d + w_i
//   rounded once, an addition, so the diagonal is neither put in the lanes
//   nor multiplied. A matrix whose diagonal is not all 1 goes to Iterate()
//   itself, on its own.
// * Iterate() starts each dot product and the sum of A w at 0; fma(a, w, 0)
//   is a * w rounded, and 0 + x is x for every x but -0; every product and
//   sum here is positive (the entries are, and so are the weights), so the
//   first term, a plain product (or w_0 on the diagonal), stands for it.
// * |next - w| by clearing the sign bit: one operation, not three.
// * The lanes that converged: one comparison folded to a bit mask by three
//   shuffles, not eight scalar tests; the step limit is kept with one count
//   for all lanes of both streams and the step at which each lane took its
//   matrix.
constexpr int kMaxStreamOrder = 10;
typedef long LaneMask __attribute__((vector_size(kLanes * sizeof(long))));
static_assert(kLanes == 8 && sizeof(long) == sizeof(double), "start and LaneBits assume 8 x 64 bits");

constexpr std::uint64_t kOneBits = 0x3ff0000000000000;  // 1.0

// Bit l set when lane l of `yes` is true (all ones). By reference: a vector
// passed by value would change the calling convention with the processor.
inline unsigned LaneBits(const LaneMask& yes) {
  LaneMask bits = yes & LaneMask{1, 2, 4, 8, 16, 32, 64, 128};
  bits |= __builtin_shuffle(bits, LaneMask{4, 5, 6, 7, 0, 1, 2, 3});
  bits |= __builtin_shuffle(bits, LaneMask{2, 3, 0, 1, 6, 7, 4, 5});
  bits |= __builtin_shuffle(bits, LaneMask{1, 0, 3, 2, 5, 4, 7, 6});
  return static_cast<unsigned>(bits[0]);
}

// One stream's state: a matrix in each lane, its weights, and which matrix
// each lane holds.
template <int N>
struct Stream {
  Lanes m[N * N];  // the diagonal's cells are not used
  Lanes w[N];
  Lanes sum;  // the last step's sum of A w: lambda once converged
  std::size_t which[kLanes] = {};     // the matrix in each lane
  std::size_t taken_at[kLanes] = {};  // the step at which it came in
  unsigned active = 0;
};

// Iterate()'s step on every lane of `s`: each row's dot product in the order
// j = 0..N-1, the rows side by side; the sum of A w in the order 0..N-1.
// Returns the active lanes whose weights moved by at most kTolerance.
template <int N>
__attribute__((always_inline)) inline unsigned Step(Stream<N>& s, const LaneMask& magnitude) {
  Lanes y[N];
#pragma GCC unroll 16
  for (int r = 0; r < N; ++r) {
    Lanes dot = r == 0 ? s.w[0] : s.m[r * N] * s.w[0];
#pragma GCC unroll 16
    for (int j = 1; j < N; ++j) {
      if (j == r) {
        dot += s.w[j];
      } else {
        AddProduct(dot, s.m[r * N + j], s.w[j]);
      }
    }
    y[r] = dot;
  }
  Lanes sum = y[0];
#pragma GCC unroll 16
  for (int k = 1; k < N; ++k) sum += y[k];
  s.sum = sum;
  const Lanes scale = 1.0 / sum;
  Lanes size[N];
#pragma GCC unroll 16
  for (int i = 0; i < N; ++i) {
    const Lanes next = y[i] * scale;
    // The builtin, not std::bit_cast: no call that passes a vector by value.
    size[i] = __builtin_bit_cast(Lanes, __builtin_bit_cast(LaneMask, next - s.w[i]) & magnitude);
    s.w[i] = next;
  }
  // The largest change, pairwise: a maximum is exact, so the order of
  // comparing cannot change it.
#pragma GCC unroll 16
  for (int k = 1; k < N; k *= 2) {
#pragma GCC unroll 16
    for (int i = 0; i + k < N; i += 2 * k) size[i] = size[i] < size[i + k] ? size[i + k] : size[i];
  }
  return LaneBits(size[0] <= kTolerance) & s.active;
}

// Two streams of eight lanes, stepped one after the other: a step ends in a
// chain that no other work of its own can overlap (the sum of A w, one
// division, then the products that the next step's every product waits
// for), and the other stream's products fill that wait. On the bench's
// 100,000 matrices this is about a tenth faster than one stream; three
// streams were no faster (bench/README.md, "The panel's kernel").
template <int N>
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void EigenStream(
    const double* a, std::size_t count, double* w_out, double* lambda_out) {
  constexpr int kCells = N * N;
  constexpr int kStreams = 2;
  Stream<N> streams[kStreams];
  std::size_t step = 0;
  // No lane reaches kMaxIterations steps before this step.
  std::size_t deadline = kMaxIterations;
  LaneMask lane_index;
  for (int l = 0; l < kLanes; ++l) lane_index[l] = l;
  const double equal = 1.0 / N;
  const Lanes start = {equal, equal, equal, equal, equal, equal, equal, equal};
  const LaneMask magnitude = LaneMask{} + 0x7fffffffffffffffL;  // all bits but the sign
  // Lanes left without a matrix at the end work on whatever they hold;
  // never written.
  for (Stream<N>& s : streams) {
    for (int i = 0; i < kCells; ++i) s.m[i] = start;
    for (int i = 0; i < N; ++i) s.w[i] = start;
  }
  std::size_t next = 0;
  double scratch[N];
  // Puts the next matrix in lane l of `s`, a scalar store per entry: half
  // the operations of a masked broadcast into a vector that lives in memory,
  // and faster here even though the next step's vector loads of those cells
  // wait for the stores.
  auto take = [&](Stream<N>& s, int l) {
    for (; next < count; ++next) {
      const double* src = a + next * kCells;
      // The diagonal's bits against 1.0's (a double has one 1): integer
      // operations, no comparison flags to combine.
      std::uint64_t off = 0;
      for (int i = 0; i < N; ++i) off |= std::bit_cast<std::uint64_t>(src[i * (N + 1)]) ^ kOneBits;
      if (off == 0) break;
      lambda_out[next] = Iterate(src, N, w_out + next * N, scratch);
    }
    if (next == count) {
      s.active &= ~(1u << l);
      return;
    }
    const double* src = a + next * kCells;
    const LaneMask here = lane_index == l;
#pragma GCC unroll 128
    for (int i = 0; i < kCells; ++i) {
      if (i % (N + 1) != 0) s.m[i][l] = src[i];
    }
#pragma GCC unroll 16
    for (int i = 0; i < N; ++i) s.w[i] = here ? start : s.w[i];
    s.which[l] = next++;
    s.taken_at[l] = step;
    s.active |= 1u << l;
  };
  // Writes out the converged lanes `done` of `s` and refills them.
  auto finish = [&](Stream<N>& s, unsigned done) {
    while (done) {
      const int l = __builtin_ctz(done);
      done &= done - 1;
      double* out = w_out + s.which[l] * N;
      for (int i = 0; i < N; ++i) out[i] = s.w[i][l];
      lambda_out[s.which[l]] = s.sum[l];
      take(s, l);
    }
  };
  for (Stream<N>& s : streams) {
    for (int l = 0; l < kLanes; ++l) take(s, l);
  }
  while (streams[0].active | streams[1].active) {
    unsigned done[kStreams] = {Step(streams[0], magnitude), Step(streams[1], magnitude)};
    ++step;
    const bool at_limit = step >= deadline;
    if (at_limit) {
      for (int k = 0; k < kStreams; ++k) {
        for (int l = 0; l < kLanes; ++l) {
          const Stream<N>& s = streams[k];
          if ((s.active >> l & 1u) && step - s.taken_at[l] >= kMaxIterations) done[k] |= 1u << l;
        }
      }
    }
    for (int k = 0; k < kStreams; ++k) finish(streams[k], done[k]);
    if (at_limit) {
      deadline = static_cast<std::size_t>(-1);
      for (const Stream<N>& s : streams) {
        for (int l = 0; l < kLanes; ++l) {
          if (s.active >> l & 1u) deadline = std::min(deadline, s.taken_at[l] + kMaxIterations);
        }
      }
    }
  }
}

template <int N>
bool StreamIfOrder(int n, const double* a, std::size_t count, double* w, double* lambda) {
  if constexpr (N > 0) {
    if (n == N) {
      EigenStream<N>(a, count, w, lambda);
      return true;
    }
    return StreamIfOrder<N - 1>(n, a, count, w, lambda);
  }
  return false;
}

}  // namespace

void PrincipalEigenBatch(const double* a, int n, std::size_t count, double* w, double* lambda) {
  if (count == 0) return;
  if (StreamIfOrder<kMaxStreamOrder>(n, a, count, w, lambda)) return;
  const std::size_t nn = static_cast<std::size_t>(n) * n;
  // One 64-byte aligned buffer for the scratch: std::vector<Lanes> would not
  // keep the vector type's alignment (GCC drops it on template arguments), and
  // the AVX-512 clone's aligned loads would fault.
  struct AlignedDelete {
    void operator()(Lanes* p) const { ::operator delete(p, std::align_val_t{64}); }
  };
  const std::size_t cells = nn + 2 * static_cast<std::size_t>(n);
  std::unique_ptr<Lanes, AlignedDelete> scratch(
      static_cast<Lanes*>(::operator new(sizeof(Lanes) * cells, std::align_val_t{64})));
  Lanes* m = scratch.get();
  for (std::size_t k = 0; k < count; k += kLanes) {
    const int used = static_cast<int>(std::min<std::size_t>(kLanes, count - k));
    EigenBlock(a + k * nn, n, used, w + k * n, lambda + k, m, m + nn, m + nn + n);
  }
}

std::vector<double> LogLeastSquaresWeights(int n, std::span<const PairEntry> entries) {
  if (n == 1) return {1.0};
  // The normal equations are L y = r with L the Laplacian of the comparison
  // graph and r_i the sum of ln a_ij over i's comparisons (ln a_ji = -ln a_ij).
  // y is fixed only up to a constant, so y_0 = 0 and the rest solve the
  // reduced system, positive definite when the graph is connected.
  std::vector<double> laplacian(static_cast<std::size_t>(n) * n, 0.0);
  std::vector<double> r(n, 0.0);
  for (const PairEntry& e : entries) {
    const double l = std::log(e.value);
    laplacian[e.i * n + e.i] += 1;
    laplacian[e.j * n + e.j] += 1;
    laplacian[e.i * n + e.j] -= 1;
    laplacian[e.j * n + e.i] -= 1;
    r[e.i] += l;
    r[e.j] -= l;
  }
  const int k = n - 1;
  std::vector<double> m(static_cast<std::size_t>(k) * k);
  std::vector<double> b(k);
  for (int row = 0; row < k; ++row) {
    b[row] = r[row + 1];
    for (int col = 0; col < k; ++col) m[row * k + col] = laplacian[(row + 1) * n + col + 1];
  }
  SolveSpd(m, b, k);
  std::vector<double> y(n, 0.0);
  for (int i = 1; i < n; ++i) y[i] = b[i - 1];
  const double top = *std::max_element(y.begin(), y.end());
  std::vector<double> w(n);
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += (w[i] = std::exp(y[i] - top));
  for (double& x : w) x /= sum;
  return w;
}

std::vector<double> OptimalCompletion(int n, std::span<const PairEntry> entries) {
  Completion c = StartCompletion(n, entries);
  if (c.missing.empty()) return c.a;
  // Start from the ratios of the logarithmic least squares weights, which
  // are close to the optimum when few entries are missing.
  const std::vector<double> start = LogLeastSquaresWeights(n, entries);
  std::vector<double> x;
  for (const auto& [i, j] : c.missing) {
    x.push_back(std::log(start[i] / start[j]));
    SetEntry(c, i, j, x.back());
  }
  std::vector<double> transposed(c.a.size());
  for (int sweep = 0; sweep < 10000; ++sweep) {
    double moved = 0;
    for (std::size_t k = 0; k < c.missing.size(); ++k) {
      const auto [i, j] = c.missing[k];
      const double next = MinimiseCoordinate(c, i, j, x[k], transposed);
      SetEntry(c, i, j, next);
      moved = std::max(moved, std::abs(next - x[k]));
      x[k] = next;
    }
    if (moved < 1e-10) break;
  }
  return c.a;
}

PairwiseResult AnalysePairwise(int n, std::span<const PairEntry> entries) {
  PairwiseResult out;
  out.comparisons = static_cast<int>(entries.size());
  out.complete = out.comparisons == n * (n - 1) / 2;
  if (n <= 2) {
    // One comparison, or none for an only child: always consistent.
    out.weights = n == 2 ? LogLeastSquaresWeights(n, entries) : std::vector<double>(n, 1.0);
    out.lambda_max = n;
    out.consistency_ratio = 0.0;
    return out;
  }
  std::vector<double> matrix;
  if (out.complete) {
    matrix = StartCompletion(n, entries).a;
    out.weights.resize(n);
    out.lambda_max = PrincipalEigen(matrix.data(), n, out.weights.data());
  } else {
    out.weights = LogLeastSquaresWeights(n, entries);
    if (out.comparisons == n - 1) {
      // A spanning tree: its completion is consistent, lambda max = n, and
      // nothing can be checked.
      out.lambda_max = n;
      return out;
    }
    matrix = OptimalCompletion(n, entries);
    std::vector<double> w(n);
    out.lambda_max = PrincipalEigen(matrix.data(), n, w.data());
  }
  // Rounding can leave lambda a hair below n for a consistent matrix.
  const double index = std::max(0.0, (out.lambda_max - n) / (n - 1));
  out.consistency_ratio = index / RandomIndex(n);
  out.furthest = FindFurthest(n, entries, out.weights);
  return out;
}

double RoundToScale(double ratio) {
  if (ratio >= 1) return std::clamp(std::round(ratio), 1.0, 9.0);
  return 1 / std::clamp(std::round(1 / ratio), 1.0, 9.0);
}

}  // namespace weighbridge
