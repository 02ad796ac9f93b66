// `weighbridge frameworks`: the shipped criteria frameworks.
#include <iostream>

#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/framework_dirs.h"
#include "weighbridge/load.h"

namespace weighbridge::cli {

void AddFrameworksCommand(CLI::App& app, Action& run) {
  CLI::App* command = app.add_subcommand("frameworks", "List the criteria frameworks available");
  command->callback([&run] {
    run = [] {
      for (const FrameworkSummary& f : ListFrameworks(FrameworkDirs())) {
        std::cout << fmt::format("{}\t{}\t{}\n", f.id, f.version, f.title);
      }
      return kExitOk;
    };
  });
}

}  // namespace weighbridge::cli
