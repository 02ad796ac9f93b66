#include "engine/load/panel_csv.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/core.h>

#include "engine/load/judgement_checks.h"
#include "engine/load/suggest.h"
#include "weighbridge/csv_line.h"

namespace weighbridge {
namespace {

constexpr std::array<const char*, 6> kColumns = {"member", "group",  "parent",
                                                 "method", "item", "value"};

using Field = CsvField;

std::string_view TrimmedView(std::string_view text) {
  std::size_t a = text.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  std::size_t b = text.find_last_not_of(" \t");
  return text.substr(a, b - a + 1);
}

std::string Trimmed(std::string_view text) { return std::string(TrimmedView(text)); }

// The position of a column's name in kColumns.
constexpr std::size_t ColumnIndex(std::string_view name) {
  std::size_t k = 0;
  while (k < kColumns.size() && name != kColumns[k]) ++k;
  return k;
}

// The rows of one judgement, in file order.
struct Draft {
  Judgement judgement;
  WeighMethod method = WeighMethod::kPoints;
  std::map<std::string, int> items;      // item -> line, for repeats
  std::map<double, std::vector<std::pair<std::string, SourcePos>>> places;  // rank: position -> items
  bool broken = false;                   // a row was refused: skip the whole-judgement checks
};

class CsvReader {
 public:
  CsvReader(const SourceFile& file, const CriteriaTree* tree, Diagnostics& diagnostics,
            Panel& panel)
      : file_(file), tree_(tree), diagnostics_(diagnostics), panel_(panel) {
    for (const Group& g : panel_.groups) groups_.push_back(g.id);
    for (const Member& m : panel_.members) group_of_[m.id] = m.group;
    for (const Judgement& j : panel_.judgements) toml_judged_[{j.member, j.parent}] = j.pos.line;
  }

  void Read() {
    const std::string& text = file_.text();
    std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a spreadsheet's BOM
    int line_number = 0;
    bool header_seen = false;
    std::vector<Field> fields;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_number;
      start = end + 1;
      if (TrimmedView(line).empty()) {
        if (end == text.size()) break;
        continue;
      }
      std::string problem;
      int at = 1;
      if (!SplitCsvLine(line, fields, problem, at)) {
        file_.Error(diagnostics_, line_number, at, problem);
      } else if (!header_seen) {
        header_seen = true;
        if (!Header(fields, line_number)) return;
      } else {
        Row(fields, line_number);
      }
      if (end == text.size()) break;
    }
    if (!header_seen) {
      file_.Error(diagnostics_, 1, 1,
                  "panel.csv is empty; its first line should be member,group,parent,method,item,value");
      return;
    }
    Finish();
  }

 private:
  // The header names the six columns, in any order, once each.
  bool Header(const std::vector<Field>& fields, int line) {
    std::vector<std::string> names(kColumns.begin(), kColumns.end());
    std::set<std::string> seen;
    bool ok = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string name = Trimmed(fields[i].text);
      auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end()) {
        file_.Error(diagnostics_, line, fields[i].column,
                    "unknown column '" + name + "'; the columns are member, group, parent, method, "
                    "item and value" + DidYouMean(name, names));
        ok = false;
      } else if (!seen.insert(name).second) {
        file_.Error(diagnostics_, line, fields[i].column, "the column '" + name + "' is there twice");
        ok = false;
      } else {
        index_[ColumnIndex(name)] = i;
      }
    }
    for (const std::string& name : names) {
      if (!seen.count(name) && ok) {
        file_.Error(diagnostics_, line, 1,
                    "the first line has no column '" + name +
                        "'; it should name member, group, parent, method, item and value");
        ok = false;
      }
    }
    return ok;
  }

  const Field& Get(const std::vector<Field>& fields, const char* column) const {
    return fields[index_[ColumnIndex(column)]];
  }

  SourcePos Pos(int line, const Field& field) const { return file_.Pos(line, field.column); }

  void Row(const std::vector<Field>& fields, int line) {
    if (fields.size() != kColumns.size()) {
      const int column = fields.size() > kColumns.size() ? fields[kColumns.size()].column : 1;
      file_.Error(diagnostics_, line, column,
                  fmt::format("this row has {} values; each row needs 6: member, group, parent, "
                              "method, item, value",
                              fields.size()));
      return;
    }
    const Field& member = Get(fields, "member");
    const Field& group = Get(fields, "group");
    const Field& parent = Get(fields, "parent");
    const Field& method = Get(fields, "method");
    const std::string member_id = Trimmed(member.text);
    const std::string group_id = Trimmed(group.text);
    std::string parent_id = Trimmed(parent.text);
    // With a price share the panel weighs quality's children; "root" means
    // them, as in panel.toml.
    if (parent_id == kRootId && tree_ && tree_->Find(kQualityId)) parent_id = kQualityId;
    for (const Field* f : {&member, &group, &parent, &method, &Get(fields, "item"),
                           &Get(fields, "value")}) {
      if (TrimmedView(f->text).empty()) {
        file_.Error(diagnostics_, line, f->column, "this value is empty; every row needs all six");
        return;
      }
    }
    // A refused row leaves its judgement incomplete: its other checks would
    // only repeat the mistake, so the judgement is skipped.
    auto refuse = [&] { failed_.insert({member_id, parent_id}); };
    // A member's rows come one after another: a pair already accepted stays
    // accepted (members and groups are only ever added), so it is not
    // looked up again.
    if (member_id != last_member_ || group_id != last_group_) {
      if (!MemberInGroup(member_id, group_id, line, member, group)) return refuse();
      last_member_ = member_id;
      last_group_ = group_id;
    }
    if (!ParentIsBranch(parent_id, line, parent)) return refuse();
    auto how = Method(Trimmed(method.text), line, method);
    if (!how) return refuse();
    Draft& draft = DraftFor(member_id, parent_id, *how, line, member);
    if (draft.method != *how) {
      file_.Error(diagnostics_, line, method.column,
                  fmt::format("member '{}' weighs '{}' by {} at line {}; one judgement uses one "
                              "method",
                              member_id, parent_id, WeighMethodName(draft.method),
                              draft.judgement.pos.line));
      draft.broken = true;
      return;
    }
    Value(draft, fields, line);
  }

  bool MemberInGroup(const std::string& member, const std::string& group, int line,
                     const Field& member_field, const Field& group_field) {
    if (std::find(groups_.begin(), groups_.end(), group) == groups_.end()) {
      file_.Error(diagnostics_, line, group_field.column,
                  "group '" + group + "' is not declared in panel.toml's [[group]]" +
                      DidYouMean(group, groups_));
      return false;
    }
    auto known = group_of_.find(member);
    if (known == group_of_.end()) {
      // A member first met here is declared by their rows.
      group_of_[member] = group;
      panel_.members.push_back({member, group, "", Pos(line, member_field)});
      return true;
    }
    if (known->second != group) {
      file_.Error(diagnostics_, line, group_field.column,
                  "member '" + member + "' is in group '" + known->second + "', not '" + group + "'");
      return false;
    }
    return true;
  }

  bool ParentIsBranch(const std::string& parent, int line, const Field& field) {
    if (!tree_ || parent == kRootId || (tree_->Find(parent) && !tree_->IsLeaf(parent))) return true;
    file_.Error(diagnostics_, line, field.column,
                tree_->Find(parent)
                    ? "'" + parent + "' has no sub-criteria, so there is nothing under it to weigh"
                    : "parent '" + parent + "' is not a criterion" +
                          DidYouMean(parent, tree_->WeighedNodes()));
    return false;
  }

  std::optional<WeighMethod> Method(const std::string& name, int line, const Field& field) {
    for (WeighMethod m : {WeighMethod::kPairwise, WeighMethod::kPoints, WeighMethod::kRank,
                          WeighMethod::kSwing, WeighMethod::kDirect}) {
      if (name == WeighMethodName(m)) return m;
    }
    file_.Error(diagnostics_, line, field.column,
                "method '" + name + "' is not one of pairwise, points, rank, swing, direct" +
                    DidYouMean(name, {"pairwise", "points", "rank", "swing", "direct"}));
    return std::nullopt;
  }

  Draft& DraftFor(const std::string& member, const std::string& parent, WeighMethod method,
                  int line, const Field& member_field) {
    if (last_draft_ && last_draft_->judgement.member == member &&
        last_draft_->judgement.parent == parent) {
      return *last_draft_;
    }
    auto key = std::pair{member, parent};
    auto it = drafts_.find(key);
    if (it != drafts_.end()) return *(last_draft_ = &it->second);
    Draft& draft = drafts_[key];
    last_draft_ = &draft;
    order_.push_back(key);
    draft.method = method;
    draft.judgement.member = member;
    draft.judgement.parent = parent;
    draft.judgement.method = method;
    draft.judgement.pos = Pos(line, member_field);
    if (auto toml = toml_judged_.find(key); toml != toml_judged_.end()) {
      file_.Error(diagnostics_, line, member_field.column,
                  fmt::format("member '{}' already weighs '{}' in panel.toml (line {}); give each "
                              "judgement once, in one file",
                              member, parent, toml->second));
      draft.broken = true;
    }
    return draft;
  }

  const std::vector<std::string>* Children(const Draft& draft) const {
    return tree_ ? &tree_->Children(draft.judgement.parent) : nullptr;
  }

  void Value(Draft& draft, const std::vector<Field>& fields, int line) {
    const Field& item = Get(fields, "item");
    const Field& value = Get(fields, "value");
    const std::string id = Trimmed(item.text);
    const std::string text = Trimmed(value.text);
    auto [repeat, fresh] = draft.items.emplace(id, line);
    if (!fresh) {
      file_.Error(diagnostics_, line, item.column,
                  fmt::format("'{}' is given twice for member '{}' on '{}' (first at line {})", id,
                              draft.judgement.member, draft.judgement.parent, repeat->second));
      draft.broken = true;
      return;
    }
    const std::optional<double> number = ParseRatio(text);
    if (!number || (draft.method != WeighMethod::kPairwise && text.find('/') != std::string::npos)) {
      file_.Error(diagnostics_, line, value.column,
                  draft.method == WeighMethod::kPairwise
                      ? "'" + text + "' is not a number; write a comparison as 3, 0.5 or 1/3"
                      : "'" + text + "' is not a number");
      draft.broken = true;
      return;
    }
    switch (draft.method) {
      case WeighMethod::kPairwise: {
        WrittenPair pair{id, Pos(line, item), *number, Pos(line, value)};
        if (!AddPair(pair, Children(draft), file_, diagnostics_, draft.judgement)) draft.broken = true;
        return;
      }
      case WeighMethod::kRank: {
        if (*number < 1 || *number != std::floor(*number)) {
          file_.Error(diagnostics_, line, value.column,
                      "a place in the order is a whole number from 1 (the most important); "
                      "criteria with the same number tie");
          draft.broken = true;
          return;
        }
        if (!IsChild(draft, id, line, item)) return;
        draft.places[*number].emplace_back(id, Pos(line, item));
        return;
      }
      default: {
        if (!IsChild(draft, id, line, item)) return;
        if (*number < 0) {
          file_.Error(diagnostics_, line, value.column,
                      fmt::format("the value for '{}' cannot be negative (it is {})", id, *number));
          draft.broken = true;
          return;
        }
        draft.judgement.values[id] = *number;
      }
    }
  }

  bool IsChild(Draft& draft, const std::string& id, int line, const Field& item) {
    const std::vector<std::string>* children = Children(draft);
    if (!children || std::find(children->begin(), children->end(), id) != children->end()) {
      return true;
    }
    file_.Error(diagnostics_, line, item.column,
                NotAChildMessage(id, draft.judgement.parent, *children));
    draft.broken = true;
    return false;
  }

  // The checks that need all of a judgement's rows, then the judgement.
  void Finish() {
    for (const auto& key : order_) {
      Draft& draft = drafts_.at(key);
      if (draft.broken || failed_.count(key)) continue;
      Judgement& j = draft.judgement;
      const std::vector<std::string>* children = Children(draft);
      bool ok = true;
      switch (draft.method) {
        case WeighMethod::kPairwise:
          ok = !children || CheckPairsLinked(j, *children, j.pos, file_, diagnostics_);
          break;
        case WeighMethod::kRank: {
          std::size_t place = 0;
          for (const auto& [position, items] : draft.places) {
            for (const auto& [id, pos] : items) {
              ok = AddToOrder(id, place, pos, children, file_, diagnostics_, j) && ok;
            }
            ++place;
          }
          ok = ok && (!children || CheckOrderComplete(j, *children, j.pos, file_, diagnostics_));
          break;
        }
        case WeighMethod::kSwing:
          ok = CheckSwing(j, j.pos, file_, diagnostics_);
          break;
        default:
          ok = std::any_of(j.values.begin(), j.values.end(), [](const auto& kv) { return kv.second > 0; });
          if (!ok) {
            file_.Error(diagnostics_, j.pos,
                        fmt::format("member '{}' gave every criterion under '{}' 0, so there is "
                                    "nothing to share out; give at least one a value above 0",
                                    j.member, j.parent));
          }
      }
      if (ok) panel_.judgements.push_back(std::move(j));
    }
  }

  const SourceFile& file_;
  const CriteriaTree* tree_;
  Diagnostics& diagnostics_;
  Panel& panel_;
  std::array<std::size_t, kColumns.size()> index_{};  // kColumns[k] is at index_[k]
  std::vector<std::string> groups_;
  std::map<std::string, std::string> group_of_;
  std::map<std::pair<std::string, std::string>, int> toml_judged_;  // (member, parent) -> line
  std::map<std::pair<std::string, std::string>, Draft> drafts_;
  std::vector<std::pair<std::string, std::string>> order_;  // drafts in order of first row
  std::set<std::pair<std::string, std::string>> failed_;    // judgements with a refused row
  // The last row's member and group, accepted together, and its draft (map
  // nodes do not move): consecutive rows of one judgement skip the lookups.
  std::string last_member_;
  std::string last_group_;
  Draft* last_draft_ = nullptr;
};

}  // namespace

void ParsePanelCsv(const SourceFile& file, const CriteriaTree* tree, Diagnostics& diagnostics,
                   Panel& panel) {
  CsvReader(file, tree, diagnostics, panel).Read();
}

}  // namespace weighbridge
