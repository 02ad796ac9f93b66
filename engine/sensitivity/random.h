// Random numbers that are the same on every platform and library version:
// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47(4), 2021), seeded through SplitMix64, with our own
// conversions to uniform numbers and to -ln(u). std:: distributions are not
// used because their output differs between standard libraries.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace weighbridge {

// The generator's name as the outputs record it.
inline constexpr const char* kGeneratorName = "xoshiro256** (SplitMix64 seeding, jump streams)";

// SplitMix64 (Steele, Lea and Flood 2014): advances `state` and returns the
// next output. Used only to turn a seed into a xoshiro256** state.
std::uint64_t SplitMix64(std::uint64_t& state);

class Xoshiro256 {
 public:
  // The state is four SplitMix64 outputs from `seed` (never all zero).
  explicit Xoshiro256(std::uint64_t seed);

  std::uint64_t Next() {
    const std::uint64_t out = std::rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = std::rotl(s_[3], 45);
    return out;
  }

  // Advances by 2^128 steps: each jump starts a stream that cannot meet the
  // previous one within 2^128 outputs.
  void Jump();

  const std::array<std::uint64_t, 4>& state() const { return s_; }

 private:
  std::array<std::uint64_t, 4> s_;
};

// Uniform on [0, 1) with 52 random bits: the bits become the mantissa of a
// number in [1, 2), less 1 (exact).
inline double UniformOpen(std::uint64_t x) {
  return std::bit_cast<double>(0x3FF0000000000000ULL | (x >> 12)) - 1.0;
}

// Uniform on (0, 1] with 52 random bits (2 minus a number in [1, 2), exact),
// so that its logarithm is finite.
inline double UniformPositive(std::uint64_t x) {
  return 2.0 - std::bit_cast<double>(0x3FF0000000000000ULL | (x >> 12));
}

// Uniform on [0, 1) from 32 bits: v x 2^-32, exactly, built from the bits so
// that it vectorises.
inline double Uniform32(std::uint32_t v) {
  return std::bit_cast<double>(0x3FF0000000000000ULL | (std::uint64_t{v} << 20)) - 1.0;
}

// ln(u) for u in (0, 1], to within about 2 units in the last place, from
// +, -, x, / only (so the same on every IEEE 754 machine). Precondition:
// u is normal and positive.
inline double LogUnit(double u) {
  // u = 2^e x m with m in [sqrt(1/2), sqrt(2)); ln(m) = 2 atanh(s) with
  // s = (m - 1) / (m + 1), |s| <= 0.1716, whose odd series converges fast.
  std::uint64_t bits = std::bit_cast<std::uint64_t>(u);
  std::int64_t e = static_cast<std::int64_t>(bits >> 52) - 1023;
  bits = (bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL;
  double m = std::bit_cast<double>(bits);
  if (m > 1.4142135623730951) {
    m *= 0.5;
    e += 1;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double z = s * s;
  // 1 + z/3 + z^2/5 + ... + z^10/21, by Horner; the next term is below 1e-18.
  double p = 1.0 / 21;
  p = p * z + 1.0 / 19;
  p = p * z + 1.0 / 17;
  p = p * z + 1.0 / 15;
  p = p * z + 1.0 / 13;
  p = p * z + 1.0 / 11;
  p = p * z + 1.0 / 9;
  p = p * z + 1.0 / 7;
  p = p * z + 1.0 / 5;
  p = p * z + 1.0 / 3;
  p = p * z + 1.0;
  const double ln_m = 2.0 * s * p;
  // ln 2 split so that e x kLn2Hi is exact for |e| < 2^11.
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  const double de = static_cast<double>(e);
  return de * kLn2Hi + (de * kLn2Lo + ln_m);
}

}  // namespace weighbridge
