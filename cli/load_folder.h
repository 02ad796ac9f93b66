// Loading a procurement folder for a command that writes something.
#pragma once

#include <optional>
#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge::cli {

// Loads the folder at `path`, looking for frameworks in FrameworkDirs(). On
// any problem it prints every diagnostic, then "nothing was written", on
// standard error and returns nothing: the caller exits with kExitBadInput.
std::optional<Procurement> LoadFolderOrReport(const std::string& path, bool allow_incomplete);

}  // namespace weighbridge::cli
