#include "workspace/standing_load.h"

#include "workspace/inputs_folder.h"
#include "workspace/temp_folder.h"
#include "workspace/withdrawal.h"

namespace weighbridge::workspace {

std::optional<StandingLoad> LoadAsItWouldStand(
    const std::vector<Submission>& whole,
    const std::vector<std::filesystem::path>& framework_dirs) {
  const std::vector<Submission> kept = LeaveOutWithdrawn(whole);
  bool has_procurement = false;
  for (const Submission& s : kept) has_procurement = has_procurement || s.kind == "procurement";
  if (!has_procurement) return std::nullopt;
  TempFolder temp;
  LineMap map;
  const std::filesystem::path folder = WriteInputsFolder(kept, temp.path(), map);
  LoadOptions options;
  options.framework_dirs = framework_dirs;
  // The workspace's own copy of a framework named by id comes first.
  options.framework_dirs.insert(options.framework_dirs.begin(),
                                StoredFrameworksFolder(temp.path()));
  options.allow_incomplete = true;  // scores arrive over weeks
  StandingLoad out;
  out.load = LoadProcurement(folder, options);
  out.diagnostics = map.Remap(out.load.diagnostics, temp.path());
  return out;
}

}  // namespace weighbridge::workspace
