// The SMAA-2 draws. The hot loops run lane by lane over kSmaaLanes draws at
// once (structure of arrays), so the compiler can vectorise them without
// changing a single rounding: every lane does exactly the scalar arithmetic,
// in the same order. This file is compiled with optimisation even in debug
// builds (engine/CMakeLists.txt), and x86-64 builds also get AVX2 and
// AVX-512 versions of the loops, chosen at run time.
#include "engine/sensitivity/smaa.h"

#include <algorithm>
#include <atomic>
#include <new>
#include <bit>
#include <cmath>
#include <thread>

#include "engine/sensitivity/random.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define WEIGHBRIDGE_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WEIGHBRIDGE_CLONES
#endif

namespace weighbridge {

std::uint64_t LaneStream::Next() {
  const std::uint64_t out = std::rotl(*s1_ * 5, 7) * 9;
  const std::uint64_t t = *s1_ << 17;
  *s2_ ^= *s0_;
  *s3_ ^= *s1_;
  *s1_ ^= *s2_;
  *s0_ ^= *s3_;
  *s2_ ^= t;
  *s3_ = std::rotl(*s3_, 45);
  return out;
}

namespace {

constexpr int L = kSmaaLanes;
static_assert(L == 8, "the vector types below hold eight lanes");

// Eight lanes side by side (GCC and Clang vector extensions): element-wise
// IEEE arithmetic, so each lane computes exactly what scalar code would, and
// each target clone maps them onto its widest registers.
using U64x8 = std::uint64_t __attribute__((vector_size(64)));
using I64x8 = std::int64_t __attribute__((vector_size(64)));
using F64x8 = double __attribute__((vector_size(64)));

// Helpers taking or giving vectors are always inlined: a call between code
// built for different vector widths would not agree on where they travel.
#define WEIGHBRIDGE_INLINE [[gnu::always_inline]] inline

// A fixed array of vectors, 64-byte aligned whatever the build's default
// vector alignment (std::vector would drop the alignment of these types).
template <typename T>
class AlignedArray {
 public:
  explicit AlignedArray(std::size_t n)
      : n_(n), data_(static_cast<T*>(::operator new(sizeof(T) * std::max<std::size_t>(n, 1),
                                                     std::align_val_t{64}))) {
    for (std::size_t k = 0; k < n_; ++k) data_[k] = T{};
  }
  AlignedArray(const AlignedArray& other) : AlignedArray(other.n_) {
    for (std::size_t k = 0; k < n_; ++k) data_[k] = other.data_[k];
  }
  AlignedArray& operator=(const AlignedArray&) = delete;
  ~AlignedArray() { ::operator delete(data_, std::align_val_t{64}); }
  T& operator[](std::size_t k) { return data_[k]; }
  const T& operator[](std::size_t k) const { return data_[k]; }
  T* data() { return data_; }
  const T* data() const { return data_; }

 private:
  std::size_t n_;
  T* data_;
};

WEIGHBRIDGE_INLINE U64x8 Rotl(U64x8 x, int k) { return (x << k) | (x >> (64 - k)); }

// Eight xoshiro256** states side by side.
struct alignas(64) Lanes {
  U64x8 s0;
  U64x8 s1;
  U64x8 s2;
  U64x8 s3;
  std::uint64_t* Word(U64x8& v, int j) { return reinterpret_cast<std::uint64_t*>(&v) + j; }
  LaneStream Stream(int j) { return LaneStream(Word(s0, j), Word(s1, j), Word(s2, j), Word(s3, j)); }
};

// One step of every lane: the same steps as Xoshiro256::Next().
WEIGHBRIDGE_INLINE U64x8 NextBlock(Lanes& st) {
  const U64x8 out = Rotl(st.s1 * 5, 7) * 9;
  const U64x8 t = st.s1 << 17;
  st.s2 ^= st.s0;
  st.s3 ^= st.s1;
  st.s1 ^= st.s2;
  st.s0 ^= st.s3;
  st.s2 ^= t;
  st.s3 = Rotl(st.s3, 45);
  return out;
}

// Uniform32 of the upper and of the lower 32 bits of every lane.
WEIGHBRIDGE_INLINE F64x8 UpperUniform(U64x8 x) {
  return std::bit_cast<F64x8>(0x3FF0000000000000ULL | ((x >> 32) << 20)) - 1.0;
}
WEIGHBRIDGE_INLINE F64x8 LowerUniform(U64x8 x) {
  return std::bit_cast<F64x8>(0x3FF0000000000000ULL | ((x & 0xFFFFFFFFULL) << 20)) - 1.0;
}

// -LogUnit(UniformPositive(x)) in every lane, step for step as the scalar
// functions in random.h.
WEIGHBRIDGE_INLINE F64x8 Exponential(U64x8 x) {
  const F64x8 u = 2.0 - std::bit_cast<F64x8>(0x3FF0000000000000ULL | (x >> 12));
  U64x8 bits = std::bit_cast<U64x8>(u);
  I64x8 e = std::bit_cast<I64x8>(bits >> 52) - 1023;
  bits = (bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL;
  F64x8 m = std::bit_cast<F64x8>(bits);
  const I64x8 big = m > 1.4142135623730951;  // -1 where true
  m = big ? m * 0.5 : m;
  e -= big;
  const F64x8 s = (m - 1.0) / (m + 1.0);
  const F64x8 z = s * s;
  F64x8 q = z * (1.0 / 21) + 1.0 / 19;
  q = q * z + 1.0 / 17;
  q = q * z + 1.0 / 15;
  q = q * z + 1.0 / 13;
  q = q * z + 1.0 / 11;
  q = q * z + 1.0 / 9;
  q = q * z + 1.0 / 7;
  q = q * z + 1.0 / 5;
  q = q * z + 1.0 / 3;
  q = q * z + 1.0;
  const F64x8 ln_m = 2.0 * s * q;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  const F64x8 de = __builtin_convertvector(e, F64x8);
  return -(de * kLn2Hi + (de * kLn2Lo + ln_m));
}

// The lane states of every chunk: stream 8c + j is the seed's stream jumped
// that many times (after skipping skip_chunks chunks' worth).
std::vector<Lanes> ChunkStreams(std::uint64_t seed, int chunks, int skip_chunks) {
  Xoshiro256 base(seed);
  for (int k = 0; k < skip_chunks * L; ++k) base.Jump();
  std::vector<Lanes> out(chunks);
  for (Lanes& lanes : out) {
    for (int j = 0; j < L; ++j) {
      const auto& s = base.state();
      *lanes.Word(lanes.s0, j) = s[0];
      *lanes.Word(lanes.s1, j) = s[1];
      *lanes.Word(lanes.s2, j) = s[2];
      *lanes.Word(lanes.s3, j) = s[3];
      base.Jump();
    }
  }
  return out;
}

// Runs f(chunk, worker) for every chunk on `threads` threads; each worker is
// made once per thread by make_worker().
template <typename MakeWorker, typename F>
void ForEachChunk(int chunks, int threads, MakeWorker make_worker, F f) {
  std::atomic<int> next{0};
  auto work = [&] {
    auto worker = make_worker();
    for (int c = next++; c < chunks; c = next++) f(c, worker);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && t < chunks; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

// Per-thread scratch and the arithmetic of one batch of draws.
class Batch {
 public:
  explicit Batch(const SmaaProblem& p)
      : p_(p), n_(p.candidates), m_(p.leaves), g_(m_), s_(m_), t_(n_), rank_(n_),
        uncertain_(n_), fixed_(n_), factor_(m_), lane_g_(m_) {
    std::vector<bool> free(m_, false);
    for (int l : p.free) free[l] = true;
    for (int l = 0; l < m_; ++l) {
      if (!free[l]) not_free_.push_back(l);
    }
    for (int i = 0; i < n_; ++i) {
      for (int l = 0; l < m_; ++l) {
        (p.span[i * m_ + l] > 0 ? uncertain_[i] : fixed_[i]).push_back(l);
      }
    }
  }

  // [l * L + j]: the leaf weights of each lane's draw.
  const double* weights() const { return reinterpret_cast<const double*>(g_.data()); }
  // [i * L + j]: the totals.
  const F64x8* totals() const { return t_.data(); }
  // [i * L + j]: 0 for first.
  const std::int64_t* ranks() const { return reinterpret_cast<const std::int64_t*>(rank_.data()); }

  void DrawWeights(Lanes& st) {
    switch (p_.mode) {
      case SmaaWeights::kUniform:
        UniformWeights(st);
        break;
      case SmaaWeights::kBounds:
        for (int j = 0; j < L; ++j) BoundedWeights(st.Stream(j), j);
        break;
      case SmaaWeights::kPanel:
        for (int j = 0; j < L; ++j) {
          LaneStream stream = st.Stream(j);
          p_.sampler(stream, lane_g_.data());
          for (int l = 0; l < m_; ++l) Lane(g_[l], j) = lane_g_[l];
        }
        break;
    }
  }

  // Every candidate's total under the weights drawn, its uncertain scores
  // drawn from `st`.
  void Totals(Lanes& st) {
    for (int i = 0; i < n_; ++i) {
      if (p_.caps[i].empty()) {
        PlainTotal(st, i);
      } else {
        FillScores(st, i);
        for (int j = 0; j < L; ++j) {
          Lane(t_[i], j) = CappedTotal(i, weights() + j, L, j);
        }
      }
    }
  }

  // Totals of every candidate under each of the fixed `weights` (one per
  // leaf), scores drawn from `st`: out[k][i].
  void TotalsUnder(Lanes& st, const std::vector<std::vector<double>>& weights,
                   std::vector<AlignedArray<F64x8>>& out) {
    for (int i = 0; i < n_; ++i) {
      FillScores(st, i);
      if (p_.caps[i].empty()) {
        FixedWeightTotals(weights, i, out);
        continue;
      }
      for (std::size_t k = 0; k < weights.size(); ++k) {
        for (int j = 0; j < L; ++j) Lane(out[k][i], j) = CappedTotal(i, weights[k].data(), 1, j);
      }
    }
  }

  // In each lane, 1 when nobody is more than the tolerance above candidate
  // k in `t`, else 0.
  WEIGHBRIDGE_CLONES void FirstMask(const F64x8* t, int k, std::int64_t* first) {
    const F64x8 bar = t[k] + p_.tie_tolerance;
    I64x8 above = {};
    for (int i = 0; i < n_; ++i) above |= t[i] > bar;
    const I64x8 ones = 1 + above;  // -1 where someone is above, so 0
    for (int j = 0; j < L; ++j) first[j] = ones[j];
  }

  // rank_[i]: in each lane, how many are more than the tolerance above i
  // (0 for first; tied candidates share a rank).
  WEIGHBRIDGE_CLONES void Rank(const F64x8* t) {
    const double tol = p_.tie_tolerance;
    for (int i = 0; i < n_; ++i) {
      const F64x8 bar = t[i] + tol;
      I64x8 r = {};
      for (int k = 0; k < n_; ++k) r -= t[k] > bar;  // -1 where true
      rank_[i] = r;
    }
  }

 private:
  static double& Lane(F64x8& v, int j) { return reinterpret_cast<double*>(&v)[j]; }

  WEIGHBRIDGE_CLONES void UniformWeights(Lanes& st) {
    F64x8 sum = {};
    for (int l : p_.free) {
      g_[l] = Exponential(NextBlock(st));
      sum += g_[l];
    }
    const F64x8 scale = p_.free_mass / sum;
    for (int l : p_.free) g_[l] *= scale;
    for (int l : not_free_) g_[l] = F64x8{} + p_.fixed[l];
  }

  void BoundedWeights(LaneStream stream, int j) {
    double room = p_.free_mass;
    for (int l : p_.free) room -= p_.low[l];
    for (;;) {
      double sum = 0;
      for (int l : p_.free) {
        lane_g_[l] = -LogUnit(UniformPositive(stream.Next()));
        sum += lane_g_[l];
      }
      bool fits = true;
      for (int l : p_.free) {
        lane_g_[l] = p_.low[l] + lane_g_[l] * (room / sum);
        fits = fits && lane_g_[l] <= p_.high[l];
      }
      if (fits) break;
    }
    for (int l : p_.free) Lane(g_[l], j) = lane_g_[l];
    for (int l : not_free_) Lane(g_[l], j) = p_.fixed[l];
  }

  // Sum of g x score over the leaves: the fixed scores in leaf order, then
  // the uncertain ones in leaf order, each drawn as lo + span x u.
  WEIGHBRIDGE_CLONES void PlainTotal(Lanes& st, int i) {
    const double* lo = p_.lo.data() + i * m_;
    const double* span = p_.span.data() + i * m_;
    F64x8 acc = {};
    for (int l : fixed_[i]) acc += g_[l] * lo[l];
    const std::vector<int>& u = uncertain_[i];
    for (std::size_t q = 0; q < u.size(); q += 2) {
      const U64x8 x = NextBlock(st);
      const int a = u[q];
      acc += g_[a] * (lo[a] + span[a] * UpperUniform(x));
      if (q + 1 < u.size()) {
        const int b = u[q + 1];
        acc += g_[b] * (lo[b] + span[b] * LowerUniform(x));
      }
    }
    t_[i] = acc;
  }

  // s_[l]: candidate i's scores, its uncertain ones drawn exactly as
  // PlainTotal draws them.
  WEIGHBRIDGE_CLONES void FillScores(Lanes& st, int i) {
    const double* lo = p_.lo.data() + i * m_;
    const double* span = p_.span.data() + i * m_;
    for (int l : fixed_[i]) s_[l] = F64x8{} + lo[l];
    const std::vector<int>& u = uncertain_[i];
    for (std::size_t q = 0; q < u.size(); q += 2) {
      const U64x8 x = NextBlock(st);
      const int a = u[q];
      s_[a] = lo[a] + span[a] * UpperUniform(x);
      if (q + 1 < u.size()) {
        const int b = u[q + 1];
        s_[b] = lo[b] + span[b] * LowerUniform(x);
      }
    }
  }

  // out[k][i] = the sum over leaves, in leaf order, of weights[k] x s_, for
  // every k; eight weight vectors at a time, so that eight sums run side by
  // side and the adds are not held up waiting for one another.
  WEIGHBRIDGE_CLONES void FixedWeightTotals(const std::vector<std::vector<double>>& weights,
                                            int i, std::vector<AlignedArray<F64x8>>& out) {
    const std::size_t count = weights.size();
    std::size_t k = 0;
    for (; k + 8 <= count; k += 8) {
      const double* w[8];
      for (int r = 0; r < 8; ++r) w[r] = weights[k + r].data();
      F64x8 a0 = {}, a1 = {}, a2 = {}, a3 = {}, a4 = {}, a5 = {}, a6 = {}, a7 = {};
      for (int l = 0; l < m_; ++l) {
        const F64x8 s = s_[l];
        a0 += w[0][l] * s;
        a1 += w[1][l] * s;
        a2 += w[2][l] * s;
        a3 += w[3][l] * s;
        a4 += w[4][l] * s;
        a5 += w[5][l] * s;
        a6 += w[6][l] * s;
        a7 += w[7][l] * s;
      }
      out[k][i] = a0;
      out[k + 1][i] = a1;
      out[k + 2][i] = a2;
      out[k + 3][i] = a3;
      out[k + 4][i] = a4;
      out[k + 5][i] = a5;
      out[k + 6][i] = a6;
      out[k + 7][i] = a7;
    }
    for (; k + 2 <= count; k += 2) {
      const double* w0 = weights[k].data();
      const double* w1 = weights[k + 1].data();
      F64x8 a0 = {}, a1 = {};
      for (int l = 0; l < m_; ++l) {
        a0 += w0[l] * s_[l];
        a1 += w1[l] * s_[l];
      }
      out[k][i] = a0;
      out[k + 1][i] = a1;
    }
    for (; k < count; ++k) {
      const double* w = weights[k].data();
      F64x8 a = {};
      for (int l = 0; l < m_; ++l) a += w[l] * s_[l];
      out[k][i] = a;
    }
  }

  // Lane j's total of candidate i from s_, with weights g[l * stride], its
  // caps re-applied in order: a criterion cap scales the leaves under it so
  // that their weighted mean comes down to the cap; a total cap takes off
  // what is above it (engine/aggregate/capped_scores.h).
  double CappedTotal(int i, const double* g, int stride, int j) {
    const double* s = reinterpret_cast<const double*>(s_.data());
    for (int l = 0; l < m_; ++l) factor_[l] = 1.0;
    lines_.clear();
    auto total_now = [&] {
      double total = 0;
      for (int l = 0; l < m_; ++l) total += g[l * stride] * s[l * L + j] * factor_[l];
      for (double line : lines_) total += line;
      return total;
    };
    for (const SmaaCap& cap : p_.caps[i]) {
      if (cap.total) {
        const double before = total_now();
        if (before > cap.max) lines_.push_back(cap.max - before);
        continue;
      }
      double weight = 0;
      double sum = 0;
      for (int l : cap.leaves) {
        weight += g[l * stride];
        sum += g[l * stride] * s[l * L + j] * factor_[l];
      }
      if (weight <= 0) continue;  // weightless: the cap changes no total
      const double before = sum / weight;
      if (before > cap.max && before > 0) {
        for (int l : cap.leaves) factor_[l] *= cap.max / before;
      }
    }
    return total_now();
  }

  const SmaaProblem& p_;
  int n_;
  int m_;
  AlignedArray<F64x8> g_;     // [l]: leaf weights of each lane's draw
  AlignedArray<F64x8> s_;     // [l]: one candidate's scores
  AlignedArray<F64x8> t_;     // [i]: totals
  AlignedArray<I64x8> rank_;  // [i]
  std::vector<std::vector<int>> uncertain_;  // per candidate: leaves with a range
  std::vector<std::vector<int>> fixed_;      // per candidate: the others
  std::vector<int> not_free_;  // leaves whose weight is fixed
  std::vector<double> factor_;
  std::vector<double> lines_;
  std::vector<double> lane_g_;
};

struct MainChunk {
  std::vector<std::int64_t> counts;  // [i * n + rank]
  std::vector<double> wsum;          // [i * m + l], over draws where i is first
  std::vector<double> wsq;
};

double Se(double p, double draws) { return std::sqrt(p * (1 - p) / draws); }

void Confidence(const SmaaProblem& p, const SmaaRunOptions& options, int chunks_main,
                SmaaResult& out) {
  const int n = p.candidates;
  const int m = p.leaves;
  std::vector<int> who;  // candidates with central weights
  std::vector<std::vector<double>> weights;
  for (int i = 0; i < n; ++i) {
    if (out.central_weights[i]) {
      who.push_back(i);
      weights.push_back(*out.central_weights[i]);
    }
  }
  out.confidence.assign(n, std::nullopt);
  out.confidence_se.assign(n, std::nullopt);
  if (who.empty()) return;
  bool uncertain = false;
  for (double span : p.span) uncertain = uncertain || span > 0;
  const int samples = uncertain ? options.samples : 1;
  out.confidence_samples = samples;
  const int chunks = (samples + kSmaaChunk - 1) / kSmaaChunk;
  // Streams after the main pass's, so the two passes never share numbers.
  std::vector<Lanes> streams = ChunkStreams(options.seed, chunks, chunks_main);
  std::vector<std::vector<std::int64_t>> firsts(chunks);
  ForEachChunk(
      chunks, options.threads, [&] { return Batch(p); },
      [&](int c, Batch& batch) {
        Lanes st = streams[c];
        std::vector<AlignedArray<F64x8>> totals(who.size(), AlignedArray<F64x8>(n));
        std::vector<std::int64_t>& first = firsts[c];
        first.assign(who.size(), 0);
        for (int b = 0; b < kSmaaChunk / L; ++b) {
          const int d0 = c * kSmaaChunk + b * L;
          if (d0 >= samples) break;
          const int valid = std::min(L, samples - d0);
          batch.TotalsUnder(st, weights, totals);
          std::int64_t mask[L];
          for (std::size_t k = 0; k < who.size(); ++k) {
            batch.FirstMask(totals[k].data(), who[k], mask);
            for (int j = 0; j < valid; ++j) first[k] += mask[j];
          }
        }
      });
  for (std::size_t k = 0; k < who.size(); ++k) {
    std::int64_t count = 0;
    for (const auto& chunk : firsts) count += chunk[k];
    const double share = static_cast<double>(count) / samples;
    out.confidence[who[k]] = share;
    out.confidence_se[who[k]] = uncertain ? Se(share, samples) : 0.0;
  }
  (void)m;
}

}  // namespace

SmaaResult RunSmaa(const SmaaProblem& p, const SmaaRunOptions& options) {
  const int n = p.candidates;
  const int m = p.leaves;
  const int samples = options.samples;
  const int chunks = (samples + kSmaaChunk - 1) / kSmaaChunk;
  std::vector<Lanes> streams = ChunkStreams(options.seed, chunks, 0);
  std::vector<MainChunk> results(chunks);
  ForEachChunk(
      chunks, options.threads, [&] { return Batch(p); },
      [&](int c, Batch& batch) {
        Lanes st = streams[c];
        MainChunk& r = results[c];
        r.counts.assign(n * n, 0);
        r.wsum.assign(n * m, 0.0);
        r.wsq.assign(n * m, 0.0);
        for (int b = 0; b < kSmaaChunk / L; ++b) {
          const int d0 = c * kSmaaChunk + b * L;
          if (d0 >= samples) break;
          const int valid = std::min(L, samples - d0);
          batch.DrawWeights(st);
          batch.Totals(st);
          batch.Rank(batch.totals());
          const double* g = batch.weights();
          for (int j = 0; j < valid; ++j) {
            for (int i = 0; i < n; ++i) {
              const int rank = static_cast<int>(batch.ranks()[i * L + j]);
              ++r.counts[i * n + rank];
              if (rank != 0) continue;
              for (int l = 0; l < m; ++l) {
                const double w = g[l * L + j];
                r.wsum[i * m + l] += w;
                r.wsq[i * m + l] += w * w;
              }
            }
          }
        }
      });

  // Summed in chunk order: the same sums whatever thread ran which chunk.
  std::vector<std::int64_t> counts(n * n, 0);
  std::vector<double> wsum(n * m, 0.0);
  std::vector<double> wsq(n * m, 0.0);
  for (const MainChunk& r : results) {
    for (int k = 0; k < n * n; ++k) counts[k] += r.counts[k];
    for (int k = 0; k < n * m; ++k) {
      wsum[k] += r.wsum[k];
      wsq[k] += r.wsq[k];
    }
  }

  SmaaResult out;
  out.ran = true;
  out.samples = samples;
  out.seed = options.seed;
  out.generator = kGeneratorName;
  const double draws = samples;
  for (int i = 0; i < n; ++i) {
    std::vector<double> b(n);
    std::vector<double> se(n);
    for (int r = 0; r < n; ++r) {
      b[r] = static_cast<double>(counts[i * n + r]) / draws;
      se[r] = Se(b[r], draws);
    }
    out.acceptability.push_back(b);
    out.acceptability_se.push_back(se);
    const std::int64_t firsts = counts[i * n];
    if (firsts == 0) {
      out.central_weights.push_back(std::nullopt);
      out.central_weights_se.push_back(std::nullopt);
      continue;
    }
    std::vector<double> mean(m);
    std::vector<double> mean_se(m);
    const double k = static_cast<double>(firsts);
    for (int l = 0; l < m; ++l) {
      mean[l] = wsum[i * m + l] / k;
      const double var = k > 1 ? std::max(0.0, (wsq[i * m + l] - k * mean[l] * mean[l]) / (k - 1))
                               : 0.0;
      mean_se[l] = std::sqrt(var / k);
    }
    out.central_weights.push_back(mean);
    out.central_weights_se.push_back(firsts > 1 ? std::optional(mean_se) : std::nullopt);
  }
  if (options.confidence) Confidence(p, options, chunks, out);
  return out;
}

double BoundsAcceptance(const SmaaProblem& p, std::uint64_t seed) {
  Xoshiro256 rng(seed ^ 0xB0B0B0B0B0B0B0B0ULL);
  double room = p.free_mass;
  for (int l : p.free) room -= p.low[l];
  if (room < -1e-12) return 0;
  std::vector<double> e(p.leaves);
  constexpr int kProposals = 10000;
  int fits = 0;
  for (int k = 0; k < kProposals; ++k) {
    double sum = 0;
    for (int l : p.free) {
      e[l] = -LogUnit(UniformPositive(rng.Next()));
      sum += e[l];
    }
    bool ok = true;
    for (int l : p.free) ok = ok && p.low[l] + e[l] * (room / sum) <= p.high[l];
    fits += ok;
  }
  return static_cast<double>(fits) / kProposals;
}

}  // namespace weighbridge
