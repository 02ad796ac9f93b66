#include "cli/workspace_evaluate.h"

#include <algorithm>
#include <iostream>

#include "cli/framework_dirs.h"
#include "cli/output_file.h"
#include "cli/stored_decision.h"
#include "cli/workspace_commands.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {
namespace fs = std::filesystem;
}  // namespace

std::vector<fs::path> FolderFiles(const fs::path& folder) {
  // Named the same way each time ("cms" and "./cms" alike), so that an
  // unchanged file is recognised as the one imported before.
  const fs::path dir = folder.lexically_normal();
  std::vector<fs::path> files = {dir / "procurement.toml"};
  if (fs::is_directory(dir / "candidates")) {
    std::vector<fs::path> candidates;
    for (const auto& entry : fs::directory_iterator(dir / "candidates")) {
      if (entry.path().extension() == ".toml") candidates.push_back(entry.path());
    }
    std::sort(candidates.begin(), candidates.end());
    files.insert(files.end(), candidates.begin(), candidates.end());
  }
  for (const char* name : {"candidates.toml", "panel.toml", "panel.csv", "scores.toml"}) {
    if (fs::exists(dir / name)) files.push_back(dir / name);
  }
  return files;
}

bool HasWorkspace(const std::string& dir) {
  std::error_code error;
  return fs::exists(WorkspaceFile(dir), error);
}

int EvaluateWorkspace(const std::string& dir, bool allow_incomplete,
                      const SensitivityOptions& sensitivity, const std::string& format,
                      const std::string& output, const std::optional<std::string>& amend_reason) {
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(dir, exit_code);
  if (!workspace) return exit_code;
  Actor actor = CurrentActor("");
  int changed = 0;
  // An unchanged folder file must not undo a later moderation or import.
  WorkspaceStatus status = workspace->Import(FolderFiles(dir), FrameworkDirs(), actor, changed,
                                             /*keep_later_changes=*/true, amend_reason);
  if (status.ok()) {
    MadeDecision made;
    status = MakeDecision(*workspace, allow_incomplete, sensitivity, actor, made);
    if (status.ok()) {
      // The JSON written is the stored decision, byte for byte; the number and
      // head, which are not part of the decision, go in the report and below.
      DecisionStamp stamp;
      for (const DecisionRecord& stored : workspace->Decisions()) {
        if (stored.number == made.number) stamp = StampOf(stored, dir);
      }
      std::string text = format == "json" ? made.input.decision_json
                                          : RenderMarkdown(*made.procurement, made.decision,
                                                           WEIGHBRIDGE_VERSION, stamp);
      const std::string& head = stamp.head;
      std::cerr << "weighbridge: stored as decision " << made.number
                << "; the audit log's head is now " << head << " (weighbridge verify " << dir
                << " --head " << head << " checks later that nothing since was removed)\n";
      return WriteOutput(output, text) ? kExitOk : kExitIo;
    }
    if (made.options_misfit) return kExitBadInput;  // RobustnessOptionsFit has said why
  }
  int code = ReportStatus(status);
  if (changed > 0) {
    std::cerr << "the folder's files were stored in the workspace (" << changed
              << " new submissions), but no decision was stored and no report written\n";
  } else {
    std::cerr << "nothing was written\n";
  }
  return code;
}

}  // namespace weighbridge::cli
