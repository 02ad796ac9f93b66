#include "engine/load/judgement_parser.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/core.h>

#include "engine/load/judgement_checks.h"
#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"
#include "engine/load/wording.h"

namespace weighbridge {
namespace {

// The key that holds each method's values, as FORMATS.md writes them.
const char* ValuesKey(WeighMethod method) {
  switch (method) {
    case WeighMethod::kDirect: return "weights";
    case WeighMethod::kPairwise: return "pairs";
    case WeighMethod::kRank: return "order";
    default: return "points";
  }
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

// pairs = { "a/b" = 3, "a/c" = "1/3" }: a number, or a fraction in quotes.
bool ParsePairs(const toml::table& pairs, const SourceFile& file, const CriteriaTree* tree,
                Diagnostics& diagnostics, Judgement& judgement, const SourcePos& where) {
  const std::vector<std::string>* children = tree ? &tree->Children(judgement.parent) : nullptr;
  // toml++ keeps a table's keys sorted; take them in the order written, so
  // that "first given" in a message means first in the file.
  std::vector<std::pair<const toml::key*, const toml::node*>> written;
  for (auto&& [k, v] : pairs) written.emplace_back(&k, &v);
  std::sort(written.begin(), written.end(), [](const auto& x, const auto& y) {
    const auto& a = x.first->source().begin;
    const auto& b = y.first->source().begin;
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  bool ok = true;
  for (const auto& [key, node] : written) {
    const toml::key& k = *key;
    const toml::node& v = *node;
    WrittenPair pair{std::string(k.str()),
                     file.Pos(static_cast<int>(k.source().begin.line),
                              static_cast<int>(k.source().begin.column)),
                     0, PosOf(file, v)};
    if (v.is_number()) {
      pair.value = *v.value<double>();
    } else if (auto ratio = v.is_string() ? ParseRatio(v.as_string()->get()) : std::nullopt) {
      pair.value = *ratio;
    } else {
      file.Error(diagnostics, pair.value_pos,
                 "the comparison '" + pair.key +
                     "' should be a number from 1/9 to 9, or a fraction in quotes such as "
                     "\"1/3\", not " + TomlTypeName(v));
      ok = false;
      continue;
    }
    if (!std::isfinite(pair.value)) {
      file.Error(diagnostics, pair.value_pos,
                 "the comparison '" + pair.key + "' should be a finite number");
      ok = false;
      continue;
    }
    ok = AddPair(pair, children, file, diagnostics, judgement) && ok;
  }
  if (ok && children) ok = CheckPairsLinked(judgement, *children, where, file, diagnostics);
  return ok;
}

// order = ["a", ["b", "c"], "d"]: most important first; an inner list ties.
bool ParseOrder(const toml::array& order, const SourceFile& file, const CriteriaTree* tree,
                Diagnostics& diagnostics, Judgement& judgement, const SourcePos& where) {
  const std::vector<std::string>* children = tree ? &tree->Children(judgement.parent) : nullptr;
  bool ok = true;
  auto add = [&](const toml::node& item, std::size_t place) {
    if (const auto* text = item.as_string()) {
      ok = AddToOrder(text->get(), place, PosOf(file, item), children, file, diagnostics,
                      judgement) && ok;
      return;
    }
    file.Error(diagnostics, PosOf(file, item),
               "each place in the order should be a criterion's id in quotes, or a list of ids "
               "that tie, not " + TomlTypeName(item));
    ok = false;
  };
  std::size_t place = 0;
  for (const toml::node& item : order) {
    if (const toml::array* tied = item.as_array()) {
      if (tied->empty()) {
        file.Error(diagnostics, PosOf(file, item), "an inner list of tied criteria is empty");
        ok = false;
        continue;
      }
      for (const toml::node& inner : *tied) {
        if (inner.is_array()) {
          file.Error(diagnostics, PosOf(file, inner),
                     "a list of tied criteria holds ids, not another list");
          ok = false;
          continue;
        }
        add(inner, place);
      }
    } else {
      add(item, place);
    }
    ++place;
  }
  if (ok && children) ok = CheckOrderComplete(judgement, *children, where, file, diagnostics);
  return ok;
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

// A member may weigh each node once: false, with a diagnostic, for a second.
bool NotTwice(const Judgement& judgement, std::map<std::pair<std::string, std::string>, int>& seen,
              const SourceFile& file, Diagnostics& diagnostics) {
  auto [it, inserted] = seen.emplace(std::pair{judgement.member, judgement.parent}, judgement.pos.line);
  if (inserted) return true;
  file.Error(diagnostics, judgement.pos,
             fmt::format("member '{}' weighs '{}' twice (first at line {})", judgement.member,
                         judgement.parent, it->second));
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
    auto method = ParseWeighMethod(table, true);
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
    if (*method == WeighMethod::kPairwise || *method == WeighMethod::kRank) {
      const toml::table* pairs = *method == WeighMethod::kPairwise ? table.Table(key, true) : nullptr;
      const toml::array* order = *method == WeighMethod::kRank ? table.Array(key, true) : nullptr;
      table.RejectUnknownKeys();
      const bool parsed =
          pairs   ? ParsePairs(*pairs, file, tree, diagnostics, judgement, table.PosOfKey(key))
          : order ? ParseOrder(*order, file, tree, diagnostics, judgement, table.PosOfKey(key))
                  : false;
      if (!parsed) continue;
      if (!NotTwice(judgement, seen, file, diagnostics)) continue;
      panel.judgements.push_back(std::move(judgement));
      continue;
    }
    const toml::table* values = table.Table(key, true);
    table.RejectUnknownKeys();
    if (!values) continue;
    const std::size_t errors = diagnostics.all().size();
    ParseValues(*values, file, tree, diagnostics, judgement);
    if (*method == WeighMethod::kSwing && diagnostics.all().size() == errors &&
        !CheckSwing(judgement, table.PosOfKey(key), file, diagnostics)) {
      continue;
    }
    bool any_positive = std::any_of(judgement.values.begin(), judgement.values.end(),
                                    [](const auto& kv) { return kv.second > 0; });
    if (!any_positive) {
      file.Error(diagnostics, table.PosOfKey(key),
                 fmt::format("member '{}' gave every criterion under '{}' 0, so there is nothing to "
                             "share out; give at least one a value above 0",
                             judgement.member, judgement.parent));
      continue;
    }
    if (!NotTwice(judgement, seen, file, diagnostics)) continue;
    panel.judgements.push_back(std::move(judgement));
  }
}

std::optional<WeighMethod> ParseWeighMethod(TomlTable& table, bool required) {
  auto method = table.Text("method", required);
  if (!method) return std::nullopt;
  for (WeighMethod m : {WeighMethod::kPairwise, WeighMethod::kPoints, WeighMethod::kRank,
                        WeighMethod::kSwing, WeighMethod::kDirect}) {
    if (*method == WeighMethodName(m)) return m;
  }
  table.file().Error(table.diagnostics(), table.PosOfKey("method"),
                     "method '" + *method + "' is not one of pairwise, points, rank, swing, direct" +
                         DidYouMean(*method, {"pairwise", "points", "rank", "swing", "direct"}));
  return std::nullopt;
}

}  // namespace weighbridge
