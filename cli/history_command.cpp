// `weighbridge history DIR`
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct HistoryArgs {
  std::string dir;
};

// Who wrote an entry: the name and, to erase it by, the user id ("Jo Smith
// (user:1)"). A name erased already says so with the id; a workspace from
// before user ids stored the name itself.
std::string Author(const AuditEntry& entry) {
  if (entry.name.rfind(entry.who, 0) == 0) return entry.name;
  return entry.name + " (" + entry.who + ")";
}

// One line saying what an entry did, from its content. `people` names the
// user ids that wrote entries (a facilitator invited is one).
std::string Describe(const AuditEntry& entry, const std::map<std::string, std::string>& people) {
  nlohmann::json content = nlohmann::json::parse(entry.content, nullptr, false);
  if (!content.is_object()) return entry.what;
  if (entry.what == "import") {
    std::string subject = content.value("subject", "");
    return "import " + content.value("kind", "") + (subject.empty() ? "" : " '" + subject + "'") +
           " version " + std::to_string(content.value("version", 0)) + " from " +
           content.value("source_file", "");
  }
  if (entry.what == "remove") {
    std::string reason;
    if (content.contains("meaning") && content["meaning"].contains("withdrawn")) {
      reason = content["meaning"]["withdrawn"].value("reason", "");
    }
    return "remove " + content.value("kind", "") + " '" + content.value("subject", "") +
           "' (version " + std::to_string(content.value("version", 0)) + "): " + reason;
  }
  if (entry.what == "decision") return "decision " + std::to_string(content.value("number", 0));
  if (entry.what == "approve") {
    return "approve decision " + std::to_string(content.value("decision", 0)) + " (" +
           content.value("role", "") + ")";
  }
  if (entry.what == "declare") {
    const nlohmann::json interest = content.value("interest", nlohmann::json());
    return "declare " + content.value("person", "") + " (" + content.value("role", "") + "): " +
           (interest.is_string() ? "an interest in " + interest.get<std::string>()
                                 : std::string("no interests"));
  }
  if (entry.what == "erase") return "erase the personal data of " + content.value("person", "");
  if (entry.what == "invite") {
    const std::string role = content.value("role", "");
    const std::string person = content.value("person", "");
    auto named = people.find(person);
    return "invite the " + std::string(role == "member" ? "panel member" : role) + " " +
           (named == people.end() ? person : named->second) + " (invitation " +
           std::to_string(content.value("number", 0)) + ")";
  }
  if (entry.what == "revoke") {
    return "revoke invitation " + std::to_string(content.value("invitation", 0));
  }
  if (entry.what == "share") {
    return content.value("results", false)
               ? "share the results with the people taking part from a browser"
               : "stop sharing the results with the people taking part from a browser";
  }
  if (entry.what == "user") {
    return "a new user, " + content.value("person", "") + ": their name is kept apart, erasable";
  }
  return entry.what;
}

int RunHistory(const HistoryArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  std::vector<DecisionRecord> decisions = workspace->Decisions();
  std::cout << "Decisions\n";
  if (decisions.empty()) std::cout << "  none yet: weighbridge evaluate stores one\n";
  for (const DecisionRecord& d : decisions) {
    std::cout << "  " << d.number << "  " << d.at << "  by " << d.who << "  input "
              << d.input.input_hash << "  framework " << d.input.framework_id << " "
              << d.input.framework_version << "  head " << d.head_hash << "\n";
    if (d.approved_by) {
      std::cout << "     approved by " << *d.approved_by << " (" << *d.approved_role << ") at "
                << *d.approved_at << (d.approval_note->empty() ? "" : ": " + *d.approval_note)
                << "\n";
    } else if (d.input.unscored > 0 || d.input.moderation > 0) {
      std::cout << "     not ready to approve: " << d.input.unscored << " scores missing, "
                << d.input.moderation << " spreads needing moderation\n";
    }
  }
  std::vector<AuditEntry> entries = workspace->Entries();
  std::map<std::string, std::string> people;  // user id -> "Name (user:N)"
  for (const AuditEntry& entry : entries) people.emplace(entry.who, Author(entry));
  std::cout << "\nAudit log\n";
  for (const AuditEntry& entry : entries) {
    std::cout << "  " << entry.seq << "  " << entry.at << "  " << Author(entry) << "  "
              << Describe(entry, people) << "\n";
  }
  std::cout << "head " << (entries.empty() ? std::string(64, '0') : entries.back().hash) << "\n";
  return kExitOk;
}

}  // namespace

void AddHistoryCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<HistoryArgs>();
  CLI::App* command =
      app.add_subcommand("history", "List the workspace's decisions and its audit log");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->callback([args, &run] { run = [args] { return RunHistory(*args); }; });
}

}  // namespace weighbridge::cli
