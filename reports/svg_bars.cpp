#include "reports/svg_bars.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "reports/html_escape.h"
#include "reports/number_format.h"

namespace weighbridge {
namespace {

// Each has a contrast ratio of at least 6:1 with white (checked with the WCAG
// relative-luminance formula), so white labels on them are readable and
// their edges are visible against the page.
constexpr std::array<const char*, 8> kPalette = {"#1d4e89", "#8a3b12", "#2e6b30", "#6a3d9a",
                                                 "#7a4f00", "#9c1c4a", "#3d4f5c", "#00606b"};

// About how wide 12px sans-serif text is, per character: generous, so a label
// is only drawn where it fits.
constexpr double kCharWidth = 7;
constexpr double kLegendRow = 22;
// Longer row labels are cut short so that they fit left of the bars; the
// table beside every chart gives them in full.
constexpr std::size_t kMaxLabel = 42;

// `text` cut to kMaxLabel characters, counting a UTF-8 character as one and
// never splitting one, with "…" when something was cut.
std::string Shortened(const std::string& text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (++chars > kMaxLabel - 1) {
      std::size_t rest = 0;
      for (std::size_t j = i; j < text.size(); ++j) {
        rest += (static_cast<unsigned char>(text[j]) & 0xC0) != 0x80;
      }
      if (rest <= 1) return text;
      std::string cut = text.substr(0, i);
      while (!cut.empty() && cut.back() == ' ') cut.pop_back();
      return cut + "\xE2\x80\xA6";  // an ellipsis, in UTF-8
    }
  }
  return text;
}

// A coordinate with at most two decimal places and no trailing zeros.
std::string Num(double value) { return FormatAsGiven(std::round(value * 100) / 100); }

double X(const BarChart& chart, double value) { return kBarLeft + kBarArea * value / chart.max; }

void Axis(const BarChart& chart, double bottom, std::string& svg) {
  for (int tick = 0; tick <= 4; ++tick) {
    double value = chart.max * tick / 4;
    double x = X(chart, value);
    svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#767676" stroke-width="1"/>)",
                       Num(x), Num(kChartTop - 4), Num(bottom));
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" class="tick">{}{}</text>)", Num(x),
                       Num(bottom + 14), FormatAsGiven(value), EscapeHtml(chart.axis_unit));
  }
}

void Row(const BarChart& chart, const BarRow& row, double& y, std::string& svg) {
  if (!row.heading.empty()) {
    svg += fmt::format(R"(<text x="0" y="{}" class="group">{}</text>)", Num(y + 13),
                       EscapeHtml(row.heading));
    y += kRowHeight * 0.8;
  }
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="label">{}</text>)",
                     Num(kBarLeft - 8), Num(y + 13), EscapeHtml(Shortened(row.label)));
  double at = row.start;
  for (const BarSegment& s : row.segments) {
    if (s.value <= 0) continue;
    double x = X(chart, at);
    double width = kBarArea * s.value / chart.max;
    // A white outline keeps touching segments apart without changing widths.
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#ffffff" stroke-width="1"/>)",
                       Num(x), Num(y), Num(width), Num(kBarHeight), PaletteColour(s.colour));
    if (!s.label.empty() && width >= kCharWidth * static_cast<double>(s.label.size()) + 6) {
      svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" class="on-bar">{}</text>)",
                         Num(x + width / 2), Num(y + 13), EscapeHtml(s.label));
    }
    at += s.value;
  }
  if (row.marker) {
    double x = X(chart, *row.marker);
    svg += fmt::format(R"(<rect x="{}" y="{}" width="4" height="{}" fill="#000000" stroke="#ffffff" stroke-width="1"/>)",
                       Num(x - 2), Num(y - 3), Num(kBarHeight + 6));
  }
  if (!row.end_label.empty()) {
    svg += fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)", Num(X(chart, at) + 6),
                       Num(y + 13), EscapeHtml(row.end_label));
  }
  y += kRowHeight;
}

}  // namespace

std::string PaletteColour(int index) {
  int n = static_cast<int>(kPalette.size());
  return kPalette[static_cast<std::size_t>(((index % n) + n) % n)];
}

std::string BarChartSvg(const BarChart& chart) {
  std::string body;
  double y = kChartTop;
  for (const BarRow& row : chart.rows) Row(chart, row, y, body);
  double bottom = y;
  std::string axis;
  Axis(chart, bottom, axis);
  double legend_top = bottom + 30;
  std::string legend;
  for (std::size_t i = 0; i < chart.legend.size(); ++i) {
    double ly = legend_top + kLegendRow * static_cast<double>(i);
    legend += fmt::format(R"(<rect x="{}" y="{}" width="14" height="14" fill="{}"/>)", Num(kBarLeft),
                          Num(ly), PaletteColour(chart.legend[i].first));
    legend += fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)", Num(kBarLeft + 20),
                          Num(ly + 12), EscapeHtml(chart.legend[i].second));
  }
  double height = legend_top + kLegendRow * static_cast<double>(chart.legend.size());
  std::string id = EscapeHtml(chart.id);
  // Axis lines go first so that bars are drawn over them.
  return fmt::format(
      R"(<svg role="img" aria-labelledby="{0}-title {0}-desc" )"
      R"(viewBox="0 0 {1} {2}" width="{1}" height="{2}" class="bars">)"
      R"(<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>{5}{6}{7}</svg>)",
      id, Num(kChartWidth), Num(height), EscapeHtml(chart.title), EscapeHtml(chart.description), axis,
      body, legend);
}

}  // namespace weighbridge
