#include "engine/sensitivity/topsis.h"

#include <cmath>

namespace weighbridge {

std::vector<double> TopsisCloseness(const std::vector<std::vector<double>>& x,
                                    const std::vector<double>& w, const std::vector<bool>& benefit) {
  const std::size_t n = x.size();
  const std::size_t m = w.size();
  std::vector<std::vector<double>> v(n, std::vector<double>(m, 0.0));
  std::vector<double> ideal(m, 0.0);
  std::vector<double> anti(m, 0.0);
  for (std::size_t j = 0; j < m; ++j) {
    double squares = 0;
    for (std::size_t i = 0; i < n; ++i) squares += x[i][j] * x[i][j];
    const double norm = std::sqrt(squares);
    for (std::size_t i = 0; i < n; ++i) v[i][j] = norm > 0 ? w[j] * (x[i][j] / norm) : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const bool better = benefit[j] ? v[i][j] > ideal[j] : v[i][j] < ideal[j];
      const bool worse = benefit[j] ? v[i][j] < anti[j] : v[i][j] > anti[j];
      if (i == 0 || better) ideal[j] = v[i][j];
      if (i == 0 || worse) anti[j] = v[i][j];
    }
  }
  std::vector<double> closeness(n, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    double plus = 0;
    double minus = 0;
    for (std::size_t j = 0; j < m; ++j) {
      plus += (v[i][j] - ideal[j]) * (v[i][j] - ideal[j]);
      minus += (v[i][j] - anti[j]) * (v[i][j] - anti[j]);
    }
    plus = std::sqrt(plus);
    minus = std::sqrt(minus);
    if (plus + minus > 0) closeness[i] = minus / (plus + minus);
  }
  return closeness;
}

}  // namespace weighbridge
