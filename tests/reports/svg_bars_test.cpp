#include "reports/svg_bars.h"

#include <catch2/catch.hpp>

namespace weighbridge {
namespace {

BarChart Chart(std::string id, std::string title, std::string description, double max) {
  BarChart chart;
  chart.id = std::move(id);
  chart.title = std::move(title);
  chart.description = std::move(description);
  chart.max = max;
  return chart;
}

BarRow Row(std::string label, std::vector<BarSegment> segments, double start = 0) {
  BarRow row;
  row.label = std::move(label);
  row.segments = std::move(segments);
  row.start = start;
  return row;
}

TEST_CASE("SVG bars: a stacked bar's pieces are as wide as their values on the axis", "[reports]") {
  // Axis 0-100 over 360 units from x = 300: 30 is 108 wide; 45 is 162 wide
  // and starts at 300 + 108 = 408. The first row's top is 8.
  BarChart chart = Chart("c", "T", "D", 100);
  chart.rows.push_back(Row("A", {{30, 0, ""}, {45, 1, ""}}));
  std::string svg = BarChartSvg(chart);
  CHECK(svg.find(R"(<rect x="300" y="8" width="108" height="18")") != std::string::npos);
  CHECK(svg.find(R"(<rect x="408" y="8" width="162" height="18")") != std::string::npos);
}

TEST_CASE("SVG bars: an interval starts part-way and its marker is centred on the value",
          "[reports]") {
  // Axis 0-50: a unit is 360 / 50 = 7.2. The bar runs 10 to 35: x = 300 + 72 =
  // 372, width 25 x 7.2 = 180. The second row's top is 8 + 28 = 36; the
  // marker, 4 wide, is centred on 20: x = 300 + 144 - 2 = 442.
  BarChart chart = Chart("c", "T", "D", 50);
  chart.rows.push_back(Row("first", {}));
  chart.rows.push_back(Row("second", {{25, 0, ""}}, 10));
  chart.rows.back().marker = 20;
  std::string svg = BarChartSvg(chart);
  CHECK(svg.find(R"(<rect x="372" y="36" width="180" height="18")") != std::string::npos);
  CHECK(svg.find(R"(<rect x="442" y="33" width="4" height="24")") != std::string::npos);
}

TEST_CASE("SVG bars: labels are escaped and the chart is labelled for screen readers",
          "[reports]") {
  BarChart chart = Chart("c1", "A & B", "<desc>", 100);
  chart.rows.push_back(Row("<script>alert(1)</script>", {{50, 0, "x\"y"}}));
  std::string svg = BarChartSvg(chart);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find(R"(role="img" aria-labelledby="c1-title c1-desc")") != std::string::npos);
  CHECK(svg.find(R"(<title id="c1-title">A &amp; B</title><desc id="c1-desc">&lt;desc&gt;</desc>)") !=
        std::string::npos);
  CHECK(svg.find(">x&quot;y</text>") != std::string::npos);
}

TEST_CASE("SVG bars: a long row label is cut to 42 characters with an ellipsis", "[reports]") {
  // 45 characters: the first 41 (three times "abcdefghij-", then
  // "abcdefgh"), then "…", 42 in all.
  BarChart chart = Chart("c", "T", "D", 100);
  chart.rows.push_back(Row("abcdefghij-abcdefghij-abcdefghij-abcdefghij-x", {}));
  chart.rows.push_back(Row("exactly forty-two characters long, no cuts", {}));
  std::string svg = BarChartSvg(chart);
  CHECK(svg.find(">abcdefghij-abcdefghij-abcdefghij-abcdefgh\xE2\x80\xA6</text>") != std::string::npos);
  CHECK(svg.find(">exactly forty-two characters long, no cuts</text>") != std::string::npos);
}

}  // namespace
}  // namespace weighbridge
