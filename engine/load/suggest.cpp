#include "engine/load/suggest.h"

#include <algorithm>
#include <numeric>

namespace weighbridge {

int EditDistance(std::string_view a, std::string_view b) {
  // The optimal string alignment distance: Levenshtein's dynamic programme
  // plus swapping two neighbouring letters as one edit, the commonest typo
  // ("titel" for "title"). Three rows are enough.
  std::vector<int> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string Suggest(std::string_view word, const std::vector<std::string>& candidates) {
  int allowed = std::max<int>(1, static_cast<int>(word.size()) / 3);
  std::string best;
  int best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    int distance = EditDistance(word, candidate);
    if (distance > 0 && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = Suggest(word, candidates);
  return best.empty() ? "" : ", did you mean '" + best + "'?";
}

}  // namespace weighbridge
