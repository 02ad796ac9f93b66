#include "engine/load/candidates_parser.h"

#include <cmath>

#include "engine/load/costs_parser.h"
#include "engine/load/toml_document.h"
#include "engine/load/toml_table.h"

namespace weighbridge {
namespace {

std::optional<EvidenceValue> ParseFact(const toml::node& node, const SourceFile& file,
                                       Diagnostics& diagnostics, const std::string& key) {
  if (node.is_boolean()) return EvidenceValue(*node.value<bool>());
  if (node.is_number()) {
    double number = *node.value<double>();
    if (std::isfinite(number)) return EvidenceValue(number);
    file.Error(diagnostics, PosOf(file, node), "evidence '" + key + "' should be a finite number");
    return std::nullopt;
  }
  if (node.is_string()) return EvidenceValue(*node.value<std::string>());
  if (node.is_date()) {
    toml::date d = *node.value<toml::date>();
    return EvidenceValue(Date{d.year, d.month, d.day});
  }
  if (const toml::array* array = node.as_array()) {
    std::vector<std::string> items;
    for (const toml::node& item : *array) {
      if (!item.is_string()) {
        file.Error(diagnostics, PosOf(file, item),
                   "evidence '" + key + "' is a list, so every item should be text in quotes");
        return std::nullopt;
      }
      items.push_back(*item.value<std::string>());
    }
    return EvidenceValue(std::move(items));
  }
  file.Error(diagnostics, PosOf(file, node),
             "evidence '" + key + "' should be true or false, a number, text, a list of texts or a "
             "date, not " + TomlTypeName(node));
  return std::nullopt;
}

void ParseEvidence(const toml::table& evidence, const SourceFile& file, Diagnostics& diagnostics,
                   Candidate& candidate) {
  for (auto&& [k, v] : evidence) {
    std::string key(k.str());
    if (auto fact = ParseFact(v, file, diagnostics, key)) {
      candidate.evidence[key] = std::move(*fact);
      candidate.evidence_pos[key] = PosOf(file, v);
    }
  }
}

// [candidate.low_bid_investigation]: outcome "accepted" or "rejected", and a note.
std::optional<LowBidInvestigation> ParseInvestigation(const toml::table& investigation,
                                                      const SourceFile& file,
                                                      Diagnostics& diagnostics,
                                                      const std::string& id) {
  TomlTable table(investigation, file, diagnostics,
                  "the low bid investigation of candidate '" + id + "'");
  auto outcome = table.Text("outcome", true);
  auto note = table.Text("note", true);
  table.RejectUnknownKeys();
  if (outcome && *outcome != "accepted" && *outcome != "rejected") {
    file.Error(diagnostics, table.PosOfValue("outcome"),
               "the outcome of an investigation is \"accepted\" or \"rejected\", not '" +
                   *outcome + "'");
    return std::nullopt;
  }
  if (!outcome || !note) return std::nullopt;
  return LowBidInvestigation{*outcome, *note};
}

}  // namespace

bool ParseCandidates(const SourceFile& file, Diagnostics& diagnostics, std::vector<Candidate>& out) {
  auto document = ParseToml(file, diagnostics);
  if (!document) return false;
  TomlTable root(*document, file, diagnostics, file.name());
  root.Node("candidate");
  root.RejectUnknownKeys();
  for (const toml::table* candidate_table : TablesOf(*document, "candidate", file, diagnostics)) {
    TomlTable table(*candidate_table, file, diagnostics, "[[candidate]]");
    Candidate candidate;
    candidate.pos = table.pos();
    auto id = table.Text("id", true);
    if (id) {
      candidate.pos = table.PosOfKey("id");
      table.set_what("candidate '" + *id + "'");
    }
    candidate.id = id.value_or("");
    candidate.name = table.Text("name", true).value_or(candidate.id);
    candidate.supplier = table.Text("supplier").value_or("");
    candidate.supplier_id = table.Text("supplier_id").value_or("");
    candidate.address = table.Text("address").value_or("");
    candidate.email = table.Text("email").value_or("");
    if (const toml::table* evidence = table.Table("evidence")) {
      ParseEvidence(*evidence, file, diagnostics, candidate);
    }
    if (const toml::table* exclusion = table.Table("exclusion")) {
      TomlTable excluded(*exclusion, file, diagnostics, "the exclusion of candidate '" + candidate.id + "'");
      auto ground = excluded.Text("ground", true);
      auto reason = excluded.Text("reason", true);
      excluded.RejectUnknownKeys();
      if (ground && reason) candidate.exclusion = Exclusion{*ground, *reason};
    }
    if (const toml::table* investigation = table.Table("low_bid_investigation")) {
      candidate.low_bid_investigation =
          ParseInvestigation(*investigation, file, diagnostics, candidate.id);
    }
    if (const toml::table* costs = table.Table("costs")) {
      candidate.costs = ParseCandidateCosts(*costs, file, diagnostics, candidate.id);
    }
    table.RejectUnknownKeys();
    if (id) out.push_back(std::move(candidate));
  }
  return true;
}

}  // namespace weighbridge
