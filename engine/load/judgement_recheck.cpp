// CheckJudgementTables: one member's judgements checked against a procurement
// already loaded, as the loader would check them in panel.toml.
#include <toml++/toml.h>

#include "engine/load/judgement_parser.h"
#include "engine/load/source_file.h"
#include "engine/load/toml_document.h"
#include "engine/load/toml_table.h"
#include "weighbridge/load.h"

namespace weighbridge {

Diagnostics CheckJudgementTables(std::string_view text, const std::string& file,
                                 const Procurement& procurement) {
  Diagnostics diagnostics;
  const SourceFile source(file, text);
  std::optional<toml::table> document = ParseToml(source, diagnostics);
  if (!document) return diagnostics;
  // The same top-level keys panel.toml allows, so that a stray key is named
  // exactly as a whole load names it.
  TomlTable root(*document, source, diagnostics, "panel.toml");
  root.Node("group");
  root.Node("member");
  root.Node("judgement");
  root.RejectUnknownKeys();
  // A judgement is checked against the criteria and the members only: which
  // nodes another member weighed, or how, never makes it wrong.
  Panel panel;
  panel.groups = procurement.panel.groups;
  panel.members = procurement.panel.members;
  ParseJudgements(*document, source, &procurement.framework.tree, diagnostics, panel);
  return diagnostics;
}

}  // namespace weighbridge
