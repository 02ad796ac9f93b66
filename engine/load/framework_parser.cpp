#include "engine/load/framework_parser.h"

#include <algorithm>

#include <fmt/core.h>

#include "engine/load/criterion_parser.h"
#include "engine/load/toml_document.h"
#include "engine/load/toml_table.h"
#include "engine/load/tree_check.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace {

void ParseLevels(TomlTable& scale_table, Scale& scale) {
  const toml::array* levels = scale_table.Array("levels");
  if (!levels) return;
  const SourceFile& file = scale_table.file();
  for (const toml::node& item : *levels) {
    const toml::table* level_table = item.as_table();
    if (!level_table) {
      file.Error(scale_table.diagnostics(), PosOf(file, item),
                 "each scale level should be a table such as { value = 3, label = \"...\", "
                 "descriptor = \"...\" }");
      continue;
    }
    TomlTable table(*level_table, file, scale_table.diagnostics(), "a scale level");
    ScaleLevel level;
    auto value = table.Number("value", true);
    level.label = table.Text("label", true).value_or("");
    level.descriptor = table.Text("descriptor").value_or("");
    table.RejectUnknownKeys();
    if (!value) continue;
    level.value = *value;
    if (level.value < scale.min || level.value > scale.max) {
      file.Error(scale_table.diagnostics(), PosOf(file, item),
                 fmt::format("scale level {} is outside the scale, which runs from {} to {}",
                             level.value, scale.min, scale.max));
    }
    scale.levels.push_back(level);
  }
  std::stable_sort(scale.levels.begin(), scale.levels.end(),
                   [](const ScaleLevel& a, const ScaleLevel& b) { return a.value < b.value; });
}

Scale ParseScale(TomlTable& root) {
  Scale scale;
  const toml::table* scale_table = root.Table("scale");
  if (!scale_table) return scale;
  TomlTable table(*scale_table, root.file(), root.diagnostics(), "[scale]");
  scale.min = table.Number("min").value_or(scale.min);
  scale.max = table.Number("max").value_or(scale.max);
  scale.moderation_threshold = table.Number("moderation_threshold").value_or(scale.moderation_threshold);
  if (scale.max <= scale.min) {
    root.file().Error(root.diagnostics(), table.PosOfValue("max"),
                      fmt::format("the scale's max ({}) must be above its min ({}), or no score "
                                  "could be told apart from another",
                                  scale.max, scale.min));
  }
  if (scale.moderation_threshold < 0) {
    root.file().Error(root.diagnostics(), table.PosOfValue("moderation_threshold"),
                      "moderation_threshold cannot be negative");
  }
  ParseLevels(table, scale);
  table.RejectUnknownKeys();
  return scale;
}

}  // namespace

std::optional<FrameworkParts> ParseFrameworkParts(const SourceFile& file, Diagnostics& diagnostics) {
  auto document = ParseToml(file, diagnostics);
  if (!document) return std::nullopt;
  TomlTable root(*document, file, diagnostics, "the framework file");
  FrameworkParts parts;
  if (const toml::table* header = root.RequiredSection("framework")) {
    TomlTable table(*header, file, diagnostics, "[framework]");
    parts.id = table.Text("id", true).value_or("");
    parts.version = table.Text("version", true).value_or("");
    parts.title = table.Text("title", true).value_or("");
    table.RejectUnknownKeys();
  }
  parts.scale = ParseScale(root);
  root.Node("criterion");
  for (const toml::table* table : TablesOf(*document, "criterion", file, diagnostics)) {
    if (auto criterion = ParseCriterion(*table, file, diagnostics)) {
      parts.criteria.push_back(std::move(*criterion));
    }
  }
  root.Node("rule");
  ParseRules(*document, file, diagnostics, parts.rules);
  root.RejectUnknownKeys();
  const toml::array* listed = document->get_as<toml::array>("criterion");
  if (!listed || listed->empty()) {
    file.Error(diagnostics, 1, 1, "the framework has no criteria; add at least one [[criterion]]");
  }
  return parts;
}

FrameworkLoad ParseFramework(std::string_view text, const std::string& file_name) {
  FrameworkLoad load;
  SourceFile file(file_name, text);
  auto parts = ParseFrameworkParts(file, load.diagnostics);
  if (!parts) return load;
  auto tree = CheckTree(parts->criteria, {&file}, load.diagnostics);
  if (!tree || load.diagnostics.has_errors()) return load;
  load.framework = Framework{parts->id, parts->version, parts->title, parts->scale, std::move(*tree),
                             file_name};
  return load;
}

}  // namespace weighbridge
