#include "reports/html_charts.h"

#include <algorithm>
#include <map>

#include "reports/number_format.h"
#include "reports/report_headings.h"
#include "reports/svg_bars.h"

namespace weighbridge {
namespace {

// The headings the charts go under: the Markdown report's own.
constexpr const char* kGroupsHeading = headings::kWhatEachGroupThought;
constexpr const char* kTotalsHeading = headings::kHowEachTotalWasMadeUp;
constexpr const char* kWeightsHeading = headings::kIfTheWeightsWereDifferent;
constexpr const char* kSmaaHeading = headings::kUnderPlausibleWeightings;

// Every chart here runs from 0 to 100 (points, or per cent).
BarChart NewChart(std::string id, std::string title, std::string description,
                  std::string axis_unit) {
  BarChart chart;
  chart.id = std::move(id);
  chart.title = std::move(title);
  chart.description = std::move(description);
  chart.max = 100;
  chart.axis_unit = std::move(axis_unit);
  return chart;
}

BarRow NewRow(std::string label, std::vector<BarSegment> segments, std::string end_label) {
  BarRow row;
  row.label = std::move(label);
  row.segments = std::move(segments);
  row.end_label = std::move(end_label);
  return row;
}

ChartTable NewTable(std::string caption, std::vector<std::string> header,
                    std::vector<bool> numeric) {
  ChartTable table;
  table.caption = std::move(caption);
  table.header = std::move(header);
  table.numeric = std::move(numeric);
  return table;
}

class Charts {
 public:
  Charts(const Procurement& p, const Decision& d) : p_(p), d_(d) {}

  std::vector<HtmlChart> All() {
    std::vector<HtmlChart> charts;
    if (auto c = GroupWeights()) charts.push_back(std::move(*c));
    if (auto c = Contributions()) charts.push_back(std::move(*c));
    if (auto c = Stability()) charts.push_back(std::move(*c));
    if (auto c = Acceptability()) charts.push_back(std::move(*c));
    return charts;
  }

 private:
  std::string Name(const std::string& id) const {
    for (const CandidateResult& c : d_.candidates) {
      if (c.id == id && !c.name.empty()) return c.name;
    }
    return id;
  }

  std::string Title(const std::string& id) const {
    if (const Criterion* c = p_.framework.tree.Find(id); c && !c->title.empty()) return c->title;
    if (id == kPriceId) return "Price";
    if (id == kQualityId) return "Quality";
    return id;
  }

  // The criteria the panel's top level is made of: under quality when price
  // has a share (the engine's own price/quality split sits above them).
  std::string TopParent() const {
    for (const NodeWeight& w : d_.weights) {
      if (w.parent == kQualityId) return kQualityId;
    }
    return kRootId;
  }

  std::vector<std::string> Children(const std::string& parent) const {
    std::vector<std::string> out;
    for (const NodeWeight& w : d_.weights) {
      if (w.parent == parent) out.push_back(w.criterion);
    }
    return out;
  }

  // The stacks of the contributions chart: price beside quality's top level,
  // or the root's children.
  std::vector<std::string> Stacks() const {
    std::vector<std::string> out;
    if (TopParent() == kQualityId) out.push_back(kPriceId);
    for (const std::string& id : Children(TopParent())) out.push_back(id);
    return out;
  }

  // The stack a leaf's points go into: its ancestor among Stacks().
  std::string StackOf(std::string id, const std::vector<std::string>& stacks) const {
    while (std::find(stacks.begin(), stacks.end(), id) == stacks.end()) {
      auto it = std::find_if(d_.weights.begin(), d_.weights.end(),
                             [&](const NodeWeight& w) { return w.criterion == id; });
      if (it == d_.weights.end() || it->parent == kRootId) return {};
      id = it->parent;
    }
    return id;
  }

  std::optional<HtmlChart> GroupWeights() const {
    if (d_.groups.size() < 2) return std::nullopt;
    BarChart chart = NewChart("chart-groups", "Each group's weights for the top-level criteria",
                              "For each top-level criterion, a bar for the whole panel and one "
                              "for each group, as a percentage.",
                              "%");
    for (const std::string& id : Children(TopParent())) {
      double panel = 0;
      for (const NodeWeight& w : d_.weights) panel = w.criterion == id ? w.local : panel;
      chart.rows.push_back(NewRow("Whole panel", {{panel * 100, 0, ""}}, FormatPercent(panel)));
      chart.rows.back().heading = Title(id);
      int colour = 1;
      for (const GroupSummary& g : d_.groups) {
        auto it = g.weights.find(id);
        double share = it == g.weights.end() ? 0 : it->second;
        chart.rows.push_back(NewRow(g.title.empty() ? g.id : g.title,
                                    {{share * 100, colour++, ""}}, FormatPercent(share)));
      }
    }
    return HtmlChart{kGroupsHeading, chart.title, BarChartSvg(chart), std::nullopt};
  }

  std::optional<HtmlChart> Contributions() const {
    if (d_.candidates.empty()) return std::nullopt;
    std::vector<std::string> stacks = Stacks();
    BarChart chart = NewChart("chart-contributions", "The points making up each product's total",
                              "One bar for each product, made of the points each top-level "
                              "criterion contributed to its total out of 100.",
                              "");
    ChartTable table = NewTable("Points each top-level criterion contributed to each total",
                                {"Product"}, {false});
    for (std::size_t i = 0; i < stacks.size(); ++i) {
      std::string key = std::string(1, static_cast<char>('A' + i % 26));
      chart.legend.push_back({static_cast<int>(i), key + ": " + Title(stacks[i])});
      table.header.push_back(Title(stacks[i]));
      table.numeric.push_back(true);
    }
    table.header.push_back("Total out of 100");
    table.numeric.push_back(true);
    for (const CandidateResult& c : Ordered()) {
      std::map<std::string, double> points;
      for (const CriterionResult& r : c.criteria) points[StackOf(r.criterion, stacks)] += r.contribution;
      BarRow row = NewRow(Name(c.id), {}, FormatOneDecimal(c.total));
      std::vector<std::string> cells{Name(c.id)};
      for (std::size_t i = 0; i < stacks.size(); ++i) {
        std::string key = std::string(1, static_cast<char>('A' + i % 26));
        double value = points[stacks[i]];
        row.segments.push_back({value, static_cast<int>(i), key});
        cells.push_back(FormatOneDecimal(value));
      }
      chart.rows.push_back(std::move(row));
      cells.push_back(FormatOneDecimal(c.total));
      table.rows.push_back(std::move(cells));
    }
    return HtmlChart{kTotalsHeading, chart.title, BarChartSvg(chart), std::move(table)};
  }

  // Ranked best first, then the rest in the candidates file's order.
  std::vector<CandidateResult> Ordered() const {
    std::vector<CandidateResult> out;
    for (const std::string& id : d_.ranking) {
      for (const CandidateResult& c : d_.candidates) {
        if (c.id == id) out.push_back(c);
      }
    }
    for (const CandidateResult& c : d_.candidates) {
      if (!c.rank) out.push_back(c);
    }
    return out;
  }

  std::optional<HtmlChart> Stability() const {
    const Sensitivity& s = d_.sensitivity;
    if (s.skipped || s.stability.empty() || d_.ranking.size() < 2) return std::nullopt;
    BarChart chart = NewChart("chart-stability",
                              "How far each weight can move before the winner changes",
                              "For each criterion, the bar spans the weights among its siblings "
                              "at which " + Name(d_.ranking[0]) +
                                  " stays first; the black mark is today's weight.",
                              "%");
    ChartTable table = NewTable("The weights at which the winner stays first",
                                {"Criterion", "Weight today", "Winner stays first from",
                                 "Winner stays first up to", "Whole ranking unchanged"},
                                {false, true, true, true, false});
    for (const StabilityInterval& i : s.stability) {
      std::string range = FormatPercent(i.winner_lower) + " to " + FormatPercent(i.winner_upper);
      chart.rows.push_back(
          NewRow(Title(i.criterion), {{(i.winner_upper - i.winner_lower) * 100, 0, ""}}, range));
      chart.rows.back().start = i.winner_lower * 100;
      chart.rows.back().marker = i.weight * 100;
      table.rows.push_back({Title(i.criterion), FormatPercent(i.weight),
                            FormatPercent(i.winner_lower), FormatPercent(i.winner_upper),
                            FormatPercent(i.ranking_lower) + " to " +
                                FormatPercent(i.ranking_upper)});
    }
    return HtmlChart{kWeightsHeading, chart.title, BarChartSvg(chart), std::move(table)};
  }

  std::optional<HtmlChart> Acceptability() const {
    const SmaaResult& smaa = d_.sensitivity.smaa;
    if (d_.sensitivity.skipped || !smaa.ran || smaa.candidates.empty()) return std::nullopt;
    std::size_t places = smaa.candidates.size();
    BarChart chart = NewChart("chart-smaa", "How often each product took each place",
                              "For each eligible product, the share of " +
                                  FormatCount(smaa.samples) +
                                  " random weightings in which it came first, second and so on.",
                              "%");
    ChartTable table = NewTable(
        "Share of random weightings in which each product took each place", {"Product"}, {false});
    for (std::size_t r = 0; r < places; ++r) {
      chart.legend.push_back({static_cast<int>(r), Ordinal(r + 1) + " place"});
      table.header.push_back(Capitalised(Ordinal(r + 1)));
      table.numeric.push_back(true);
    }
    for (std::size_t c = 0; c < places; ++c) {
      BarRow row = NewRow(Name(smaa.candidates[c]), {}, "");
      std::vector<std::string> cells{Name(smaa.candidates[c])};
      for (std::size_t r = 0; r < places; ++r) {
        double share = smaa.acceptability[c][r];
        row.segments.push_back({share * 100, static_cast<int>(r), Ordinal(r + 1)});
        cells.push_back(FormatPercent(share));
      }
      chart.rows.push_back(std::move(row));
      table.rows.push_back(std::move(cells));
    }
    return HtmlChart{kSmaaHeading, chart.title, BarChartSvg(chart), std::move(table)};
  }

  static std::string Ordinal(std::size_t n) {
    static const char* kWords[] = {"first", "second", "third", "fourth", "fifth",
                                   "sixth", "seventh", "eighth", "ninth", "tenth"};
    if (n >= 1 && n <= 10) return kWords[n - 1];
    std::string suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                         : n % 10 == 1                    ? "st"
                         : n % 10 == 2                    ? "nd"
                         : n % 10 == 3                    ? "rd"
                                                          : "th";
    return std::to_string(n) + suffix;
  }

  const Procurement& p_;
  const Decision& d_;
};

}  // namespace

std::vector<HtmlChart> ReportCharts(const Procurement& procurement, const Decision& decision) {
  return Charts(procurement, decision).All();
}

}  // namespace weighbridge
