// The SMAA-2 draws. The hot loops run lane by lane over kSmaaLanes draws at
// once (structure of arrays), so the compiler can vectorise them without
// changing a single rounding: every lane does exactly the scalar arithmetic,
// in the same order. This file is compiled with optimisation even in debug
// builds (engine/CMakeLists.txt), and x86-64 builds also get AVX2 and
// AVX-512 versions of the loops, chosen at run time.
#include "engine/sensitivity/smaa.h"

#include <atomic>
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

// kSmaaLanes xoshiro256** states side by side.
struct alignas(64) Lanes {
  std::uint64_t s0[L];
  std::uint64_t s1[L];
  std::uint64_t s2[L];
  std::uint64_t s3[L];
  LaneStream Stream(int j) { return LaneStream(&s0[j], &s1[j], &s2[j], &s3[j]); }
};

// One step of every lane: the same steps as Xoshiro256::Next().
inline void NextBlock(Lanes& st, std::uint64_t* out) {
  for (int j = 0; j < L; ++j) {
    const std::uint64_t a = st.s1[j];
    out[j] = std::rotl(a * 5, 7) * 9;
    const std::uint64_t t = a << 17;
    st.s2[j] ^= st.s0[j];
    st.s3[j] ^= st.s1[j];
    st.s1[j] ^= st.s2[j];
    st.s0[j] ^= st.s3[j];
    st.s2[j] ^= t;
    st.s3[j] = std::rotl(st.s3[j], 45);
  }
}

// The lane states of every chunk: stream 8c + j is the seed's stream jumped
// that many times.
std::vector<Lanes> ChunkStreams(std::uint64_t seed, int chunks, int skip_chunks) {
  Xoshiro256 base(seed);
  for (int k = 0; k < skip_chunks * L; ++k) base.Jump();
  std::vector<Lanes> out(chunks);
  for (Lanes& lanes : out) {
    for (int j = 0; j < L; ++j) {
      const auto& s = base.state();
      lanes.s0[j] = s[0];
      lanes.s1[j] = s[1];
      lanes.s2[j] = s[2];
      lanes.s3[j] = s[3];
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
      : p_(p), n_(p.candidates), m_(p.leaves), g_(m_ * L), s_(m_ * L), t_(n_ * L),
        rank_(n_ * L), uncertain_(n_), fixed_(n_), factor_(m_) {
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

  const double* weights() const { return g_.data(); }
  const double* totals() const { return t_.data(); }
  const int* ranks() const { return rank_.data(); }

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
          for (int l = 0; l < m_; ++l) g_[l * L + j] = lane_g_[l];
        }
        break;
    }
  }

  // Every candidate's total under the weights drawn (g_), its uncertain
  // scores drawn from `st`.
  void Totals(Lanes& st) {
    for (int i = 0; i < n_; ++i) {
      if (p_.caps[i].empty()) {
        PlainTotal(st, i, g_.data(), t_.data() + i * L);
      } else {
        FillScores(st, i);
        for (int j = 0; j < L; ++j) t_[i * L + j] = CappedTotal(i, g_.data() + j, L, j);
      }
    }
  }

  // Totals of every candidate under fixed weights `w` (one per leaf), for
  // each of `weights`, scores drawn from `st`: out[k][i * L + j].
  void TotalsUnder(Lanes& st, const std::vector<std::vector<double>>& weights,
                   std::vector<std::vector<double>>& out) {
    for (int i = 0; i < n_; ++i) {
      FillScores(st, i);
      for (std::size_t k = 0; k < weights.size(); ++k) {
        double* t = out[k].data() + i * L;
        if (p_.caps[i].empty()) {
          FixedWeightTotal(weights[k].data(), t);
        } else {
          for (int j = 0; j < L; ++j) t[j] = CappedTotal(i, weights[k].data(), 1, j);
        }
      }
    }
  }

  // rank_[i * L + j]: 0 for first, counting those more than the tolerance
  // above; tied candidates share a rank.
  void Rank(const double* t) {
    const double tol = p_.tie_tolerance;
    for (int i = 0; i < n_; ++i) {
      int r[L] = {};
      for (int k = 0; k < n_; ++k) {
        for (int j = 0; j < L; ++j) r[j] += t[k * L + j] > t[i * L + j] + tol ? 1 : 0;
      }
      for (int j = 0; j < L; ++j) rank_[i * L + j] = r[j];
    }
  }

 private:
  WEIGHBRIDGE_CLONES void UniformWeights(Lanes& st) {
    double sum[L] = {};
    std::uint64_t x[L];
    for (int l : p_.free) {
      NextBlock(st, x);
      double* g = g_.data() + l * L;
      for (int j = 0; j < L; ++j) {
        g[j] = -LogUnit(UniformPositive(x[j]));
        sum[j] += g[j];
      }
    }
    double scale[L];
    for (int j = 0; j < L; ++j) scale[j] = p_.free_mass / sum[j];
    for (int l : p_.free) {
      double* g = g_.data() + l * L;
      for (int j = 0; j < L; ++j) g[j] *= scale[j];
    }
    SetFixed();
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
    for (int l : p_.free) g_[l * L + j] = lane_g_[l];
    for (int l : not_free_) g_[l * L + j] = p_.fixed[l];
  }

  void SetFixed() {
    for (int l : not_free_) {
      for (int j = 0; j < L; ++j) g_[l * L + j] = p_.fixed[l];
    }
  }

  // Sum of g x score over the leaves: the fixed scores in leaf order, then
  // the uncertain ones in leaf order, each drawn as lo + span x u.
  WEIGHBRIDGE_CLONES void PlainTotal(Lanes& st, int i, const double* g, double* t) {
    const double* lo = p_.lo.data() + i * m_;
    const double* span = p_.span.data() + i * m_;
    double acc[L] = {};
    for (int l : fixed_[i]) {
      for (int j = 0; j < L; ++j) acc[j] += g[l * L + j] * lo[l];
    }
    const std::vector<int>& u = uncertain_[i];
    std::uint64_t x[L];
    for (std::size_t q = 0; q < u.size(); q += 2) {
      NextBlock(st, x);
      const int a = u[q];
      for (int j = 0; j < L; ++j) {
        const double score = lo[a] + span[a] * Uniform32(static_cast<std::uint32_t>(x[j] >> 32));
        acc[j] += g[a * L + j] * score;
      }
      if (q + 1 < u.size()) {
        const int b = u[q + 1];
        for (int j = 0; j < L; ++j) {
          const double score = lo[b] + span[b] * Uniform32(static_cast<std::uint32_t>(x[j]));
          acc[j] += g[b * L + j] * score;
        }
      }
    }
    for (int j = 0; j < L; ++j) t[j] = acc[j];
  }

  // s_[l * L + j]: candidate i's scores, its uncertain ones drawn exactly as
  // PlainTotal draws them.
  WEIGHBRIDGE_CLONES void FillScores(Lanes& st, int i) {
    const double* lo = p_.lo.data() + i * m_;
    const double* span = p_.span.data() + i * m_;
    for (int l : fixed_[i]) {
      for (int j = 0; j < L; ++j) s_[l * L + j] = lo[l];
    }
    const std::vector<int>& u = uncertain_[i];
    std::uint64_t x[L];
    for (std::size_t q = 0; q < u.size(); q += 2) {
      NextBlock(st, x);
      const int a = u[q];
      for (int j = 0; j < L; ++j) {
        s_[a * L + j] = lo[a] + span[a] * Uniform32(static_cast<std::uint32_t>(x[j] >> 32));
      }
      if (q + 1 < u.size()) {
        const int b = u[q + 1];
        for (int j = 0; j < L; ++j) {
          s_[b * L + j] = lo[b] + span[b] * Uniform32(static_cast<std::uint32_t>(x[j]));
        }
      }
    }
  }

  // Sum of w x s_ over the leaves (fixed order: leaf order) for every lane.
  WEIGHBRIDGE_CLONES void FixedWeightTotal(const double* w, double* t) {
    double acc[L] = {};
    for (int l = 0; l < m_; ++l) {
      const double wl = w[l];
      for (int j = 0; j < L; ++j) acc[j] += wl * s_[l * L + j];
    }
    for (int j = 0; j < L; ++j) t[j] = acc[j];
  }

  // Lane j's total of candidate i from s_, with weights g[l * stride], its
  // caps re-applied in order: a criterion cap scales the leaves under it so
  // that their weighted mean comes down to the cap; a total cap takes off
  // what is above it (engine/aggregate/capped_scores.h).
  double CappedTotal(int i, const double* g, int stride, int j) {
    for (int l = 0; l < m_; ++l) factor_[l] = 1.0;
    lines_.clear();
    auto total_now = [&] {
      double total = 0;
      for (int l = 0; l < m_; ++l) total += g[l * stride] * s_[l * L + j] * factor_[l];
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
        sum += g[l * stride] * s_[l * L + j] * factor_[l];
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
  std::vector<double> g_;  // [l * L + j] leaf weights of each lane's draw
  std::vector<double> s_;  // [l * L + j] one candidate's scores
  std::vector<double> t_;  // [i * L + j] totals
  std::vector<int> rank_;  // [i * L + j]
  std::vector<std::vector<int>> uncertain_;  // per candidate: leaves with a range
  std::vector<std::vector<int>> fixed_;      // per candidate: the others
  std::vector<int> not_free_;  // leaves whose weight is fixed
  std::vector<double> factor_;
  std::vector<double> lines_;
  std::vector<double> lane_g_ = std::vector<double>(m_);
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
        std::vector<std::vector<double>> totals(who.size(), std::vector<double>(n * L));
        std::vector<std::int64_t>& first = firsts[c];
        first.assign(who.size(), 0);
        for (int b = 0; b < kSmaaChunk / L; ++b) {
          const int d0 = c * kSmaaChunk + b * L;
          if (d0 >= samples) break;
          const int valid = std::min(L, samples - d0);
          batch.TotalsUnder(st, weights, totals);
          for (std::size_t k = 0; k < who.size(); ++k) {
            batch.Rank(totals[k].data());
            for (int j = 0; j < valid; ++j) first[k] += batch.ranks()[who[k] * L + j] == 0;
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
              const int rank = batch.ranks()[i * L + j];
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
