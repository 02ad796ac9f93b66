#include "engine/weigh/coproduction.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include <fmt/core.h>

namespace weighbridge {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool HasAny(const std::string& text, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return text.find(w) != std::string::npos; });
}

std::string NodeInWords(const CriteriaTree& tree, const std::string& node) {
  if (node == kRootId) return "the top-level criteria";
  const Criterion* c = tree.Find(node);
  return "the criteria under " + (c && !c->title.empty() ? c->title : node);
}

std::string GroupName(const Group& group) {
  return group.title.empty() || group.title == group.id ? group.id
                                                       : group.title + " (" + group.id + ")";
}

// Each role's groups, and whether any of their members judged anything.
void RoleWarnings(const Panel& panel, GroupRole role, const char* kind, const char* people,
                  std::vector<PanelWarning>& out) {
  std::vector<const Group*> groups;
  for (const Group& g : panel.groups) {
    if (RoleOf(g) == role) groups.push_back(&g);
  }
  const std::string name = kind;
  if (groups.empty()) {
    out.push_back({"no-" + name,
                   fmt::format("No group on the panel is recognised as {}, so the report cannot "
                               "show that their view shaped the weights; if they are on the "
                               "panel, give their group role = \"{}\" in panel.toml",
                               people, name)});
    return;
  }
  std::map<std::string, std::string> group_of;
  for (const Member& m : panel.members) group_of[m.id] = m.group;
  for (const Group* g : groups) {
    const bool spoke = std::any_of(panel.judgements.begin(), panel.judgements.end(),
                                   [&](const Judgement& j) { return group_of[j.member] == g->id; });
    if (!spoke) {
      out.push_back({name + "-silent",
                     fmt::format("{} gave no judgements, so the weights do not include the view "
                                 "of {}",
                                 GroupName(*g), people)});
    }
  }
}

}  // namespace

GroupRole RoleOf(const Group& group) {
  if (group.role != GroupRole::kUnset) return group.role;
  const std::string id = Lower(group.id);
  const std::string text = id + " " + Lower(group.title);
  if (id == "ebe" || id.starts_with("ebe-") || id.starts_with("ebe_") ||
      HasAny(text, {"by experience", "lived experience", "people who draw on", "people who use",
                    "service user", "carer"})) {
    return GroupRole::kExpertsByExperience;
  }
  if (HasAny(text, {"practitioner", "practice", "social work", "occupational therap", "frontline",
                    "front-line", "front line", "care worker", "nurse", "therapist"})) {
    return GroupRole::kPractitioners;
  }
  if (HasAny(text, {"commission", "procurement"})) return GroupRole::kCommissioners;
  return GroupRole::kOther;
}

const char* RoleName(GroupRole role) {
  switch (role) {
    case GroupRole::kExpertsByExperience: return "experts by experience";
    case GroupRole::kPractitioners: return "practitioners";
    case GroupRole::kCommissioners: return "commissioners";
    default: return "other";
  }
}

std::vector<GroupTurnout> Turnout(const Panel& panel) {
  std::vector<GroupTurnout> out;
  for (const Group& group : panel.groups) {
    GroupTurnout t{group.id, RoleName(RoleOf(group)), 0, 0, {}};
    for (const Member& m : panel.members) {
      if (m.group != group.id) continue;
      ++t.members;
      t.judged += std::any_of(panel.judgements.begin(), panel.judgements.end(),
                              [&](const Judgement& j) { return j.member == m.id; });
      if (!m.name.empty()) t.names.push_back(m.name);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<PanelWarning> CoproductionWarnings(const CriteriaTree& tree, const Panel& panel,
                                               const PanelWeights& weights) {
  std::vector<PanelWarning> out;
  RoleWarnings(panel, GroupRole::kExpertsByExperience, "experts-by-experience",
               "experts by experience (people who draw on care and support)", out);
  RoleWarnings(panel, GroupRole::kPractitioners, "practitioners", "practitioners", out);
  for (const Group& g : panel.groups) {
    if (g.weight == 0) {
      out.push_back({"group-weight-zero",
                     GroupName(g) + " has weight 0, so its members' judgements count for nothing "
                                    "in the panel's weights"});
    }
  }
  // A member's nominal share of a node: their group's share among the groups
  // counted there, divided among the group's counted members. (Under the
  // geometric or judgements options a share is not exactly this, but it is
  // how much say each person was given.)
  std::map<std::string, std::vector<std::string>> heavy;  // member -> phrases, tree order
  std::vector<std::string> order;
  for (const std::string& node : tree.WeighedNodes()) {
    if (tree.Children(node).size() < 2) continue;
    std::map<std::string, int> counted;  // group -> members counted
    for (const AnalysedJudgement& a : weights.judgements) {
      if (a.judgement->parent == node && !a.excluded) ++counted[a.group];
    }
    double total = 0;
    for (const Group& g : panel.groups) total += counted.count(g.id) ? g.weight : 0;
    if (total <= 0) continue;
    for (const AnalysedJudgement& a : weights.judgements) {
      if (a.judgement->parent != node || a.excluded) continue;
      double group_weight = 0;
      for (const Group& g : panel.groups) {
        if (g.id == a.group) group_weight = g.weight;
      }
      const double share = group_weight / total / counted[a.group];
      if (share <= 0.5) continue;
      const std::string& member = a.judgement->member;
      if (!heavy.count(member)) order.push_back(member);
      heavy[member].push_back(fmt::format("{:.0f}% of {}", share * 100, NodeInWords(tree, node)));
    }
  }
  for (const std::string& member : order) {
    std::string phrases;
    const auto& list = heavy[member];
    for (std::size_t i = 0; i < list.size(); ++i) {
      phrases += (i == 0 ? "" : i + 1 == list.size() ? " and " : ", ") + list[i];
    }
    out.push_back({"one-voice", fmt::format("One person, {}, carries {}: more than half, so one "
                                            "person's view decides {}",
                                            member, phrases, list.size() == 1 ? "it" : "them")});
  }
  return out;
}

}  // namespace weighbridge
