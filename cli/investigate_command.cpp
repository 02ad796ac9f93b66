// `weighbridge investigate DIR --candidate C --outcome accepted|rejected
// --note TEXT`: records what the authority found when it asked the supplier
// of a bid flagged abnormally low to show it can do the work at that price
// (Procurement Act 2023, section 19). A rejected bid is excluded with it.
#include <iostream>

#include "cli/framework_dirs.h"
#include "cli/record_submission.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"
#include "weighbridge/evaluate.h"

namespace weighbridge::cli {
namespace {

// The ground a rejected abnormally low bid is excluded on.
constexpr const char* kRejectedGround = "Abnormally low bid rejected after investigation";

struct InvestigateArgs {
  std::string dir;
  std::string candidate;
  std::string outcome;
  std::string note;
  std::string by;
};

// Whether the workspace's latest inputs flag the candidate's bid as
// abnormally low. Nothing, after printing why, when they do not load.
std::optional<bool> FlaggedLow(Workspace& workspace, const std::string& id, int& exit_code) {
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = true;  // a bid may be questioned before scoring ends
  ProcurementLoad load;
  WorkspaceStatus status = workspace.LoadInputs(options, load);
  status.diagnostics.Append(load.diagnostics);
  exit_code = ReportStatus(status);
  if (!load.procurement) return std::nullopt;
  EvaluateOptions evaluate;
  evaluate.sensitivity.enabled = false;  // only the cost flags are wanted
  Decision decision = Evaluate(*load.procurement, evaluate);
  for (const CandidateResult& candidate : decision.candidates) {
    if (candidate.id != id || !candidate.cost) continue;
    for (const CostFlag& flag : candidate.cost->flags) {
      if (flag.flag == "abnormally-low") return true;
    }
  }
  return false;
}

int RunInvestigate(const InvestigateArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  if (workspace->LatestToml("candidate", args.candidate)) {
    std::optional<bool> flagged = FlaggedLow(*workspace, args.candidate, exit_code);
    if (!flagged) return exit_code == kExitOk ? kExitBadInput : exit_code;
    if (!*flagged) {
      std::cerr << "weighbridge: " << args.candidate
                << "'s bid is not flagged as abnormally low, so there is no investigation to "
                   "record; to exclude it for another reason, use weighbridge exclude. Nothing "
                   "was written\n";
      return kExitBadInput;
    }
  }
  std::string tables = "[candidate.low_bid_investigation]\noutcome = " + TomlString(args.outcome) +
                       "\nnote = " + TomlString(args.note) + "\n";
  nlohmann::json candidate = LatestTables(*workspace, "candidate", args.candidate, "candidate");
  bool excluded = !candidate.empty() && candidate.back().contains("exclusion");
  if (args.outcome == "rejected" && !excluded) {
    tables += "\n[candidate.exclusion]\nground = " + TomlString(kRejectedGround) +
              "\nreason = " + TomlString(args.note) + "\n";
  }
  if (int code = AddToCandidate(*workspace, args.candidate, "low_bid_investigation", tables,
                                "(investigate)", args.by)) {
    return code;
  }
  std::cout << "recorded the investigation of " << args.candidate << "'s low bid: "
            << (args.outcome == "accepted" ? "accepted; its flag now says so"
                : excluded                 ? "rejected; the bid was excluded already, and stays so"
                                           : "rejected; the bid is excluded on the ground \"" +
                                 std::string(kRejectedGround) + "\"")
            << "\n";
  return kExitOk;
}

}  // namespace

void AddInvestigateCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<InvestigateArgs>();
  CLI::App* command = app.add_subcommand(
      "investigate", "Record the outcome of investigating a bid flagged as abnormally low");
  command->footer(
      "accepted: the bid stays in, and its abnormally-low flag says it was investigated and "
      "accepted, with the note.\nrejected: the bid is excluded, on the ground \"" +
      std::string(kRejectedGround) + "\", with the note as the reason.");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--candidate", args->candidate, "The candidate whose bid was flagged")
      ->required();
  command->add_option("--outcome", args->outcome, "accepted or rejected")
      ->required()
      ->check(CLI::IsMember({"accepted", "rejected"}));
  command->add_option("--note", args->note, "What the supplier showed, and what was decided")
      ->required();
  command->add_option("--by", args->by, "Who records it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunInvestigate(*args); }; });
}

}  // namespace weighbridge::cli
