// Splitting panel.csv (the long layout `member,group,parent,method,item,value`
// of docs/formats.md) into submissions, as panel.toml is split: one per
// member's judgements, so a member's changed rows are a new version of theirs
// alone. Only the CSV itself is read here; what the rows say is checked by
// the engine's own panel.csv reader when the workspace is loaded.
#pragma once

#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

// The header the workspace writes its copy of panel.csv with.
inline constexpr const char* kPanelCsvHeader = "member,group,parent,method,item,value";

// Whether `file_name` is a panel.csv to split with SplitPanelCsv (it ends in
// .csv).
bool IsPanelCsv(const std::string& file_name);

// One "judgements" submission per member, in the order members first appear;
// each holds that member's rows (file_kind "panel-csv"), in the columns of
// kPanelCsvHeader, with each row's line in `file_name`. A header that does not
// name the six columns once each, or a row with another number of values, is
// reported at its line and column, and nothing is returned.
std::vector<Submission> SplitPanelCsv(const std::string& text, const std::string& file_name,
                                      Diagnostics& diagnostics);

}  // namespace weighbridge::workspace
