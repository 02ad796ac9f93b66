#include "workspace/temp_folder.h"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

namespace weighbridge::workspace {

TempFolder::TempFolder() {
  // mkdtemp makes the folder with a unique name and mode 0700 in one step, so
  // no other user can see the inputs written there.
  std::string pattern = (std::filesystem::temp_directory_path() / "weighbridge-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    throw std::filesystem::filesystem_error("cannot make a temporary folder", pattern,
                                            std::error_code(errno, std::generic_category()));
  }
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace weighbridge::workspace
