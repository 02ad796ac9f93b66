#include "engine/load/smaa_parser.h"

#include <cmath>

#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"

namespace weighbridge {
namespace {

constexpr long long kMaxSamples = 100000000;

// One `id = [low, high]` of [smaa.bounds].
void ParseBound(const std::string& id, const toml::node& value, const SourceFile& file,
                Diagnostics& diagnostics, SmaaSettings& settings) {
  const SourcePos pos = PosOf(file, value);
  const toml::array* pair = value.as_array();
  std::vector<double> numbers;
  if (pair) {
    for (const toml::node& item : *pair) {
      if (auto v = item.value<double>(); v && item.is_number()) numbers.push_back(*v);
    }
  }
  if (!pair || pair->size() != 2 || numbers.size() != 2) {
    file.Error(diagnostics, pos,
               "the bounds of '" + id + "' should be two numbers, [lowest, highest], e.g. [0.05, 0.20]");
    return;
  }
  const double low = numbers[0];
  const double high = numbers[1];
  if (!std::isfinite(low) || !std::isfinite(high) || low < 0 || high > 1 || low > high) {
    file.Error(diagnostics, pos,
               "the bounds of '" + id +
                   "' should be global weights from 0 to 1, the lowest first, e.g. [0.05, 0.20]");
    return;
  }
  settings.bounds[id] = {low, high};
  settings.bound_pos[id] = pos;
}

// Dotted keys written without quotes arrive as nested tables: join them back
// into the criterion's id, as for judgements' points.
void ParseBounds(const toml::table& table, const std::string& prefix, const SourceFile& file,
                 Diagnostics& diagnostics, SmaaSettings& settings) {
  for (auto&& [key, value] : table) {
    const std::string id = prefix + std::string(key.str());
    if (const toml::table* inner = value.as_table()) {
      ParseBounds(*inner, id + ".", file, diagnostics, settings);
    } else {
      ParseBound(id, value, file, diagnostics, settings);
    }
  }
}

}  // namespace

void ParseSmaa(const toml::table& smaa, const SourceFile& file, Diagnostics& diagnostics,
               SmaaSettings& settings) {
  TomlTable table(smaa, file, diagnostics, "[smaa]");
  if (auto weights = table.Text("weights")) {
    settings.weights_pos = table.PosOfValue("weights");
    if (auto mode = SmaaWeightsFromName(*weights)) {
      settings.weights = mode;
    } else {
      file.Error(diagnostics, settings.weights_pos,
                 "weights '" + *weights + "' is not one of uniform, panel, bounds" +
                     DidYouMean(*weights, {"uniform", "panel", "bounds"}));
    }
  }
  if (auto samples = table.WholeNumber("samples")) {
    if (*samples < 0 || *samples > kMaxSamples) {
      file.Error(diagnostics, table.PosOfValue("samples"),
                 "samples should be a whole number from 0 (no random draws) to 100000000");
    } else {
      settings.samples = static_cast<int>(*samples);
    }
  }
  if (auto seed = table.WholeNumber("seed")) {
    if (*seed < 0 || static_cast<unsigned long long>(*seed) > kMaxSmaaSeed) {
      file.Error(diagnostics, table.PosOfValue("seed"),
                 "seed should be a whole number from 0 to 9007199254740991 (2^53 - 1)");
    } else {
      settings.seed = static_cast<std::uint64_t>(*seed);
    }
  }
  if (auto scores = table.Text("scores")) {
    if (*scores == "fixed" || *scores == "evaluators") {
      settings.fixed_scores = *scores == "fixed";
    } else {
      file.Error(diagnostics, table.PosOfValue("scores"),
                 "scores '" + *scores + "' is not one of evaluators, fixed" +
                     DidYouMean(*scores, {"evaluators", "fixed"}));
    }
  }
  if (const toml::table* bounds = table.Table("bounds")) {
    ParseBounds(*bounds, "", file, diagnostics, settings);
  }
  table.RejectUnknownKeys();
  if (settings.weights == SmaaWeights::kBounds && settings.bounds.empty() &&
      !diagnostics.has_errors()) {
    file.Error(diagnostics, settings.weights_pos,
               "weights = \"bounds\" needs a [smaa.bounds] table giving some leaf's "
               "lowest and highest weight");
  }
}

void CheckSmaaBounds(const SmaaSettings& settings, const CriteriaTree& tree,
                     const std::vector<const SourceFile*>& files, Diagnostics& diagnostics) {
  Reporter reporter(files, diagnostics);
  std::vector<std::string> leaves;
  for (const std::string& leaf : tree.leaves()) {
    if (leaf != "price") leaves.push_back(leaf);
  }
  double lows = 0;
  for (const auto& [id, range] : settings.bounds) {
    const SourcePos& pos = settings.bound_pos.at(id);
    if (id == "price") {
      reporter.Error(pos, "price cannot have bounds: its share is set by [price], never drawn");
      continue;
    }
    const Criterion* criterion = tree.Find(id);
    if (!criterion) {
      reporter.Error(pos, "unknown criterion '" + id + "' in [smaa.bounds]" + DidYouMean(id, leaves));
      continue;
    }
    if (!tree.IsLeaf(id)) {
      reporter.Error(pos, "'" + id +
                              "' is a branch; [smaa.bounds] takes leaf criteria, whose weights "
                              "SMAA draws");
      continue;
    }
    lows += range.first;
  }
  if (lows > 1 + 1e-12 && !settings.bounds.empty()) {
    reporter.Error(settings.bound_pos.begin()->second,
                   "the lowest weights in [smaa.bounds] add up to more than 1, so they cannot "
                   "all hold");
  }
}

}  // namespace weighbridge
