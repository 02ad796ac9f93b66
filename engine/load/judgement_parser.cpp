#include "engine/load/judgement_parser.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/core.h>

#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"
#include "engine/load/wording.h"

namespace weighbridge {
namespace {

// The key that holds each method's values, as FORMATS.md writes them.
const char* ValuesKey(WeighMethod method) {
  return method == WeighMethod::kDirect ? "weights" : "points";
}

std::optional<WeighMethod> ParseMethod(TomlTable& table) {
  auto method = table.Text("method", true);
  if (!method) return std::nullopt;
  if (*method == "points") return WeighMethod::kPoints;
  if (*method == "direct") return WeighMethod::kDirect;
  const SourcePos pos = table.PosOfKey("method");
  if (*method == "pairwise" || *method == "rank" || *method == "swing") {
    table.file().Error(table.diagnostics(), pos,
                       "method '" + *method +
                           "' is not available in this version of weighbridge (it comes with the "
                           "full co-production panel); use \"points\" or \"direct\"");
  } else {
    table.file().Error(table.diagnostics(), pos,
                       "method '" + *method + "' is not one of points, direct" +
                           DidYouMean(*method, {"points", "direct"}));
  }
  return std::nullopt;
}

// A value keyed by a criterion id, with where the id was written.
struct KeyedValue {
  std::string id;
  SourcePos pos;
  const toml::node* value;
};

// TOML reads `care.usability = 70` as a table `care` holding `usability`.
// Criterion ids contain dots, so such nested keys are joined back into the
// id the person meant, exactly as if it had been quoted.
void Flatten(const toml::table& table, const std::string& prefix, const SourceFile& file,
             std::vector<KeyedValue>& out) {
  for (auto&& [k, v] : table) {
    std::string id = prefix + std::string(k.str());
    if (const toml::table* inner = v.as_table()) {
      Flatten(*inner, id + ".", file, out);
      continue;
    }
    out.push_back({id, file.Pos(static_cast<int>(k.source().begin.line),
                                static_cast<int>(k.source().begin.column)),
                   &v});
  }
}

// Reads { child = value, ... }, checking each child is under `parent`.
void ParseValues(const toml::table& values, const SourceFile& file, const CriteriaTree* tree,
                 Diagnostics& diagnostics, Judgement& judgement) {
  const std::vector<std::string>* children = tree ? &tree->Children(judgement.parent) : nullptr;
  std::vector<KeyedValue> keyed;
  Flatten(values, "", file, keyed);
  for (const auto& [child, pos, node] : keyed) {
    const toml::node& v = *node;
    if (children && std::find(children->begin(), children->end(), child) == children->end()) {
      file.Error(diagnostics, pos,
                 "'" + child + "' is not directly under '" + judgement.parent +
                     "'; the criteria weighed there are " + QuotedList(*children) +
                     DidYouMean(child, *children));
      continue;
    }
    if (!v.is_number()) {
      file.Error(diagnostics, PosOf(file, v),
                 "the value for '" + child + "' should be a number, not " + TomlTypeName(v));
      continue;
    }
    double value = *v.value<double>();
    if (!std::isfinite(value)) {
      file.Error(diagnostics, PosOf(file, v),
                 "the value for '" + child + "' should be a finite number");
      continue;
    }
    if (value < 0) {
      file.Error(diagnostics, PosOf(file, v),
                 fmt::format("the value for '{}' cannot be negative (it is {})", child, value));
      continue;
    }
    judgement.values[child] = value;
  }
}

bool CheckParent(TomlTable& table, const CriteriaTree* tree, const std::string& parent) {
  if (!tree || parent == kRootId || (tree->Find(parent) && !tree->IsLeaf(parent))) return true;
  std::vector<std::string> nodes = tree->WeighedNodes();
  std::string message =
      tree->Find(parent)
          ? "'" + parent + "' has no sub-criteria, so there is nothing under it to weigh"
          : "parent '" + parent + "' is not a criterion" + DidYouMean(parent, nodes);
  table.file().Error(table.diagnostics(), table.PosOfValue("parent"), message);
  return false;
}

}  // namespace

void ParseJudgements(const toml::table& document, const SourceFile& file, const CriteriaTree* tree,
                     Diagnostics& diagnostics, Panel& panel) {
  std::vector<std::string> member_ids;
  for (const Member& m : panel.members) member_ids.push_back(m.id);
  std::map<std::pair<std::string, std::string>, int> seen;  // (member, parent) -> line
  for (const toml::table* judgement_table : TablesOf(document, "judgement", file, diagnostics)) {
    TomlTable table(*judgement_table, file, diagnostics, "[[judgement]]");
    Judgement judgement;
    judgement.pos = table.pos();
    auto member = table.Text("member", true);
    auto parent = table.Text("parent", true);
    // With a price share, root's children are price and quality, set by the
    // procurement; the panel weighs quality's children, so "root" means them.
    if (parent && *parent == kRootId && tree && tree->Find(kQualityId)) parent = kQualityId;
    auto method = ParseMethod(table);
    bool ok = member && parent && method;
    if (member && std::find(member_ids.begin(), member_ids.end(), *member) == member_ids.end()) {
      file.Error(diagnostics, table.PosOfValue("member"),
                 "member '" + *member + "' is not declared in [[member]]" +
                     DidYouMean(*member, member_ids));
      ok = false;
    }
    if (parent && !CheckParent(table, tree, *parent)) ok = false;
    if (!ok) {
      for (const char* key : {"points", "weights", "pairs", "order"}) table.Node(key);
      continue;
    }
    judgement.member = *member;
    judgement.parent = *parent;
    judgement.method = *method;
    const char* key = ValuesKey(*method);
    for (const char* other : {"points", "weights", "pairs", "order"}) {
      if (std::string(other) != key && judgement_table->contains(other)) {
        table.Node(other);
        file.Error(diagnostics, table.PosOfKey(other),
                   fmt::format("method '{}' takes its values in '{}', not '{}'",
                               WeighMethodName(*method), key, other));
      }
    }
    const toml::table* values = table.Table(key, true);
    table.RejectUnknownKeys();
    if (!values) continue;
    ParseValues(*values, file, tree, diagnostics, judgement);
    bool any_positive = std::any_of(judgement.values.begin(), judgement.values.end(),
                                    [](const auto& kv) { return kv.second > 0; });
    if (!any_positive) {
      file.Error(diagnostics, table.PosOfKey(key),
                 fmt::format("member '{}' gave every criterion under '{}' 0, so there is nothing to "
                             "share out; give at least one a value above 0",
                             judgement.member, judgement.parent));
      continue;
    }
    auto [it, inserted] = seen.emplace(std::pair{judgement.member, judgement.parent}, judgement.pos.line);
    if (!inserted) {
      file.Error(diagnostics, judgement.pos,
                 fmt::format("member '{}' weighs '{}' twice (first at line {})", judgement.member,
                             judgement.parent, it->second));
      continue;
    }
    panel.judgements.push_back(std::move(judgement));
  }
}

}  // namespace weighbridge
