// `weighbridge check PATH`: validate a procurement folder or a framework file
// and list every problem.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/framework_dirs.h"
#include "weighbridge/load.h"

namespace weighbridge::cli {
namespace {

struct CheckArgs {
  std::string path;
  bool allow_incomplete = false;
};

int Report(const Diagnostics& diagnostics, const std::string& summary) {
  if (diagnostics.has_errors() || summary.empty()) {
    std::size_t count = diagnostics.all().size();
    std::cerr << diagnostics.ToString()
              << fmt::format("{} problem{} found\n", count, count == 1 ? "" : "s");
    return kExitBadInput;
  }
  std::cout << summary << "\n";
  return kExitOk;
}

int RunCheck(const CheckArgs& args) {
  if (!std::filesystem::is_directory(args.path)) {
    FrameworkLoad load = LoadFrameworkFile(args.path);
    if (!load.framework) return Report(load.diagnostics, "");
    return Report(load.diagnostics,
                  fmt::format("{}: no problems found: framework '{}' version {}, {} criteria to score",
                              args.path, load.framework->id, load.framework->version,
                              load.framework->tree.leaves().size()));
  }
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = args.allow_incomplete;
  ProcurementLoad load = LoadProcurement(args.path, options);
  if (!load.procurement) return Report(load.diagnostics, "");
  const Procurement& p = *load.procurement;
  return Report(load.diagnostics,
                fmt::format("{}: no problems found: {} candidates, {} criteria to score, {} panel "
                            "members, {} scores",
                            args.path, p.candidates.size(), p.framework.tree.leaves().size(),
                            p.panel.members.size(), p.scores.size()));
}

}  // namespace

void AddCheckCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* command = app.add_subcommand(
      "check", "List every problem in a procurement folder or a framework file");
  command->add_option("path", args->path, "A procurement folder or a framework .toml file")
      ->required();
  command->add_flag("--allow-incomplete", args->allow_incomplete,
                    "Do not count criteria nobody scored as problems");
  command->callback([args, &run] { run = [args] { return RunCheck(*args); }; });
}

}  // namespace weighbridge::cli
