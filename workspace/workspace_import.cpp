// Workspace::Import and Workspace::LoadInputs: submissions in, a procurement out.
#include <fstream>
#include <set>
#include <sstream>

#include "weighbridge/input_hash.h"
#include "weighbridge/load.h"
#include "weighbridge/workspace.h"
#include "workspace/audit_log.h"
#include "workspace/canonical_json.h"
#include "workspace/freeze_store.h"
#include "workspace/inputs_folder.h"
#include "workspace/panel_csv_split.h"
#include "workspace/personal_fields.h"
#include "workspace/recorded_outcomes.h"
#include "workspace/standing_load.h"
#include "workspace/submission_store.h"
#include "workspace/temp_folder.h"
#include "workspace/withdrawal.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace fs = std::filesystem;
using workspace::Submission;

namespace {

// The installed framework with id `id` (in `framework_dirs`, as the loader
// finds it) as a submission whose subject is the id; none when there is none,
// which the loader reports at the procurement's line.
std::vector<Submission> InstalledFramework(const std::string& id,
                                           const std::vector<fs::path>& framework_dirs,
                                           Diagnostics& diagnostics) {
  for (const FrameworkSummary& installed : ListFrameworks(framework_dirs)) {
    if (installed.id != id) continue;
    std::ifstream in(installed.path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<Submission> out =
        workspace::SplitFile(text.str(), installed.path, "framework", diagnostics);
    for (Submission& submission : out) submission.subject = id;
    return out;
  }
  return {};
}

// Splits every text, adding the framework file a procurement.toml names: by
// path, read beside the procurement file; by id, the installed one. Problems
// go to `diagnostics`.
std::vector<Submission> SplitTexts(const std::vector<NamedText>& texts,
                                   const std::vector<fs::path>& framework_dirs,
                                   Diagnostics& diagnostics) {
  std::vector<Submission> out;
  for (const NamedText& named : texts) {
    const fs::path file = named.name;
    const std::string& text = named.text;
    if (workspace::IsPanelCsv(file.string())) {  // one submission per member's rows
      for (Submission& submission : workspace::SplitPanelCsv(text, file.string(), diagnostics)) {
        out.push_back(std::move(submission));
      }
      continue;
    }
    std::string kind = workspace::FileKind(text, file.string(), diagnostics);
    if (kind.empty()) continue;
    if (kind == "framework") {
      diagnostics.Error({file.string(), 1, 1},
                        "a framework is not imported on its own: import the procurement.toml that "
                        "names it, and its framework file comes with it");
      continue;
    }
    for (Submission& submission : workspace::SplitFile(text, file.string(), kind, diagnostics)) {
      out.push_back(std::move(submission));
    }
    if (kind != "procurement") continue;
    const nlohmann::json& meaning = out.back().meaning;
    std::string framework;
    if (meaning.contains("procurement") && meaning["procurement"].is_object() &&
        meaning["procurement"].contains("framework") &&
        meaning["procurement"]["framework"].is_string()) {
      framework = meaning["procurement"]["framework"].get<std::string>();
    }
    if (!workspace::NamesFrameworkFile(framework)) {
      // Kept too, so that a later update of the installed framework does not
      // change a procurement under way (docs/workspace.md).
      for (Submission& submission : InstalledFramework(framework, framework_dirs, diagnostics)) {
        out.push_back(std::move(submission));
      }
      continue;
    }
    // A framework given by path is part of the inputs: keep a copy of it.
    fs::path framework_file = file.parent_path() / framework;
    std::ifstream framework_in(framework_file, std::ios::binary);
    if (!framework_in) continue;  // the loader reports it, at the procurement's line
    std::ostringstream framework_text;
    framework_text << framework_in.rdbuf();
    for (Submission& submission : workspace::SplitFile(
             framework_text.str(), framework_file.string(), "framework", diagnostics)) {
      submission.subject = framework;
      out.push_back(std::move(submission));
    }
  }
  return out;
}

bool SameMeaning(const Submission& a, const Submission& b) {
  return workspace::CanonicalJson(a.meaning) == workspace::CanonicalJson(b.meaning);
}

}  // namespace

WorkspaceStatus Workspace::Import(const std::vector<fs::path>& files,
                                  const std::vector<fs::path>& framework_dirs, const Actor& actor,
                                  int& changed, bool keep_later_changes,
                                  const std::optional<std::string>& amend_reason) {
  changed = 0;
  WorkspaceStatus status;
  std::vector<NamedText> texts;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || fs::is_directory(file)) {
      status.diagnostics.Error({file.string(), 0, 0},
                               fs::exists(file) ? "cannot read this file" : "no such file");
      continue;
    }
    texts.push_back({file.string(), text.str()});
  }
  if (status.diagnostics.has_errors()) {
    status.code = WorkspaceCode::kBadInput;
    return status;
  }
  return ImportTexts(texts, framework_dirs, actor, changed, keep_later_changes, amend_reason);
}

WorkspaceStatus Workspace::ImportTexts(const std::vector<NamedText>& texts,
                                       const std::vector<fs::path>& framework_dirs,
                                       const Actor& actor, int& changed, bool keep_later_changes,
                                       const std::optional<std::string>& amend_reason) {
  changed = 0;
  return workspace::Guarded(impl_->file, [&] {
    // The lock is taken before reading what is stored, so the checks and the
    // writes see the same workspace.
    workspace::WriteTransaction transaction(impl_->db);
    workspace::StandingCriteria::Settlement settlement(impl_->standing);
    WorkspaceStatus status = ImportWithin(texts, framework_dirs, actor, changed,
                                          keep_later_changes, amend_reason);
    if (status.ok() && changed > 0) {
      transaction.Commit();
      settlement.Committed();
    }
    return status;
  });
}

WorkspaceStatus Workspace::ImportTogether(const std::vector<ImportRequest*>& requests,
                                          const std::vector<fs::path>& framework_dirs) {
  WorkspaceStatus whole = workspace::Guarded(impl_->file, [&] {
    workspace::WriteTransaction transaction(impl_->db);
    workspace::StandingCriteria::Settlement settlement(impl_->standing);
    for (ImportRequest* request : requests) {
      request->changed = 0;
      // Checks come before writes, so a refusal has written nothing; the
      // savepoint makes sure of it.
      impl_->db.Exec("SAVEPOINT request");
      std::optional<std::string> text = request->text();
      if (!text) {
        request->status = workspace::Refuse(WorkspaceCode::kBadInput,
                                            "the answers already stored cannot be rewritten.");
      } else {
        request->status = ImportWithin({{request->name, *text}}, framework_dirs, request->actor,
                                       request->changed, false, std::nullopt);
      }
      if (!request->status.ok()) {
        request->changed = 0;
        impl_->db.Exec("ROLLBACK TO request");
      }
      impl_->db.Exec("RELEASE request");
    }
    transaction.Commit();
    settlement.Committed();
    return WorkspaceStatus{};
  });
  if (!whole.ok()) {
    for (ImportRequest* request : requests) {
      request->status = whole;
      request->changed = 0;
    }
  }
  return whole;
}

WorkspaceStatus Workspace::ImportWithin(const std::vector<NamedText>& texts,
                                        const std::vector<fs::path>& framework_dirs,
                                        const Actor& actor, int& changed, bool keep_later_changes,
                                        const std::optional<std::string>& amend_reason) {
  changed = 0;
  WorkspaceStatus status;
  std::vector<Submission> incoming = SplitTexts(texts, framework_dirs, status.diagnostics);
  if (status.diagnostics.has_errors()) {
    status.code = WorkspaceCode::kBadInput;
    return status;
  }
  // One member's answers, when nothing else has changed since the last whole
  // load: checked against it rather than loading everything again.
  if (!keep_later_changes && !amend_reason) {
    if (std::optional<WorkspaceStatus> quick = impl_->standing.Import(
            impl_->db, incoming, actor, workspace::CommandFolder(impl_->file), changed)) {
      return *quick;
    }
  }
  workspace::PersonalValues personal;  // names and contact details, kept out of the log
  workspace::TakeOutPersonalData(impl_->db, incoming, personal);
  std::vector<workspace::StoredSubmission> stored = workspace::LatestSubmissions(impl_->db);
  std::vector<std::pair<Submission, long long>> changes;  // with their new version
  for (Submission& submission : incoming) {
    long long version = 1;
    bool same = false;
    for (workspace::StoredSubmission& old : stored) {
      if (old.submission.kind != submission.kind ||
          old.submission.subject != submission.subject) {
        continue;
      }
      same = SameMeaning(old.submission, submission) ||
             (keep_later_changes && workspace::LastMeaningFrom(impl_->db, submission) ==
                                        workspace::CanonicalJson(submission.meaning)) ||
             // The kept copy of an installed framework changes only when
             // procurement.toml is imported by hand (`weighbridge import`).
             (keep_later_changes && submission.kind == "framework" &&
              !workspace::NamesFrameworkFile(submission.subject));
      version = old.version + 1;
      if (!same) old.submission = submission;  // the whole is checked with the new one
      break;
    }
    // The same submission twice in one import: the last one counts.
    for (auto& [pending, pending_version] : changes) {
      if (pending.kind == submission.kind && pending.subject == submission.subject) {
        pending = submission;
        same = true;
      }
    }
    if (same) continue;
    if (version == 1) stored.push_back({submission, 0});
    changes.emplace_back(submission, version);
  }
  if (changes.empty()) return WorkspaceStatus{};
  if (Diagnostics dropped = workspace::CheckRecordedOutcomes(impl_->db, changes);
      dropped.has_errors()) {
    WorkspaceStatus refused;
    refused.code = WorkspaceCode::kBadInput;
    refused.diagnostics = dropped;
    return refused;
  }
  // Judgements before the freeze, scores after it (issue 5, order of work).
  std::vector<const Submission*> changed_submissions;
  for (const auto& change : changes) changed_submissions.push_back(&change.first);
  if (WorkspaceStatus order =
          workspace::CheckOrderOfWork(impl_->db, changed_submissions, amend_reason,
                                      workspace::CommandFolder(impl_->file));
      !order.ok()) {
    return order;
  }

  // Check the procurement as it would stand, with the engine's own loader.
  std::vector<Submission> whole;
  for (const auto& entry : stored) whole.push_back(entry.submission);
  std::optional<workspace::StandingLoad> standing =
      workspace::LoadAsItWouldStand(whole, framework_dirs);
  if (!standing) {
    return workspace::Refuse(WorkspaceCode::kBadInput,
                             "the workspace has no procurement.toml yet: import the folder's "
                             "procurement.toml first (weighbridge init makes one)");
  }
  const ProcurementLoad& load = standing->load;
  // Only problems in the files imported now refuse the import. A procurement
  // is built up over weeks, and until the bids are in the framework reports
  // evidence that no candidate gives yet; evaluate reports everything.
  std::set<std::string> imported;
  for (const auto& [submission, version] : changes) {
    // An installed framework was checked when it was found: what it reports
    // now (evidence no bid gives yet) is the procurement's to settle.
    if (submission.kind == "framework" && !workspace::NamesFrameworkFile(submission.subject)) {
      continue;
    }
    imported.insert(submission.source_file);
  }
  WorkspaceStatus refused;
  const Diagnostics& remapped = standing->diagnostics;
  for (const Diagnostic& diagnostic : remapped.all()) {
    if (imported.count(diagnostic.pos.file)) refused.diagnostics.Add(diagnostic);
  }
  if (refused.diagnostics.has_errors()) {
    refused.code = WorkspaceCode::kBadInput;
    return refused;
  }
  // Once the method is fixed, a change to it needs --amend --reason.
  std::optional<workspace::FreezeRow> amendment;
  WorkspaceStatus guard =
      workspace::GuardMethod(impl_->db, load.procurement ? &*load.procurement : nullptr,
                             remapped, amend_reason, amendment);
  if (!guard.ok()) return guard;
  for (const auto& [submission, version] : changes) {
    workspace::StoreSubmission(impl_->db, submission, version, actor);
  }
  workspace::KeepPersonalData(impl_->db, changes, personal);
  if (amendment) workspace::StoreFreeze(impl_->db, *amendment, actor);
  // Kept now, inside the transaction: its settlement forgets it if the
  // transaction does not commit.
  const Workspace::CriteriaStamp stamp = impl_->standing.Stamp(impl_->db);
  changed = static_cast<int>(changes.size());
  if (load.procurement) impl_->standing.Keep(impl_->db, *load.procurement, stamp, true);
  return WorkspaceStatus{};
}

namespace {

// Loads the latest submissions logged before audit entry `before_seq` (all of
// them with INT64_MAX), then adds what only the workspace holds: people's names
// and declarations, and the method as fixed by then. `command_folder` names
// the procurement folder in a refusal's suggested command.
WorkspaceStatus LoadSubmissions(workspace::Db& db, const std::string& command_folder,
                                std::int64_t before_seq, const LoadOptions& options,
                                ProcurementLoad& load) {
  std::vector<Submission> whole;
  for (auto& entry : workspace::LatestSubmissions(db, before_seq)) {
    whole.push_back(entry.submission);
  }
  workspace::TempFolder temp;
  workspace::LineMap map;
  fs::path folder =
      workspace::WriteInputsFolder(workspace::LeaveOutWithdrawn(whole), temp.path(), map);
  LoadOptions with_stored = options;  // the workspace's copy of a framework named by id first
  with_stored.framework_dirs.insert(with_stored.framework_dirs.begin(),
                                    workspace::StoredFrameworksFolder(temp.path()));
  load = LoadProcurement(folder, with_stored);
  if (load.procurement) workspace::AddPeople(db, *load.procurement, before_seq);
  WorkspaceStatus status;
  if (!load.procurement) status.code = WorkspaceCode::kBadInput;
  load.diagnostics = map.Remap(load.diagnostics, temp.path());
  if (status.ok()) status = workspace::ApplyFreeze(db, load, command_folder, before_seq);
  // The declarations change the flags every report shows and the published
  // weights change the totals, so the input hash covers both: made again
  // here, once, over the model as the workspace completed it.
  if (status.ok()) load.procurement->input_hash = InputHash(*load.procurement);
  return status;
}

}  // namespace

WorkspaceStatus Workspace::LoadInputs(const LoadOptions& options, ProcurementLoad& load,
                                      std::string* head) {
  return workspace::Guarded(impl_->file, [&] {
    // One snapshot: a write committed during the load (by serve, say) is
    // either wholly in it or wholly out, and so is the head.
    workspace::ReadTransaction snapshot(impl_->db);
    if (head) *head = workspace::HeadHash(impl_->db);
    // Read first: a change that lands during the load moves the stamp on, and
    // the next import then loads everything itself.
    const Workspace::CriteriaStamp stamp = impl_->standing.Stamp(impl_->db);
    WorkspaceStatus status = LoadSubmissions(impl_->db, workspace::CommandFolder(impl_->file),
                                             INT64_MAX, options, load);
    if (status.ok() && load.procurement) {
      impl_->standing.Keep(impl_->db, *load.procurement, stamp, false);
    }
    return status;
  });
}

Workspace::CriteriaStamp Workspace::Stamp() {
  try {
    return impl_->standing.Stamp(impl_->db);
  } catch (const workspace::SqliteError&) {
    return {};  // others = -1: unknown, so nothing is kept against it
  }
}

WorkspaceStatus Workspace::LoadInputsAt(long long number, const LoadOptions& options,
                                        ProcurementLoad& load) {
  return workspace::Guarded(impl_->file, [&] {
    workspace::Statement found =
        impl_->db.Prepare("SELECT audit_seq FROM decision WHERE number = ?1");
    found.Bind(1, static_cast<std::int64_t>(number));
    if (!found.Step()) {
      return workspace::Refuse(WorkspaceCode::kBadInput,
                               "there is no decision " + std::to_string(number) +
                                   "; weighbridge history lists the decisions");
    }
    // The method and declarations as they stood then: later ones do not count.
    return LoadSubmissions(impl_->db, workspace::CommandFolder(impl_->file), found.Int(0), options,
                           load);
  });
}

std::optional<std::string> Workspace::LatestMeaning(const std::string& kind,
                                                    const std::string& subject) {
  workspace::Statement latest = impl_->db.Prepare(
      "SELECT meaning FROM submission WHERE kind = ?1 AND subject = ?2 ORDER BY version DESC "
      "LIMIT 1");
  latest.Bind(1, kind).Bind(2, subject);
  if (!latest.Step()) return std::nullopt;
  return latest.Text(0);
}

std::optional<std::string> Workspace::LatestToml(const std::string& kind,
                                                 const std::string& subject) {
  workspace::Statement latest = impl_->db.Prepare(
      "SELECT toml FROM submission WHERE kind = ?1 AND subject = ?2 ORDER BY version DESC LIMIT 1");
  latest.Bind(1, kind).Bind(2, subject);
  if (!latest.Step()) return std::nullopt;
  return latest.Text(0);
}

std::string Workspace::Head() { return workspace::HeadHash(impl_->db); }

}  // namespace weighbridge
