#include "engine/load/procurement_parser.h"

#include "engine/load/costs_parser.h"
#include "engine/load/criterion_parser.h"
#include "engine/load/panel_options_parser.h"
#include "engine/load/smaa_parser.h"
#include "engine/load/toml_document.h"
#include "engine/load/toml_table.h"

namespace weighbridge {
namespace {

void ParseHeader(TomlTable& table, ProcurementParts& parts) {
  ProcurementInfo& info = parts.info;
  info.id = table.Text("id", true).value_or("");
  info.title = table.Text("title", true).value_or("");
  info.authority = table.Text("authority").value_or("");
  info.reference = table.Text("reference").value_or("");
  info.purpose = table.Text("purpose").value_or("");
  info.currency = table.Text("currency").value_or("");
  if (auto framework = table.Text("framework", true)) {
    parts.framework = *framework;
    const toml::node* node = table.Node("framework");
    parts.framework_pos = PosOf(table.file(), *node);
  }
  if (auto term = table.WholeNumber("term_years")) {
    if (*term < 1 || *term > 100) {
      table.file().Error(table.diagnostics(), table.PosOfValue("term_years"),
                         "term_years should be a whole number of years from 1 to 100");
      parts.term_refused = true;
    } else {
      info.term_years = static_cast<int>(*term);
    }
  }
  parts.budget = ParseBudget(table);
  if (parts.budget) parts.budget_pos = table.PosOfValue("budget");
  parts.tie_break = ParseTieBreak(table);
  table.RejectUnknownKeys();
}

}  // namespace

std::optional<ProcurementParts> ParseProcurementParts(const SourceFile& file,
                                                      Diagnostics& diagnostics) {
  auto document = ParseToml(file, diagnostics);
  if (!document) return std::nullopt;
  ProcurementParts parts;
  TomlTable root(*document, file, diagnostics, "procurement.toml");
  if (const toml::table* header = root.RequiredSection("procurement")) {
    TomlTable table(*header, file, diagnostics, "[procurement]");
    ParseHeader(table, parts);
  }
  root.Node("criterion");
  for (const toml::table* table : TablesOf(*document, "criterion", file, diagnostics)) {
    if (auto criterion = ParseCriterion(*table, file, diagnostics)) {
      parts.local_criteria.push_back(std::move(*criterion));
    }
  }
  root.Node("rule");
  ParseRules(*document, file, diagnostics, parts.rules);
  if (const toml::table* panel = root.Table("panel")) {
    ParsePanelOptions(*panel, file, diagnostics, parts.panel_options);
  }
  parts.price = ParsePriceSettings(root.Table("price"), file, diagnostics);
  parts.costs = ParseCostSettings(root.Table("costs"), file, diagnostics);
  if (const toml::table* smaa = root.Table("smaa")) ParseSmaa(*smaa, file, diagnostics, parts.smaa);
  root.RejectUnknownKeys();
  return parts;
}

}  // namespace weighbridge
