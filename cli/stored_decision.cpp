#include "cli/stored_decision.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/framework_dirs.h"
#include "cli/robustness_options.h"
#include "cli/workspace_commands.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/reports.h"

namespace weighbridge::cli {
namespace {

// The stored options back as evaluate's; false when they are not ones
// DecisionOptionsJson wrote.
bool ReadOptions(const std::string& text, bool& allow_incomplete, SensitivityOptions& options) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return false;
  try {
    allow_incomplete = json.at("allow_incomplete").get<bool>();
    options.enabled = json.at("sensitivity").get<bool>();
    // The seed and draws actually used, so the default seed (from the input
    // hash) need not be worked out again.
    options.seed = json.at("seed").get<std::uint64_t>();
    options.samples = json.at("samples").get<int>();
    if (json.contains("fixed_scores")) options.fixed_scores = json["fixed_scores"].get<bool>();
    if (json.contains("weights")) {
      options.weights = SmaaWeightsFromName(json["weights"].get<std::string>());
      if (!options.weights) return false;
    }
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace

std::string DecisionOptionsJson(bool allow_incomplete, const SensitivityOptions& options,
                                const Decision& decision) {
  nlohmann::json out = {{"allow_incomplete", allow_incomplete},
                        {"sensitivity", options.enabled},
                        {"seed", decision.sensitivity.smaa.seed},
                        {"samples", decision.sensitivity.smaa.samples}};
  if (options.fixed_scores) out["fixed_scores"] = *options.fixed_scores;
  if (options.weights) out["weights"] = SmaaWeightsName(*options.weights);
  return out.dump();
}

WorkspaceStatus MakeDecision(Workspace& workspace, bool allow_incomplete,
                             const SensitivityOptions& sensitivity, const Actor& actor,
                             MadeDecision& made) {
  LoadOptions options;
  options.framework_dirs = FrameworkDirs();
  options.allow_incomplete = allow_incomplete;
  WorkspaceStatus status;
  for (int attempt = 0; attempt < 3; ++attempt) {
    ProcurementLoad load;
    std::string head;
    status = workspace.LoadInputs(options, load, &head);
    status.diagnostics.Append(load.diagnostics);
    if (!status.ok()) return status;
    if (!RobustnessOptionsFit(*load.procurement, sensitivity)) {
      status.code = WorkspaceCode::kBadInput;
      made.options_misfit = true;
      return status;
    }
    EvaluateOptions evaluate;
    evaluate.sensitivity = sensitivity;
    made.decision = Evaluate(*load.procurement, evaluate);
    made.procurement = std::move(load.procurement);
    DecisionInput& input = made.input;
    input = DecisionInput{};
    input.input_hash = made.procurement->input_hash;
    input.engine_version = WEIGHBRIDGE_VERSION;
    input.framework_id = made.procurement->framework.id;
    input.framework_version = made.procurement->framework.version;
    input.options = DecisionOptionsJson(allow_incomplete, sensitivity, made.decision);
    // The log keeps this decision for good, so it holds no one's name.
    Procurement unnamed = *made.procurement;
    Decision unnamed_decision = made.decision;
    ClearNames(unnamed, unnamed_decision);
    input.decision_json = RenderJson(unnamed, unnamed_decision);
    for (const CandidateResult& candidate : made.decision.candidates) {
      input.unscored += static_cast<int>(candidate.unscored.size());
    }
    input.moderation = static_cast<int>(made.decision.moderation.size());
    input.inputs_head = head;
    status = workspace.RecordDecision(input, actor, made.number);
    if (status.code != WorkspaceCode::kBusy) return status;
  }
  return status;
}

DecisionStamp StampOf(const DecisionRecord& record, const std::string& dir) {
  DecisionStamp stamp;
  stamp.number = record.number;
  stamp.head = record.entry_hash;
  stamp.folder = dir;
  if (record.approved_by) {
    stamp.approval = ApprovalStamp{*record.approved_by, record.approved_role.value_or(""),
                                   record.approved_at.value_or(""),
                                   record.approval_note.value_or("")};
  }
  return stamp;
}

std::optional<ReproducedDecision> ReproduceDecision(const std::string& dir, long long number,
                                                    int& exit_code) {
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(dir, exit_code);
  if (!workspace) return std::nullopt;
  std::optional<DecisionRecord> record;
  for (DecisionRecord& stored : workspace->Decisions()) {
    if (stored.number == number) record = std::move(stored);
  }
  if (!record) {
    std::cerr << "--decision: error: there is no decision " << number << " in " << dir
              << "; weighbridge history lists the decisions\nnothing was written\n";
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  const std::string cannot = "weighbridge: decision " + std::to_string(number) +
                             " (input hash " + record->input.input_hash +
                             ") cannot be reproduced: ";
  LoadOptions load_options;
  load_options.framework_dirs = FrameworkDirs();
  SensitivityOptions sensitivity;
  if (!ReadOptions(record->input.options, load_options.allow_incomplete, sensitivity)) {
    std::cerr << cannot << "the options stored with it cannot be read\nnothing was written\n";
    exit_code = kExitTampered;
    return std::nullopt;
  }
  ProcurementLoad load;
  WorkspaceStatus status = workspace->LoadInputsAt(number, load_options, load);
  if (!status.ok()) {
    std::cerr << load.diagnostics.ToString();
    exit_code = ReportStatus(status);
    if (status.code == WorkspaceCode::kBadInput) {
      std::cerr << cannot << "the inputs as they stood then no longer load\n";
      exit_code = kExitTampered;
    }
    std::cerr << "nothing was written\n";
    return std::nullopt;
  }
  EvaluateOptions evaluate;
  evaluate.sensitivity = sensitivity;
  Decision decision = Evaluate(*load.procurement, evaluate);
  // The decision is stored without people's names, as evaluate stores it.
  Procurement unnamed = *load.procurement;
  Decision unnamed_decision = decision;
  ClearNames(unnamed, unnamed_decision);
  if (RenderJson(unnamed, unnamed_decision) != record->input.decision_json) {
    std::cerr << cannot
              << "evaluating the inputs as they stood then does not give the decision stored. "
                 "The workspace or the criteria framework was changed since";
    if (record->input.engine_version != WEIGHBRIDGE_VERSION) {
      std::cerr << ", or the change is in weighbridge (it was made by version "
                << record->input.engine_version << "; this is " << WEIGHBRIDGE_VERSION << ")";
    }
    std::cerr << "; weighbridge verify " << dir << " checks the workspace\nnothing was written\n";
    exit_code = kExitTampered;
    return std::nullopt;
  }
  exit_code = kExitOk;
  return ReproducedDecision{std::move(*load.procurement), std::move(decision),
                            StampOf(*record, dir)};
}

}  // namespace weighbridge::cli
