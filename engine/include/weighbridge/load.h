// Reading a procurement folder or a framework file into validated values.
// Every problem found is collected as a Diagnostic naming file:line:col; a
// value is returned only when there are none.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "weighbridge/diagnostic.h"
#include "weighbridge/framework.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

struct LoadOptions {
  // Folders searched, in order, for a framework named by id (`<dir>/<id>.toml`).
  std::vector<std::filesystem::path> framework_dirs;
  // Score a judgement criterion nobody scored as 0 and mark the candidate
  // incomplete, rather than refusing the procurement. Default off: an
  // unscored criterion is usually a mistake.
  bool allow_incomplete = false;
};

struct ProcurementLoad {
  std::optional<Procurement> procurement;  // set only when diagnostics has no error
  Diagnostics diagnostics;
};

struct FrameworkLoad {
  std::optional<Framework> framework;  // set only when diagnostics has no error
  Diagnostics diagnostics;
};

// Reads procurement.toml, candidates.toml (or candidates/*.toml), panel.toml
// and scores.toml from `folder`, and the framework procurement.toml names.
ProcurementLoad LoadProcurement(const std::filesystem::path& folder, const LoadOptions& options);

// The problems the loader would report in `text`: one panel member's
// [[judgement]] tables, as they would stand in panel.toml, checked against the
// criteria and the panel members of `procurement` (as loaded before). `file`
// names the text in diagnostics. A judgement is checked against the tree and
// the members only, never against other members' judgements, so this finds
// exactly what loading the whole procurement again with the change would find
// in these tables; the workspace uses it to take one person's answers without
// that reload.
Diagnostics CheckJudgementTables(std::string_view text, const std::string& file,
                                 const Procurement& procurement);

// Reads one framework file.
FrameworkLoad LoadFrameworkFile(const std::filesystem::path& file);

// Parses framework text; `file` names it in diagnostics. No file access.
FrameworkLoad ParseFramework(std::string_view text, const std::string& file);

// The frameworks found in `dirs` (first found wins for an id), by id.
std::vector<FrameworkSummary> ListFrameworks(const std::vector<std::filesystem::path>& dirs);

}  // namespace weighbridge
