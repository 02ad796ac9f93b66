// `weighbridge scores DIR --as E`: blind scoring. Shows evaluator E their
// own scores and, for each candidate, the other evaluators' only once E has
// scored every criterion they are to score for it. Never costs or price.
#include <iostream>

#include "cli/framework_dirs.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"
#include "weighbridge/blind_scores.h"

namespace weighbridge::cli {
namespace {

struct ScoresArgs {
  std::string dir;
  std::string as;
};

std::string Joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

void PrintScore(const Score& score, bool with_evaluator) {
  std::cout << "    " << (with_evaluator ? score.evaluator + " " : "") << score.criterion << ": "
            << TomlNumber(score.value);
  if (!score.rationale.empty()) std::cout << " (" << score.rationale << ")";
  std::cout << "\n";
}

void PrintCandidate(const BlindCandidate& candidate) {
  std::cout << "\n" << candidate.name << " (" << candidate.id << ")\n";
  if (candidate.own.empty()) {
    std::cout << "  your scores: none yet\n";
  } else {
    std::cout << "  your scores:\n";
    for (const Score& score : candidate.own) PrintScore(score, false);
  }
  if (!candidate.to_do.empty()) {
    std::size_t n = candidate.to_do.size();
    std::cout << "  " << n << (n == 1 ? " criterion is" : " criteria are")
              << " still yours to score (" << Joined(candidate.to_do)
              << "); the other evaluators' scores are shown once you have scored "
              << (n == 1 ? "it" : "them") << "\n";
  } else if (candidate.others.empty()) {
    std::cout << "  other evaluators' scores: none\n";
  } else {
    std::cout << "  other evaluators' scores:\n";
    for (const Score& score : candidate.others) PrintScore(score, true);
  }
}

int RunScores(const ScoresArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = true;  // scoring is under way
  ProcurementLoad load;
  WorkspaceStatus status = workspace->LoadInputs(options, load);
  status.diagnostics.Append(load.diagnostics);
  exit_code = ReportStatus(status);
  if (!load.procurement) return exit_code == kExitOk ? kExitBadInput : exit_code;
  BlindScores view = ScoresSeenBy(*load.procurement, args.as);
  std::cout << "Scores seen by " << view.evaluator << ", who is to score "
            << (view.assigned ? Joined(view.criteria) + " (their assignment)"
                              : "every criterion scored by evaluators")
            << "\n";
  for (const BlindCandidate& candidate : view.candidates) PrintCandidate(candidate);
  return kExitOk;
}

}  // namespace

void AddScoresCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ScoresArgs>();
  CLI::App* command = app.add_subcommand(
      "scores", "Show an evaluator their own scores, and others' once they have scored");
  command->footer(
      "Blind scoring: for each candidate, the other evaluators' scores are shown only once you\n"
      "have scored every criterion assigned to you (every one scored by evaluators when you\n"
      "have no [[assignment]]). Costs, price and price scores are never shown here.");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--as", args->as, "The evaluator's id")->required();
  command->callback([args, &run] { run = [args] { return RunScores(*args); }; });
}

}  // namespace weighbridge::cli
