// `weighbridge feedback PATH --member M [-o FILE] [--allow-incomplete]`: what one member's voice
// did, in plain words, for them to read.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/feedback.h"

namespace weighbridge::cli {
namespace {

struct FeedbackArgs {
  std::string path;
  std::string member;
  std::string output;
  bool allow_incomplete = false;
};

int RunFeedback(const FeedbackArgs& args) {
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  const Decision decision = Evaluate(*procurement);
  const Feedback feedback = RenderFeedback(*procurement, decision, args.member);
  if (!feedback.found) {
    std::cerr << "weighbridge: error: " << feedback.error << "\nnothing was written\n";
    return kExitBadInput;
  }
  return WriteOutput(args.output, feedback.text) ? kExitOk : kExitIo;
}

}  // namespace

void AddFeedbackCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<FeedbackArgs>();
  CLI::App* command = app.add_subcommand(
      "feedback", "Show one panel member, in plain words, what their weights did");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("--member", args->member, "The member's id, as in panel.toml")->required();
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0, as evaluate does");
  command->callback([args, &run] { run = [args] { return RunFeedback(*args); }; });
}

}  // namespace weighbridge::cli
