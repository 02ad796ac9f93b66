// A private temporary folder, removed with everything in it when it goes.
#pragma once

#include <filesystem>

namespace weighbridge::workspace {

class TempFolder {
 public:
  TempFolder();  // throws std::filesystem::filesystem_error when it cannot be made
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace weighbridge::workspace
