// Writing what a workspace holds back out as a procurement folder, so that the
// engine's own loader reads and checks it exactly as it reads a folder of
// TOML; and mapping the loader's positions in those files back to the files
// the submissions were imported from.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

// Where each written line came from.
class LineMap {
 public:
  // `submission`'s TOML was written to `file` starting at line `first`.
  void Add(const std::filesystem::path& file, int first, const Submission& submission);
  // The diagnostics with every position in a written file moved to the line of
  // the file it was imported from. Positions in other files are kept.
  Diagnostics Remap(const Diagnostics& diagnostics, const std::filesystem::path& folder) const;

 private:
  struct Run {
    std::string file;         // the written file
    int first = 0;            // its first line there
    int count = 0;            // how many lines
    std::string source_file;  // where they were imported from
    int source_line = 0;      // its first line there
  };
  std::vector<Run> runs_;
};

// Whether procurement.toml's `framework` names a file (it contains '/' or ends
// in .toml, the loader's rule) rather than the id of an installed framework.
bool NamesFrameworkFile(const std::string& framework);

// Where WriteInputsFolder(…, folder, …) puts the kept copy of a framework
// named by id, as <id>.toml: search it before the installed frameworks.
std::filesystem::path StoredFrameworksFolder(const std::filesystem::path& folder);

// Writes `submissions` (one version of each, in the order they were first
// imported) into the empty folder `folder`: procurement.toml, candidates.toml,
// panel.toml, scores.toml, and the framework: one named by a relative path
// there, one named by id in StoredFrameworksFolder(folder). Returns
// the folder to load: a sub-folder when the framework's path goes up (../).
// Throws std::filesystem::filesystem_error when a file cannot be written.
std::filesystem::path WriteInputsFolder(const std::vector<Submission>& submissions,
                                        const std::filesystem::path& folder, LineMap& map);

}  // namespace weighbridge::workspace
