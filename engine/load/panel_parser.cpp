#include "engine/load/panel_parser.h"

#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "engine/load/toml_document.h"
#include "engine/load/judgement_parser.h"
#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"

namespace weighbridge {
namespace {

// Reports a repeated id, remembering where each was first given.
bool IsRepeat(std::map<std::string, SourcePos>& seen, const std::string& id, const SourcePos& pos,
              const std::string& what, const SourceFile& file, Diagnostics& diagnostics) {
  auto [it, inserted] = seen.emplace(id, pos);
  if (inserted) return false;
  file.Error(diagnostics, pos, fmt::format("{} '{}' is declared twice (first at line {})", what, id,
                                           it->second.line));
  return true;
}

// `role`: who the group speaks for, for the co-production checks.
void ParseRole(TomlTable& table, Group& group) {
  auto role = table.Text("role");
  if (!role) return;
  const std::vector<std::string> roles = {"experts-by-experience", "practitioners", "commissioners",
                                          "other"};
  const GroupRole values[] = {GroupRole::kExpertsByExperience, GroupRole::kPractitioners,
                              GroupRole::kCommissioners, GroupRole::kOther};
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (*role == roles[i]) {
      group.role = values[i];
      return;
    }
  }
  table.file().Error(table.diagnostics(), table.PosOfValue("role"),
                     "role '" + *role +
                         "' is not one of experts-by-experience, practitioners, commissioners, "
                         "other" + DidYouMean(*role, roles));
}

void ParseGroups(const toml::table& document, const SourceFile& file, Diagnostics& diagnostics,
                 Panel& panel) {
  std::map<std::string, SourcePos> seen;
  for (const toml::table* group_table : TablesOf(document, "group", file, diagnostics)) {
    TomlTable table(*group_table, file, diagnostics, "[[group]]");
    Group group;
    auto id = table.Text("id", true);
    group.pos = id ? table.PosOfKey("id") : table.pos();
    group.title = table.Text("title").value_or("");
    group.weight_pos = table.PosOfValue("weight");
    if (auto weight = table.Number("weight")) {
      if (*weight < 0) {
        file.Error(diagnostics, table.PosOfValue("weight"), "a group's weight cannot be negative");
      } else {
        group.weight = *weight;
      }
    }
    ParseRole(table, group);
    group.method = ParseWeighMethod(table, false);
    table.RejectUnknownKeys();
    if (!id || IsRepeat(seen, *id, group.pos, "group", file, diagnostics)) continue;
    group.id = *id;
    if (group.title.empty()) group.title = group.id;
    panel.groups.push_back(group);
  }
  bool any_weight = panel.groups.empty();
  for (const Group& group : panel.groups) any_weight = any_weight || group.weight > 0;
  if (!any_weight) {
    file.Error(diagnostics, panel.groups.front().weight_pos,
               "every group has weight 0, so nobody's judgements would count; give at least one "
               "group a weight above 0");
  }
}

void ParseMembers(const toml::table& document, const SourceFile& file, Diagnostics& diagnostics,
                  Panel& panel) {
  std::map<std::string, SourcePos> seen;
  std::vector<std::string> group_ids;
  for (const Group& group : panel.groups) group_ids.push_back(group.id);
  for (const toml::table* member_table : TablesOf(document, "member", file, diagnostics)) {
    TomlTable table(*member_table, file, diagnostics, "[[member]]");
    Member member;
    auto id = table.Text("id", true);
    member.pos = id ? table.PosOfKey("id") : table.pos();
    auto group = table.Text("group", true);
    member.name = table.Text("name").value_or("");
    table.RejectUnknownKeys();
    // A member whose group is unknown is still a member: their judgements
    // are checked as usual, so one mistake gives one message.
    if (group && std::find(group_ids.begin(), group_ids.end(), *group) == group_ids.end()) {
      file.Error(diagnostics, table.PosOfValue("group"),
                 "group '" + *group + "' is not declared in [[group]]" + DidYouMean(*group, group_ids));
    }
    if (!id || !group || IsRepeat(seen, *id, member.pos, "member", file, diagnostics)) continue;
    member.id = *id;
    member.group = *group;
    panel.members.push_back(member);
  }
}

}  // namespace

Panel ParsePanel(const SourceFile& file, const CriteriaTree* tree, Diagnostics& diagnostics) {
  Panel panel;
  auto document = ParseToml(file, diagnostics);
  if (!document) return panel;
  TomlTable root(*document, file, diagnostics, "panel.toml");
  root.Node("group");
  root.Node("member");
  root.Node("judgement");
  root.RejectUnknownKeys();
  ParseGroups(*document, file, diagnostics, panel);
  ParseMembers(*document, file, diagnostics, panel);
  ParseJudgements(*document, file, tree, diagnostics, panel);
  return panel;
}

}  // namespace weighbridge
