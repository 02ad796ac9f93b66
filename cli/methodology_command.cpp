// `weighbridge methodology PATH --format markdown|html [-o FILE]`: the
// assessment methodology to publish with the tender.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/load_folder.h"
#include "cli/output_file.h"
#include "cli/report_templates.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/html_report.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

struct MethodologyArgs {
  std::string path;
  std::string format;
  std::string output;
  std::string templates;  // --templates: a folder of the organisation's own, for html
};

int RunMethodology(const MethodologyArgs& args) {
  if (!args.templates.empty() && args.format != "html") {
    std::cerr << "--templates: error: templates lay out the HTML methodology only; add --format "
                 "html\nnothing was written\n";
    return kExitBadInput;
  }
  std::optional<ReportTemplates> templates =
      args.templates.empty() ? DefaultReportTemplates() : ReadTemplatesOrReport(args.templates);
  if (!templates) return kExitBadInput;
  // The methodology is published before any bid is scored.
  const std::optional<Procurement> procurement = LoadFolderOrReport(args.path, true);
  if (!procurement) return kExitBadInput;
  // Only the weights and the panel are read: the robustness analysis would
  // cost time and change nothing here.
  EvaluateOptions evaluate;
  evaluate.sensitivity.enabled = false;
  const Decision decision = Evaluate(*procurement, evaluate);
  if (args.format == "markdown") {
    return WriteOutput(args.output, RenderMethodology(*procurement, decision)) ? kExitOk : kExitIo;
  }
  return WriteHtmlPage(args.output, RenderMethodologyHtml(*procurement, decision, *templates,
                                                         WEIGHBRIDGE_VERSION));
}

}  // namespace

void AddMethodologyCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<MethodologyArgs>();
  CLI::App* command = app.add_subcommand(
      "methodology", "Write how bids will be assessed, to publish with the tender");
  command->add_option("path", args->path, "The procurement folder")->required();
  // Required, as it has been since Markdown was the only format, so that a
  // command line written then keeps its meaning.
  command->add_option("--format", args->format,
                      "markdown, or html: one page to publish, read or print")
      ->required()
      ->check(CLI::IsMember({"markdown", "html"}));
  command->add_option("-o,--output", args->output, "Write to this file instead of the screen");
  command->add_option("--templates", args->templates,
                      "With --format html: a folder of .mustache files to use in place of the "
                      "shipped ones of the same name (docs/templates.md)");
  command->callback([args, &run] { run = [args] { return RunMethodology(*args); }; });
}

}  // namespace weighbridge::cli
