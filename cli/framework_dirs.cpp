#include "cli/framework_dirs.h"

#include <cstdlib>
#include <sstream>
#include <string>

namespace weighbridge::cli {

std::vector<std::filesystem::path> FrameworkDirs() {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("WEIGHBRIDGE_CRITERIA_PATH")) {
    std::stringstream list(env);
    std::string dir;
    while (std::getline(list, dir, ':')) {
      if (!dir.empty()) dirs.emplace_back(dir);
    }
  }
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) dirs.push_back(exe.parent_path().parent_path() / "share" / "weighbridge" / "criteria");
  dirs.emplace_back(WEIGHBRIDGE_CRITERIA_DIR);
  return dirs;
}

}  // namespace weighbridge::cli
