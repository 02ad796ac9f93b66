// `weighbridge score DIR --evaluator E --candidate C --criterion K --value V
// --rationale TEXT [--evidence-ref TEXT]`: records one score as a new version
// of the evaluator's scores, checked like an import.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/record_submission.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

struct ScoreArgs {
  std::string dir;
  std::string evaluator;
  std::string candidate;
  std::string criterion;
  double value = 0;
  std::string rationale;
  std::string evidence_ref;
  std::string by;
};

int RunScore(const ScoreArgs& args) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  nlohmann::json scores = LatestTables(*workspace, "scores", args.evaluator, "score");
  nlohmann::json entry = {{"evaluator", args.evaluator},
                          {"candidate", args.candidate},
                          {"criterion", args.criterion},
                          {"value", args.value},
                          {"rationale", args.rationale}};
  if (!args.evidence_ref.empty()) entry["evidence_ref"] = args.evidence_ref;
  std::optional<double> was;
  bool replaced = false;
  for (nlohmann::json& score : scores) {
    if (score.value("candidate", "") == args.candidate &&
        score.value("criterion", "") == args.criterion) {
      if (score.contains("value") && score["value"].is_number()) was = score["value"].get<double>();
      score = entry;
      replaced = true;
    }
  }
  if (!replaced) scores.push_back(entry);
  std::optional<std::string> text = TomlTables("score", scores);
  if (!text) {
    std::cerr << "weighbridge: " << args.evaluator
              << "'s stored scores hold values this command cannot rewrite; import a corrected "
                 "scores file instead. Nothing was written\n";
    return kExitBadInput;
  }
  int changed = 0;
  if (int code = RecordText(*workspace, "(score)", *text, args.by, changed)) return code;
  if (changed == 0) {
    std::cout << "nothing changed: this score was recorded already\n";
    return kExitOk;
  }
  std::cout << "recorded " << args.evaluator << "'s score for " << args.candidate << " on "
            << args.criterion << ": " << TomlNumber(args.value)
            << (was ? " (was " + TomlNumber(*was) + ")" : "") << "\n";
  return kExitOk;
}

}  // namespace

void AddScoreCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* command = app.add_subcommand(
      "score", "Record one evaluator's score for one candidate on one criterion");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--evaluator", args->evaluator, "The evaluator's id")->required();
  command->add_option("--candidate", args->candidate, "The candidate's id")->required();
  command->add_option("--criterion", args->criterion, "A criterion assessed by judgement")
      ->required();
  command->add_option("--value", args->value, "The score, on the framework's scale")->required();
  command->add_option("--rationale", args->rationale, "Why this score")->required();
  command->add_option("--evidence-ref", args->evidence_ref, "Where in the bid the evidence is");
  command->add_option("--by", args->by, "Who records it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunScore(*args); }; });
}

}  // namespace weighbridge::cli
