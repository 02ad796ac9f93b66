// `weighbridge report PATH --format markdown|html [-o FILE]`: the full
// justification report, for the people who sign, weigh and bid; with
// --decision-record, the record a senior manager signs; with --summaries DIR,
// the assessment summary each supplier is owed.
#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "cli/report_templates.h"
#include "cli/robustness_options.h"
#include "cli/stored_decision.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/html_report.h"
#include "weighbridge/reports.h"
#include "weighbridge/sign_off.h"

namespace weighbridge::cli {
namespace {

struct ReportArgs {
  std::string path;
  std::string format = "markdown";
  std::string output;
  std::string templates;  // --templates: a folder of the organisation's own, for html
  bool decision_record = false;  // --decision-record: the sign-off record, to -o
  std::string summaries;         // --summaries: the folder for the suppliers' summaries
  long long decision = 0;        // --decision: a decision stored in the workspace; 0: none
  bool allow_incomplete = false;
  SensitivityOptions sensitivity;  // --weights, --samples, --seed, --fixed-scores, --threads
};

// False, with the reason on stderr, for options that cannot go together: the
// decision record and the summaries are Markdown, and summaries go to their
// own folder, so -o alone would have nothing to receive.
bool OptionsFit(const ReportArgs& args) {
  const bool sign_off = args.decision_record || !args.summaries.empty();
  std::string problem;
  if (sign_off && args.format != "markdown") {
    problem = "--format: error: the decision record and the assessment summaries are written in "
              "Markdown only; leave out --format html";
  } else if (!args.summaries.empty() && !args.decision_record && !args.output.empty()) {
    problem = "-o: error: --summaries writes one file per supplier into its folder; -o goes with "
              "the report or with --decision-record";
  }
  const SensitivityOptions& s = args.sensitivity;
  if (problem.empty() && args.decision != 0 &&
      (args.allow_incomplete || s.weights || s.samples || s.seed || s.fixed_scores)) {
    problem = "--decision: error: a stored decision is made again with the options stored with "
              "it; leave out --allow-incomplete, --weights, --samples, --seed and --fixed-scores";
  }
  if (problem.empty()) return true;
  std::cerr << problem << "\nnothing was written\n";
  return false;
}

// Writes each supplier's summary into `folder` (made when missing), warning
// about missing supplier details without stopping. Each file is written
// whole or not at all; on a failure, the message says how many were written
// before it.
bool WriteSummaries(const std::string& folder, const std::vector<SupplierSummary>& summaries) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    std::cerr << folder << ": error: cannot make the folder for the summaries: " << error.message()
              << "\nnothing was written\n";
    return false;
  }
  for (const SupplierSummary& summary : summaries) {
    for (const std::string& warning : summary.warnings) std::cerr << "warning: " << warning << "\n";
  }
  std::size_t written = 0;
  for (const SupplierSummary& summary : summaries) {
    const std::string path = (std::filesystem::path(folder) / summary.file_name).string();
    if (!WriteOutput(path, summary.text)) {
      std::cerr << written << " of " << summaries.size() << " summaries were written before this\n";
      return false;
    }
    ++written;
  }
  std::cerr << "wrote " << written << (written == 1 ? " assessment summary" : " assessment summaries")
            << " in " << folder << "\n";
  return true;
}

int RunReport(const ReportArgs& args) {
  if (!OptionsFit(args)) return kExitBadInput;
  if (!args.templates.empty() && args.format != "html") {
    std::cerr << "--templates: error: templates lay out the HTML report only; add --format html\n"
                 "nothing was written\n";
    return kExitBadInput;
  }
  // Templates first: a mistake in them is found before the slower evaluation.
  std::optional<ReportTemplates> templates =
      args.templates.empty() ? DefaultReportTemplates() : ReadTemplatesOrReport(args.templates);
  if (!templates) return kExitBadInput;
  std::optional<ReproducedDecision> made;
  if (args.decision != 0) {
    int exit_code = kExitOk;
    made = ReproduceDecision(args.path, args.decision, exit_code);
    if (!made) return exit_code;
  } else {
    std::optional<Procurement> loaded = LoadFolderOrReport(args.path, args.allow_incomplete);
    if (!loaded) return kExitBadInput;
    if (!RobustnessOptionsFit(*loaded, args.sensitivity)) return kExitBadInput;
    EvaluateOptions evaluate;
    evaluate.sensitivity = args.sensitivity;
    Decision evaluated = Evaluate(*loaded, evaluate);
    made = ReproducedDecision{std::move(*loaded), std::move(evaluated), {}};
  }
  const Procurement& procurement = made->procurement;
  const Decision& decision = made->decision;
  const DecisionStamp& stamp = made->stamp;  // number 0 without --decision: nothing shown
  if (args.decision_record || !args.summaries.empty()) {
    if (args.decision_record &&
        !WriteOutput(args.output, RenderDecisionRecord(procurement, decision, stamp))) {
      return kExitIo;
    }
    if (!args.summaries.empty() &&
        !WriteSummaries(args.summaries, RenderSupplierSummaries(procurement, decision))) {
      return kExitIo;
    }
    return kExitOk;
  }
  if (args.format == "markdown") {
    const std::string markdown =
        RenderMarkdown(procurement, decision, WEIGHBRIDGE_VERSION, stamp);
    return WriteOutput(args.output, markdown) ? kExitOk : kExitIo;
  }
  return WriteHtmlPage(
      args.output, RenderHtml(procurement, decision, *templates, WEIGHBRIDGE_VERSION, stamp));
}

}  // namespace

void AddReportCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* command = app.add_subcommand(
      "report", "Write the justification report for the people who sign, weigh and bid");
  command->add_option("path", args->path, "The procurement folder")->required();
  command->add_option("--format", args->format,
                      "markdown (the default), or html: one page with charts, to read or print")
      ->check(CLI::IsMember({"markdown", "html"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_option("--templates", args->templates,
                      "With --format html: a folder of .mustache files to use in place of the "
                      "shipped ones of the same name (docs/templates.md)");
  command->add_flag("--decision-record", args->decision_record,
                    "Write the one-to-two page decision record for sign-off instead of the report");
  command->add_option("--summaries", args->summaries,
                      "Write one assessment summary per supplier into this folder (made if "
                      "missing) instead of the report");
  command
      ->add_option("--decision", args->decision,
                   "A decision stored in the folder's workspace (weighbridge history lists "
                   "them): made again from the inputs as they stood then, checked against the "
                   "stored one, and reported with its number, the audit log's head and its "
                   "approval")
      ->check(CLI::PositiveNumber);
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0 and mark the candidate incomplete");
  AddRobustnessOptions(*command, args->sensitivity);
  command->callback([args, &run] { run = [args] { return RunReport(*args); }; });
}

}  // namespace weighbridge::cli
