#include "cli/workspace_evaluate.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/framework_dirs.h"
#include "cli/output_file.h"
#include "cli/robustness_options.h"
#include "cli/stored_decision.h"
#include "cli/workspace_commands.h"
#include "weighbridge/evaluate.h"
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

namespace {

}  // namespace

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
    LoadOptions options;
    options.framework_dirs = FrameworkDirs();
    options.allow_incomplete = allow_incomplete;
    ProcurementLoad load;
    status = workspace->LoadInputs(options, load);
    status.diagnostics.Append(load.diagnostics);
    if (status.ok() && RobustnessOptionsFit(*load.procurement, sensitivity)) {
      EvaluateOptions evaluate;
      evaluate.sensitivity = sensitivity;
      Decision decision = Evaluate(*load.procurement, evaluate);
      DecisionInput input;
      input.input_hash = load.procurement->input_hash;
      input.engine_version = WEIGHBRIDGE_VERSION;
      input.framework_id = load.procurement->framework.id;
      input.framework_version = load.procurement->framework.version;
      input.options = DecisionOptionsJson(allow_incomplete, sensitivity, decision);
      // The log keeps this decision for good, so it holds no one's name.
      Procurement unnamed = *load.procurement;
      Decision unnamed_decision = decision;
      ClearNames(unnamed, unnamed_decision);
      input.decision_json = RenderJson(unnamed, unnamed_decision);
      for (const CandidateResult& candidate : decision.candidates) {
        input.unscored += static_cast<int>(candidate.unscored.size());
      }
      input.moderation = static_cast<int>(decision.moderation.size());
      long long number = 0;
      status = workspace->RecordDecision(input, actor, number);
      if (!status.ok()) return ReportStatus(status);
      // The JSON written is the stored decision, byte for byte; the number and
      // head, which are not part of the decision, go in the report and below.
      DecisionStamp stamp;
      for (const DecisionRecord& stored : workspace->Decisions()) {
        if (stored.number == number) stamp = StampOf(stored, dir);
      }
      std::string text = format == "json" ? input.decision_json
                                          : RenderMarkdown(*load.procurement, decision,
                                                           WEIGHBRIDGE_VERSION, stamp);
      const std::string& head = stamp.head;
      std::cerr << "weighbridge: stored as decision " << number << "; the audit log's head is now "
                << head << " (weighbridge verify " << dir << " --head " << head
                << " checks later that nothing since was removed)\n";
      return WriteOutput(output, text) ? kExitOk : kExitIo;
    }
    if (status.ok()) return kExitBadInput;  // RobustnessOptionsFit has said why
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
