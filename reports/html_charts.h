// The HTML report's four charts, each with the figures it draws as a table:
// weights by stakeholder group, the points making up each total, how far
// each weight can move before the winner changes, and how often each product
// took each place when weights and scores were drawn at random (SMAA).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// A chart's figures as a table. All text is plain (not yet escaped).
struct ChartTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: right-aligned figures
  std::vector<std::vector<std::string>> rows;
};

struct HtmlChart {
  std::string anchor;   // the report heading (plain text) the chart goes under
  std::string title;    // plain text
  std::string svg;      // a complete <svg>, every label already escaped
  // Its figures; nullopt when they are the table just before the chart in
  // the report (the group weights already have one).
  std::optional<ChartTable> table;
};

// The charts that have something to show, in report order. A chart with no
// data is left out: no groups, no eligible products, no robustness analysis.
std::vector<HtmlChart> ReportCharts(const Procurement& procurement, const Decision& decision);

}  // namespace weighbridge
