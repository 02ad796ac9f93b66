// `weighbridge report PATH --format markdown|html [-o FILE]`: the full
// justification report, for the people who sign, weigh and bid.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "cli/report_templates.h"
#include "cli/robustness_options.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/html_report.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct ReportArgs {
  std::string path;
  std::string format = "markdown";
  std::string output;
  std::string templates;  // --templates: a folder of the organisation's own, for html
  bool allow_incomplete = false;
  SensitivityOptions sensitivity;  // --weights, --samples, --seed, --fixed-scores, --threads
};

int RunReport(const ReportArgs& args) {
  if (!args.templates.empty() && args.format != "html") {
    std::cerr << "--templates: error: templates lay out the HTML report only; add --format html\n"
                 "nothing was written\n";
    return kExitBadInput;
  }
  // Templates first: a mistake in them is found before the slower evaluation.
  std::optional<ReportTemplates> templates =
      args.templates.empty() ? DefaultReportTemplates() : ReadTemplatesOrReport(args.templates);
  if (!templates) return kExitBadInput;
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, args.allow_incomplete);
  if (!procurement) return kExitBadInput;
  if (!RobustnessOptionsFit(*procurement, args.sensitivity)) return kExitBadInput;
  EvaluateOptions evaluate;
  evaluate.sensitivity = args.sensitivity;
  const Decision decision = Evaluate(*procurement, evaluate);
  if (args.format == "markdown") {
    return WriteOutput(args.output, RenderMarkdown(*procurement, decision)) ? kExitOk : kExitIo;
  }
  const HtmlResult html = RenderHtml(*procurement, decision, *templates, WEIGHBRIDGE_VERSION);
  if (!html.ok) {
    std::cerr << html.error << "\nnothing was written\n";
    return kExitBadInput;
  }
  return WriteOutput(args.output, html.html) ? kExitOk : kExitIo;
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
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Count a criterion nobody scored as 0 and mark the candidate incomplete");
  AddRobustnessOptions(*command, args->sensitivity);
  command->callback([args, &run] { run = [args] { return RunReport(*args); }; });
}

}  // namespace weighbridge::cli
