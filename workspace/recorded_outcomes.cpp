#include "workspace/recorded_outcomes.h"

#include <string>

namespace weighbridge::workspace {
namespace {

// The candidate's table in a candidate submission's meaning (its one
// [[candidate]]), or null.
const nlohmann::json* CandidateTable(const nlohmann::json& meaning) {
  if (!meaning.is_object() || !meaning.contains("candidate")) return nullptr;
  const nlohmann::json& tables = meaning["candidate"];
  if (!tables.is_array() || tables.empty() || !tables[0].is_object()) return nullptr;
  return &tables[0];
}

// `key = "value", ...` for the text values of a recorded table, in its order.
std::string KeysInWords(const nlohmann::json& table) {
  std::string out;
  for (const auto& [key, value] : table.items()) {
    if (!out.empty()) out += ", ";
    out += key + " = " + value.dump();  // TOML writes text as JSON does here
  }
  return out;
}

}  // namespace

Diagnostics CheckRecordedOutcomes(Db& db,
                                  const std::vector<std::pair<Submission, long long>>& changes) {
  Diagnostics out;
  for (const auto& [incoming, version] : changes) {
    if (incoming.kind != "candidate" || version == 1) continue;
    Statement latest = db.Prepare(
        "SELECT meaning FROM submission WHERE kind = 'candidate' AND subject = ?1 "
        "ORDER BY version DESC LIMIT 1");
    latest.Bind(1, incoming.subject);
    if (!latest.Step()) continue;
    const nlohmann::json stored_meaning = nlohmann::json::parse(latest.Text(0), nullptr, false);
    const nlohmann::json* stored = CandidateTable(stored_meaning);
    const nlohmann::json* now = CandidateTable(incoming.meaning);
    if (!stored || !now) continue;
    for (const char* key : {"exclusion", "low_bid_investigation"}) {
      if (!stored->contains(key) || now->contains(key)) continue;
      const bool exclusion = std::string(key) == "exclusion";
      const std::string what = exclusion ? "was excluded in the workspace (weighbridge exclude)"
                                         : "had its low bid investigated in the workspace "
                                           "(weighbridge investigate)";
      const std::string record = exclusion ? "the exclusion" : "the investigation";
      SourcePos pos{incoming.source_file,
                    incoming.spans.empty() ? 1 : incoming.spans[0].source_line, 1};
      out.Error(pos, "candidate '" + incoming.subject + "' " + what +
                         ", but this version of it has no [candidate." + key +
                         "], so storing it would drop " + record + ". Add [candidate." + key +
                         "] under it with " + KeysInWords((*stored)[key]) + ", as recorded");
    }
  }
  return out;
}

}  // namespace weighbridge::workspace
