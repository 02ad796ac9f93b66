#include "engine/load/rule_parser.h"

#include <fmt/core.h>

#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"

namespace weighbridge {
namespace {

std::optional<RuleKind> ParseKind(TomlTable& table) {
  auto kind = table.Text("kind", true);
  if (!kind) return std::nullopt;
  if (*kind == "gate") return RuleKind::kGate;
  if (*kind == "require") return RuleKind::kRequire;
  if (*kind == "cap") return RuleKind::kCap;
  if (*kind == "flag") return RuleKind::kFlag;
  table.file().Error(table.diagnostics(), table.PosOfValue("kind"),
                     "kind '" + *kind + "' is not one of gate, require, cap, flag" +
                         DidYouMean(*kind, {"gate", "require", "cap", "flag"}));
  return std::nullopt;
}

// The condition: pass_if for gates, when for caps and flags, none for require.
void ParseCondition(TomlTable& table, const toml::table& raw, RuleDraft& draft) {
  const RuleKind kind = draft.rule.kind;
  const char* wanted = kind == RuleKind::kGate ? "pass_if" : kind == RuleKind::kRequire ? "" : "when";
  for (const char* key : {"pass_if", "when"}) {
    if (!raw.contains(key) || std::string(key) == wanted) continue;
    table.Node(key);
    std::string message = kind == RuleKind::kGate
                              ? "gates use pass_if, the condition a candidate must meet"
                          : kind == RuleKind::kRequire
                              ? "a require rule takes a list of evidence keys, not a condition"
                              : std::string(RuleKindName(kind)) + "s use when, the condition under "
                                                                 "which they apply";
    table.file().Error(table.diagnostics(), table.PosOfKey(key), message);
  }
  if (*wanted == '\0') return;
  // A condition under the other kind's key was reported just above; saying
  // it is also missing would repeat the same mistake.
  const bool misplaced = raw.contains(kind == RuleKind::kGate ? "when" : "pass_if");
  if (auto condition = table.Text(wanted, !misplaced)) {
    draft.rule.condition = *condition;
    draft.condition_pos = table.PosOfValue(wanted);
    if (condition->find_first_not_of(" \t\r\n") == std::string::npos) {
      table.file().Error(table.diagnostics(), draft.condition_pos,
                         std::string("the condition in '") + wanted + "' is empty; write what a "
                         "candidate must meet, for example 'evidence.open_api == true'");
    }
  }
}

void ParseRequired(TomlTable& table, RuleDraft& draft) {
  const toml::array* keys = table.Array("evidence", true);
  if (!keys) return;
  for (const toml::node& item : *keys) {
    if (!item.is_string()) {
      table.file().Error(table.diagnostics(), PosOf(table.file(), item),
                         "each evidence key should be text in quotes");
      continue;
    }
    draft.rule.evidence.push_back(*item.value<std::string>());
    draft.evidence_pos.push_back(PosOf(table.file(), item));
  }
  if (keys->empty()) {
    table.file().Error(table.diagnostics(), table.PosOfValue("evidence"),
                       "a require rule needs at least one evidence key");
  }
}

void ParseCap(TomlTable& table, RuleDraft& draft) {
  if (auto target = table.Text("target", true)) {
    draft.rule.target = *target;
    draft.target_pos = table.PosOfValue("target");
  }
  if (auto max = table.Number("max", true)) {
    if (*max < 0 || *max > 100) {
      table.file().Error(table.diagnostics(), table.PosOfValue("max"),
                         fmt::format("a cap's max is a score out of 100, so it should be from 0 "
                                     "to 100, not {}",
                                     *max));
    }
    draft.rule.max = *max;
  }
}

void RejectKeysOfOtherKinds(TomlTable& table, const toml::table& raw, RuleKind kind) {
  auto reject = [&](const char* key, const std::string& message) {
    if (!raw.contains(key)) return;
    table.Node(key);
    table.file().Error(table.diagnostics(), table.PosOfKey(key), message);
  };
  if (kind != RuleKind::kCap) {
    reject("target", "only caps take 'target'");
    reject("max", "only caps take 'max'");
  }
  if (kind != RuleKind::kRequire) reject("evidence", "only require rules take a list of 'evidence'");
  if (kind == RuleKind::kRequire) {
    reject("missing", "a require rule already fails when a key is missing; it takes no 'missing'");
  }
}

void ParseMissing(TomlTable& table, RuleDraft& draft) {
  draft.rule.missing = draft.rule.kind == RuleKind::kGate || draft.rule.kind == RuleKind::kRequire
                           ? MissingPolicy::kFail
                           : MissingPolicy::kSkip;
  if (draft.rule.kind == RuleKind::kRequire) return;
  auto missing = table.Text("missing");
  if (!missing) return;
  if (*missing == "fail") {
    draft.rule.missing = MissingPolicy::kFail;
  } else if (*missing == "skip") {
    draft.rule.missing = MissingPolicy::kSkip;
  } else {
    table.file().Error(table.diagnostics(), table.PosOfValue("missing"),
                       "missing should be \"fail\" or \"skip\", not \"" + *missing + "\"" +
                           DidYouMean(*missing, {"fail", "skip"}));
  }
}

}  // namespace

void ParseRules(const toml::table& document, const SourceFile& file, Diagnostics& diagnostics,
                std::vector<RuleDraft>& out) {
  for (const toml::table* rule_table : TablesOf(document, "rule", file, diagnostics)) {
    TomlTable table(*rule_table, file, diagnostics, "[[rule]]");
    RuleDraft draft;
    auto id = table.Text("id", true);
    draft.rule.pos = id ? table.PosOfKey("id") : table.pos();
    if (id) table.set_what("rule '" + *id + "'");
    auto kind = ParseKind(table);
    draft.rule.because = table.Text("because").value_or("");
    draft.rule.source = table.Text("source").value_or("");
    if (kind) {
      draft.rule.kind = *kind;
      ParseCondition(table, *rule_table, draft);
      if (*kind == RuleKind::kRequire) ParseRequired(table, draft);
      if (*kind == RuleKind::kCap) ParseCap(table, draft);
      RejectKeysOfOtherKinds(table, *rule_table, *kind);
      ParseMissing(table, draft);
    } else {
      for (const char* key : {"pass_if", "when", "evidence", "target", "max", "missing"}) {
        table.Node(key);
      }
    }
    table.RejectUnknownKeys();
    if (!id || !kind) continue;
    draft.rule.id = *id;
    out.push_back(std::move(draft));
  }
}

}  // namespace weighbridge
