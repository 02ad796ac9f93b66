#include "cli/load_folder.h"

#include <iostream>

#include "cli/framework_dirs.h"
#include "weighbridge/load.h"

namespace weighbridge::cli {

std::optional<Procurement> LoadFolderOrReport(const std::string& path, bool allow_incomplete) {
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = allow_incomplete;
  ProcurementLoad load = LoadProcurement(path, options);
  if (!load.procurement) std::cerr << load.diagnostics.ToString() << "nothing was written\n";
  return std::move(load.procurement);
}

}  // namespace weighbridge::cli
