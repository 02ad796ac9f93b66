#include "cli/record_submission.h"

#include <iostream>

#include "cli/framework_dirs.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"

namespace weighbridge::cli {

nlohmann::json LatestTables(Workspace& workspace, const std::string& kind,
                            const std::string& subject, const std::string& key) {
  if (auto latest = workspace.LatestMeaning(kind, subject)) {
    nlohmann::json meaning = nlohmann::json::parse(*latest, nullptr, false);
    if (meaning.is_object() && meaning.contains(key) && meaning[key].is_array()) {
      return meaning[key];
    }
  }
  return nlohmann::json::array();
}

std::optional<std::string> JudgementsWith(Workspace& workspace, const std::string& member,
                                          const nlohmann::json& judgement, bool& replaced) {
  nlohmann::json judgements = LatestTables(workspace, "judgements", member, "judgement");
  replaced = false;
  for (nlohmann::json& earlier : judgements) {
    if (earlier.value("parent", "") != judgement.value("parent", "")) continue;
    earlier = judgement;
    replaced = true;
  }
  if (!replaced) judgements.push_back(judgement);
  return TomlTables("judgement", judgements);
}

int RecordText(Workspace& workspace, const std::string& name, const std::string& text,
               const std::string& by, int& changed) {
  changed = 0;
  WorkspaceStatus status =
      workspace.ImportTexts({{name, text}}, FrameworkDirs(), CurrentActor(by), changed);
  if (status.ok()) return kExitOk;
  int code = ReportStatus(status);
  std::cerr << "nothing was stored\n";
  return code;
}

int AddToCandidate(Workspace& workspace, const std::string& id, const std::string& key,
                   const std::string& tables, const std::string& name, const std::string& by) {
  std::optional<std::string> toml = workspace.LatestToml("candidate", id);
  if (!toml) {
    std::cerr << "weighbridge: there is no candidate '" << id
              << "' in this workspace; check the id (weighbridge history lists every candidate "
                 "imported). Nothing was written\n";
    return kExitBadInput;
  }
  nlohmann::json candidates = LatestTables(workspace, "candidate", id, "candidate");
  if (!candidates.empty() && candidates.back().contains(key)) {
    std::cerr << "weighbridge: candidate '" << id << "' has a [candidate." << key
              << "] recorded already; to change it, import a corrected candidates file. Nothing "
                 "was written\n";
    return kExitBadInput;
  }
  // A [candidate.x] table after the candidate's own tables belongs to it: the
  // submission holds that one [[candidate]] alone.
  std::string text = *toml;
  if (!text.empty() && text.back() != '\n') text += '\n';
  int changed = 0;
  return RecordText(workspace, name, text + "\n" + tables, by, changed);
}

}  // namespace weighbridge::cli
