#include "engine/load/criterion_parser.h"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

#include "engine/load/suggest.h"

namespace weighbridge {
namespace {

bool IsValidId(const std::string& id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  });
}

// A share of 100 given in a value function.
std::optional<double> Percent(const toml::node& node, const SourceFile& file,
                              Diagnostics& diagnostics, const std::string& what) {
  if (!node.is_number()) {
    file.Error(diagnostics, PosOf(file, node), what + " should be a number from 0 to 100, not " +
                                                   TomlTypeName(node));
    return std::nullopt;
  }
  double v = *node.value<double>();
  if (!(v >= 0 && v <= 100)) {
    file.Error(diagnostics, PosOf(file, node), what + " should be from 0 to 100");
    return std::nullopt;
  }
  return v;
}

void ParseLinear(TomlTable& table, ValueFunction& f) {
  auto worst = table.Number("worst", true);
  auto best = table.Number("best", true);
  if (!worst || !best) return;
  f.worst = *worst;
  f.best = *best;
  if (f.worst == f.best) {
    table.file().Error(table.diagnostics(), table.PosOfValue("best"),
                       fmt::format("a linear value needs 'worst' and 'best' to differ; both are {}",
                                   f.best));
  }
}

void ParsePiecewise(TomlTable& table, ValueFunction& f) {
  const toml::array* points = table.Array("points", true);
  if (!points) return;
  const SourceFile& file = table.file();
  for (const toml::node& item : *points) {
    const toml::array* pair = item.as_array();
    if (!pair || pair->size() != 2 || !(*pair)[0].is_number()) {
      file.Error(table.diagnostics(), PosOf(file, item),
                 "each point should be a pair [evidence value, score from 0 to 100]");
      continue;
    }
    auto score = Percent((*pair)[1], file, table.diagnostics(), "a point's score");
    if (!score) continue;
    double x = *(*pair)[0].value<double>();
    if (!std::isfinite(x)) {
      file.Error(table.diagnostics(), PosOf(file, (*pair)[0]), "a point's evidence value should be a finite number");
      continue;
    }
    if (!f.points.empty() && x <= f.points.back().first) {
      file.Error(table.diagnostics(), PosOf(file, item),
                 "piecewise points must be in increasing order of their first value");
    }
    f.points.emplace_back(x, *score);
  }
  if (points->size() < 2) {
    file.Error(table.diagnostics(), table.PosOfKey("points"),
               "a piecewise value needs at least two points");
  }
}

void ParseLevels(TomlTable& table, ValueFunction& f) {
  const toml::table* map = table.Table("map", true);
  if (!map) return;
  for (auto&& [k, v] : *map) {
    auto score = Percent(v, table.file(), table.diagnostics(), "level '" + std::string(k.str()) + "'");
    if (score) f.levels[std::string(k.str())] = *score;
  }
  if (map->empty()) {
    table.file().Error(table.diagnostics(), table.PosOfKey("map"),
                       "a levels value needs at least one level in its map");
  }
}

std::optional<ValueFunction> ParseValue(const toml::table& value_table, const SourceFile& file,
                                        Diagnostics& diagnostics) {
  TomlTable table(value_table, file, diagnostics, "a value function");
  ValueFunction f;
  auto type = table.Text("type", true);
  if (!type) return std::nullopt;
  if (*type == "boolean") {
    f.kind = ValueKind::kBoolean;
  } else if (*type == "linear") {
    f.kind = ValueKind::kLinear;
    ParseLinear(table, f);
  } else if (*type == "piecewise") {
    f.kind = ValueKind::kPiecewise;
    ParsePiecewise(table, f);
  } else if (*type == "levels") {
    f.kind = ValueKind::kLevels;
    ParseLevels(table, f);
  } else {
    file.Error(diagnostics, table.PosOfKey("type"),
               "value type '" + *type + "' is not one of boolean, linear, piecewise, levels");
    return std::nullopt;
  }
  table.RejectUnknownKeys();
  return f;
}

}  // namespace

bool IsReservedId(const std::string& id) {
  return id == "root" || id == "total" || id == "price" || id == "quality";
}

std::optional<Criterion> ParseCriterion(const toml::table& criterion_table, const SourceFile& file,
                                        Diagnostics& diagnostics) {
  TomlTable table(criterion_table, file, diagnostics, "[[criterion]]");
  Criterion c;
  c.pos = table.pos();
  auto id = table.Text("id", true);
  if (id) {
    c.id = *id;
    c.pos = table.PosOfKey("id");
    if (IsReservedId(c.id)) {
      file.Error(diagnostics, c.pos, "'" + c.id + "' is reserved and cannot be a criterion's id");
    } else if (!IsValidId(c.id)) {
      file.Error(diagnostics, c.pos,
                 "criterion id '" + c.id +
                     "' may use only letters, digits, '.', '-' and '_'");
    }
  }
  c.parent = table.Text("parent").value_or(kRootId);
  c.parent_pos = criterion_table.contains("parent") ? table.PosOfValue("parent") : c.pos;
  c.title = table.Text("title", true).value_or("");
  c.question = table.Text("question").value_or("");
  c.guidance = table.Text("guidance").value_or("");
  if (auto assess = table.Text("assess")) {
    c.assess_pos = table.PosOfKey("assess");
    if (*assess == "evidence") {
      c.assess = Assess::kEvidence;
    } else {
      // A misspelt value still marks a leaf, so the tree check does not add
      // "needs assess" to the message below.
      c.assess = Assess::kJudgement;
      if (*assess != "judgement") {
        file.Error(diagnostics, table.PosOfValue("assess"),
                   "assess should be \"judgement\" or \"evidence\", not \"" + *assess + "\"" +
                       DidYouMean(*assess, {"judgement", "evidence"}));
      }
    }
  }
  auto evidence = table.Text("evidence");
  const toml::table* value = table.Table("value");
  if (auto minimum = table.Number("minimum")) {
    c.minimum = *minimum;
    c.minimum_pos = table.PosOfValue("minimum");
  }
  table.RejectUnknownKeys();
  if (c.assess == Assess::kEvidence) {
    if (evidence) {
      c.evidence = *evidence;
      c.evidence_pos = table.PosOfKey("evidence");
    } else {
      file.Error(diagnostics, c.pos, "criterion '" + c.id + "' is assessed on evidence, so it needs 'evidence'");
    }
    if (!value) {
      file.Error(diagnostics, c.pos, "criterion '" + c.id + "' is assessed on evidence, so it needs 'value'");
    } else if (auto f = ParseValue(*value, file, diagnostics)) {
      c.value = *f;
    }
  } else if (evidence || value) {
    file.Error(diagnostics, table.PosOfKey(evidence ? "evidence" : "value"),
               "only criteria with assess = \"evidence\" take 'evidence' and 'value'");
  }
  if (!id) return std::nullopt;
  return c;
}

}  // namespace weighbridge
