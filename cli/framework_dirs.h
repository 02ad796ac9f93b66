// Where shipped frameworks are looked for.
#pragma once

#include <filesystem>
#include <vector>

namespace weighbridge::cli {

// In order: each folder of $WEIGHBRIDGE_CRITERIA_PATH (colon-separated), the
// installed share/weighbridge/criteria beside the executable, then the
// source tree's criteria/ (so a build runs without installing).
std::vector<std::filesystem::path> FrameworkDirs();

}  // namespace weighbridge::cli
