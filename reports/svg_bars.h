// Horizontal bar charts as inline SVG, for the HTML report. One drawing
// serves the four charts: plain bars, stacked bars, and intervals (a bar
// that starts part-way along, with a marker for today's value).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace weighbridge {

// Geometry, in SVG user units (pixels at 100%). Public so that tests can
// work a bar's size out by hand: a value v on a chart whose axis ends at
// `max` is kBarArea * v / max wide, drawn from x = kBarLeft.
inline constexpr double kChartWidth = 780;
inline constexpr double kBarLeft = 300;   // after the row labels
inline constexpr double kBarArea = 360;   // the axis, 0 to max
inline constexpr double kRowHeight = 28;  // one bar and the gap below it
inline constexpr double kBarHeight = 18;
inline constexpr double kChartTop = 8;    // space above the first row

// One piece of a bar.
struct BarSegment {
  double value = 0;   // in the chart's units; drawn when > 0
  int colour = 0;     // index into the palette (wraps)
  std::string label;  // drawn on the segment when it fits; plain text
};

struct BarRow {
  std::string label;                  // left of the bar, shortened with "…" past 42 characters; plain text
  std::string heading;                // optional bold line above the row; plain text
  double start = 0;                   // where the first segment begins
  std::vector<BarSegment> segments;   // left to right
  std::optional<double> marker;       // a tick across the bar, e.g. today's weight
  std::string end_label;              // right of the bar, e.g. the total; plain text
};

struct BarChart {
  std::string id;           // unique in the page: the SVG's title and desc ids derive from it
  std::string title;        // plain text
  std::string description;  // plain text, one or two sentences
  double max = 100;         // the axis runs from 0 to max
  std::string axis_unit;    // appended to the axis ticks, e.g. "%"
  std::vector<BarRow> rows;
  // Key for the colours: (colour index, words). Each key's words also appear
  // on its segments where they fit, so colour is never the only cue.
  std::vector<std::pair<int, std::string>> legend;
};

// The chart as one <svg role="img"> element, labelled by its <title> and
// <desc>. Every piece of text is escaped with EscapeHtml. Numbers are written
// with at most two decimal places.
std::string BarChartSvg(const BarChart& chart);

// The palette's colour `index` (wrapping): dark enough that white text on it
// and the colour against white both pass WCAG AA (at least 4.5:1).
std::string PaletteColour(int index);

}  // namespace weighbridge
