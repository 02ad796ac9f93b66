// `weighbridge weigh DIR --member M --parent P --method METHOD --set KEY=VALUE
// ... [--group G] [--by NAME]`: records one panel member's judgement as a new
// version of their judgements, checked like an import.
#include <charconv>
#include <iostream>
#include <map>
#include <set>

#include "cli/record_submission.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct WeighArgs {
  std::string dir;
  std::string member;
  std::string parent;
  std::string method;
  std::vector<std::string> sets;  // KEY=VALUE, as typed
  std::string group;
  std::string by;
};

std::optional<double> ParseNumber(const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The key holding each method's values, as formats.md's [[judgement]] has it.
std::string ValuesKey(const std::string& method) {
  if (method == "direct") return "weights";
  if (method == "pairwise") return "pairs";
  if (method == "rank") return "order";
  return "points";
}

// Rank's places (1 the most important; equal places tie, as in panel.csv)
// as the `order` list: ids in order of place, an inner list for a tie.
nlohmann::json OrderFromPlaces(const std::map<std::string, double>& places) {
  std::map<double, std::vector<std::string>> by_place;
  for (const auto& [id, place] : places) by_place[place].push_back(id);
  nlohmann::json order = nlohmann::json::array();
  for (const auto& [place, ids] : by_place) {
    if (ids.size() == 1) {
      order.push_back(ids.front());
    } else {
      order.push_back(ids);
    }
  }
  return order;
}

// The judgement's values from the --set options; a mistake is printed and
// gives nothing. Whether each id is a child of the parent, and each value in
// range, is left to the loader, which says so at the line it would store.
std::optional<nlohmann::json> Values(const WeighArgs& args) {
  std::map<std::string, double> places;
  nlohmann::json values = nlohmann::json::object();
  for (const std::string& set : args.sets) {
    auto equals = set.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == set.size()) {
      std::cerr << "weighbridge: --set " << set
                << ": write a criterion and its value, e.g. --set rights=40"
                << (args.method == "pairwise" ? " or --set rights/interoperability=3" : "") << "\n";
      return std::nullopt;
    }
    std::string key = set.substr(0, equals);
    std::string text = set.substr(equals + 1);
    if (values.contains(key) || places.count(key)) {
      std::cerr << "weighbridge: --set " << key << " is given twice; give each once\n";
      return std::nullopt;
    }
    std::optional<double> number = ParseNumber(text);
    bool fraction = args.method == "pairwise" && text.find('/') != std::string::npos;
    if (!number && !fraction) {
      std::cerr << "weighbridge: --set " << set << ": the value must be a number"
                << (args.method == "pairwise" ? " or a fraction such as 1/3" : "") << "\n";
      return std::nullopt;
    }
    if (args.method == "rank") {
      if (*number < 1 || *number != static_cast<double>(static_cast<long long>(*number))) {
        std::cerr << "weighbridge: --set " << set
                  << ": for rank, give each criterion its place, a whole number from 1 (the most "
                     "important); criteria with the same place tie\n";
        return std::nullopt;
      }
      places[key] = *number;
    } else if (fraction) {
      values[key] = text;  // "1/3", as formats.md writes a fraction
    } else {
      values[key] = *number;
    }
  }
  if (args.sets.empty()) {
    std::cerr << "weighbridge: give the judgement's values with --set, e.g. --set rights=40\n";
    return std::nullopt;
  }
  return args.method == "rank" ? OrderFromPlaces(places) : values;
}

// The [[member]] table to add for a member not yet on the panel; "" for one
// who is. Nothing, after saying why, when the member cannot be recorded.
std::optional<std::string> MemberText(Workspace& workspace, const WeighArgs& args) {
  nlohmann::json members = LatestTables(workspace, "member", args.member, "member");
  if (!members.empty()) {
    std::string group = members.back().value("group", "");
    if (args.group.empty() || args.group == group) return std::string();
    std::cerr << "weighbridge: " << args.member << " is a member of group '" << group << "', not '"
              << args.group << "'; leave out --group, or import a corrected "
              << "panel file to move them. Nothing was written\n";
    return std::nullopt;
  }
  if (args.group.empty()) {
    std::cerr << "weighbridge: " << args.member
              << " is not a member of the panel; give --group GROUP to add them to a group, or "
                 "check the id. Nothing was written\n";
    return std::nullopt;
  }
  return TomlTables("member",
                    nlohmann::json::array({{{"id", args.member}, {"group", args.group}}}));
}

int RunWeigh(const WeighArgs& args) {
  std::optional<nlohmann::json> values = Values(args);
  if (!values) return kExitBadInput;
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  std::optional<std::string> member_text = MemberText(*workspace, args);
  if (!member_text) return kExitBadInput;

  nlohmann::json judgement = {{"member", args.member},
                              {"parent", args.parent},
                              {"method", args.method},
                              {ValuesKey(args.method), *values}};
  bool replaced = false;
  std::optional<std::string> text = JudgementsWith(*workspace, args.member, judgement, replaced);
  if (!text) {
    std::cerr << "weighbridge: " << args.member
              << "'s stored judgements hold values this command cannot rewrite; import a "
                 "corrected panel file instead. Nothing was written\n";
    return kExitBadInput;
  }
  int changed = 0;
  if (int code = RecordText(*workspace, "(weigh)", *member_text + *text, args.by, changed)) {
    return code;
  }
  if (changed == 0) {
    std::cout << "nothing changed: this judgement was recorded already\n";
    return kExitOk;
  }
  if (!member_text->empty()) {
    std::cout << "added " << args.member << " to the panel, in group " << args.group << "\n";
  }
  std::cout << "recorded " << args.member << "'s judgement of what matters most under "
            << args.parent << ", by " << args.method
            << (replaced ? " (it replaces their earlier one there)" : "") << "\n";
  return kExitOk;
}

}  // namespace

void AddWeighCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<WeighArgs>();
  CLI::App* command = app.add_subcommand(
      "weigh", "Record one panel member's weighting of the criteria under one node");
  command->footer(
      "Values, by method (docs/formats.md, [[judgement]]):\n"
      "  points, swing, direct  --set CRITERION=NUMBER   e.g. --set rights=40\n"
      "  pairwise               --set A/B=TIMES          e.g. --set rights/interoperability=3,\n"
      "                                                  or =1/3 when B matters 3 times as much\n"
      "  rank                   --set CRITERION=PLACE    1 the most important; equal places tie\n"
      "A member's new judgement on the same node replaces their earlier one, whose version is\n"
      "kept in the workspace.");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--member", args->member, "The panel member's id")->required();
  command
      ->add_option("--parent", args->parent,
                   "The node whose criteria are weighed: root, or a branch's id")
      ->required();
  command->add_option("--method", args->method, "How: points, swing, direct, rank or pairwise")
      ->required()
      ->check(CLI::IsMember({"points", "swing", "direct", "rank", "pairwise"}));
  command->add_option("--set", args->sets, "One value, KEY=VALUE (repeat for each criterion)");
  command->add_option("--group", args->group,
                      "The member's group, to add a member not yet on the panel");
  command->add_option("--by", args->by, "Who records it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunWeigh(*args); }; });
}

}  // namespace weighbridge::cli
