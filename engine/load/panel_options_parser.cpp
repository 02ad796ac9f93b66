#include "engine/load/panel_options_parser.h"

#include "engine/load/suggest.h"
#include "engine/load/toml_table.h"

namespace weighbridge {

void ParsePanelOptions(const toml::table& panel, const SourceFile& file, Diagnostics& diagnostics,
                       PanelOptions& options) {
  TomlTable table(panel, file, diagnostics, "[panel]");
  if (auto within = table.Text("within_group")) {
    const std::vector<std::string> known = {"mean", "geometric", "judgements"};
    if (*within == "mean") {
      options.within_group = WithinGroup::kMean;
    } else if (*within == "geometric") {
      options.within_group = WithinGroup::kGeometric;
    } else if (*within == "judgements") {
      options.within_group = WithinGroup::kJudgements;
    } else {
      file.Error(diagnostics, table.PosOfValue("within_group"),
                 "within_group '" + *within + "' is not one of mean, geometric, judgements" +
                     DidYouMean(*within, known));
    }
  }
  if (auto limit = table.Number("exclude_cr_above")) {
    if (*limit < 0) {
      file.Error(diagnostics, table.PosOfValue("exclude_cr_above"),
                 "exclude_cr_above cannot be negative; consistency ratios start at 0");
    } else {
      options.exclude_cr_above = *limit;
    }
  }
  table.RejectUnknownKeys();
}

}  // namespace weighbridge
