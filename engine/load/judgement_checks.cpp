#include "engine/load/judgement_checks.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <fmt/core.h>

#include "engine/load/suggest.h"
#include "engine/load/wording.h"

namespace weighbridge {
namespace {

// Saaty's scale runs from 1/9 to 9. A fraction like 1/9 is stored as the
// nearest double, so the bounds allow for that last bit.
constexpr double kScaleTop = 9;
constexpr double kScaleBottom = 1.0 / 9;
constexpr double kSlack = 1e-12;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// How a number reads back in a message: 3, 0.5, or 1/3 for a reciprocal.
std::string Shown(double value) {
  if (value > 0 && value < 1) {
    const double inverse = 1 / value;
    if (std::abs(inverse - std::round(inverse)) < 1e-9) {
      return fmt::format("1/{}", static_cast<long long>(std::round(inverse)));
    }
  }
  return fmt::format("{}", value);
}

bool IsChild(const std::vector<std::string>* children, const std::string& id) {
  return !children || std::find(children->begin(), children->end(), id) != children->end();
}

}  // namespace

std::optional<double> ParseRatio(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return ParseNumber(text);
  auto top = ParseNumber(text.substr(0, slash));
  auto bottom = ParseNumber(text.substr(slash + 1));
  if (!top || !bottom || *bottom == 0) return std::nullopt;
  const double value = *top / *bottom;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::string NotAChildMessage(const std::string& child, const std::string& parent,
                             const std::vector<std::string>& children) {
  return "'" + child + "' is not directly under '" + parent + "'; the criteria weighed there are " +
         QuotedList(children) + DidYouMean(child, children);
}

bool AddPair(const WrittenPair& pair, const std::vector<std::string>* children,
             const SourceFile& file, Diagnostics& diagnostics, Judgement& judgement) {
  const std::size_t slash = pair.key.find('/');
  if (slash == std::string::npos || pair.key.find('/', slash + 1) != std::string::npos) {
    file.Error(diagnostics, pair.key_pos,
               "'" + pair.key +
                   "' is not a pair of criteria; write it as \"a/b\" (a is so many times as "
                   "important as b)");
    return false;
  }
  const std::string a(Trim(std::string_view(pair.key).substr(0, slash)));
  const std::string b(Trim(std::string_view(pair.key).substr(slash + 1)));
  bool ok = true;
  for (const std::string& id : {a, b}) {
    if (!IsChild(children, id)) {
      file.Error(diagnostics, pair.key_pos, NotAChildMessage(id, judgement.parent, *children));
      ok = false;
      break;  // one message for the pair
    }
  }
  if (!ok) return false;
  if (a == b) {
    file.Error(diagnostics, pair.key_pos,
               "'" + pair.key + "' compares '" + a + "' with itself; compare two different criteria");
    return false;
  }
  const std::string key = a + "/" + b;
  if (pair.value <= 0) {
    file.Error(diagnostics, pair.value_pos,
               fmt::format("'{}' is {}, but a comparison must be above 0: from 1/9 to 9, where "
                           "\"1/3\" means '{}' is 3 times as important as '{}'",
                           key, Shown(pair.value), b, a));
    return false;
  }
  if (pair.value > kScaleTop * (1 + kSlack) || pair.value < kScaleBottom * (1 - kSlack)) {
    file.Error(diagnostics, pair.value_pos,
               fmt::format("'{}' is {}, outside the scale of 1/9 to 9; use 9 for \"extremely more "
                           "important\" and 1/9 for the opposite",
                           key, Shown(pair.value)));
    return false;
  }
  for (const Comparison& earlier : judgement.pairs) {
    const bool same = earlier.a == a && earlier.b == b;
    const bool reversed = earlier.a == b && earlier.b == a;
    if (!same && !reversed) continue;
    const double implied = same ? earlier.value : 1 / earlier.value;
    const std::string first = earlier.a + "/" + earlier.b;
    const std::string where = earlier.pos.line == pair.key_pos.line
                                  ? "earlier on this line"
                                  : fmt::format("at line {}", earlier.pos.line);
    if (std::abs(std::log(implied) - std::log(pair.value)) < 1e-9) {
      file.Error(diagnostics, pair.key_pos,
                 fmt::format("'{}' and '{}' are compared twice (first as '{}' {}); give each "
                             "pair once",
                             a, b, first, where));
    } else {
      file.Error(diagnostics, pair.key_pos,
                 fmt::format("'{}' = {} contradicts '{}' = {} {}, which means '{}' = {}; give "
                             "each pair once",
                             key, Shown(pair.value), first, Shown(earlier.value), where, key,
                             Shown(implied)));
    }
    return false;
  }
  judgement.pairs.push_back({a, b, pair.value, pair.key_pos});
  return true;
}

bool CheckPairsLinked(const Judgement& judgement, const std::vector<std::string>& children,
                      const SourcePos& where, const SourceFile& file, Diagnostics& diagnostics) {
  if (children.size() <= 1) return true;
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph graph(children.size());
  auto index = [&](const std::string& id) {
    return static_cast<std::size_t>(std::find(children.begin(), children.end(), id) -
                                    children.begin());
  };
  for (const Comparison& c : judgement.pairs) boost::add_edge(index(c.a), index(c.b), graph);
  std::vector<int> component(children.size());
  const int count = boost::connected_components(graph, component.data());
  if (count == 1) return true;
  // The largest set (the first child's on a tie) stands for "the others";
  // every criterion outside it is named.
  std::vector<int> size(count, 0);
  for (int c : component) ++size[c];
  int main = component[0];
  for (int c = 0; c < count; ++c) {
    if (size[c] > size[main]) main = c;
  }
  std::vector<std::string> apart;
  for (std::size_t i = 0; i < children.size(); ++i) {
    if (component[i] != main) apart.push_back(children[i]);
  }
  const bool one = apart.size() == 1;
  file.Error(diagnostics, where,
             fmt::format("the comparisons under '{}' do not link {} to the other criteria, "
                         "directly or through others; compare {} with at least one of {}",
                         judgement.parent, QuotedList(apart), one ? "it" : "each of them",
                         [&] {
                           std::vector<std::string> rest;
                           for (std::size_t i = 0; i < children.size(); ++i) {
                             if (component[i] == main) rest.push_back(children[i]);
                           }
                           return QuotedList(rest, "or");
                         }()));
  return false;
}

bool AddToOrder(const std::string& child, std::size_t place, const SourcePos& pos,
                const std::vector<std::string>* children, const SourceFile& file,
                Diagnostics& diagnostics, Judgement& judgement) {
  if (!IsChild(children, child)) {
    file.Error(diagnostics, pos, NotAChildMessage(child, judgement.parent, *children));
    return false;
  }
  for (const auto& tied : judgement.order) {
    if (std::find(tied.begin(), tied.end(), child) != tied.end()) {
      file.Error(diagnostics, pos,
                 "'" + child + "' is in the order twice; put each criterion in it once");
      return false;
    }
  }
  if (judgement.order.size() <= place) judgement.order.resize(place + 1);
  judgement.order[place].push_back(child);
  return true;
}

bool CheckOrderComplete(const Judgement& judgement, const std::vector<std::string>& children,
                        const SourcePos& where, const SourceFile& file, Diagnostics& diagnostics) {
  std::vector<std::string> missing;
  for (const std::string& child : children) {
    bool found = false;
    for (const auto& tied : judgement.order) {
      found = found || std::find(tied.begin(), tied.end(), child) != tied.end();
    }
    if (!found) missing.push_back(child);
  }
  if (missing.empty()) return true;
  file.Error(diagnostics, where,
             fmt::format("the order under '{}' leaves out {}; put every criterion in the order, "
                         "with criteria that matter equally together in an inner list",
                         judgement.parent, QuotedList(missing)));
  return false;
}

bool CheckSwing(const Judgement& judgement, const SourcePos& where, const SourceFile& file,
                Diagnostics& diagnostics) {
  double largest = 0;
  for (const auto& [child, value] : judgement.values) largest = std::max(largest, value);
  if (largest == 100) return true;
  file.Error(diagnostics, where,
             fmt::format("in a swing the most important criterion gets 100 and the others less; "
                         "the largest value here is {}",
                         largest));
  return false;
}

}  // namespace weighbridge
