#include "reports/html_report_data.h"

#include <set>

#include "reports/html_charts.h"
#include "reports/html_escape.h"
#include "reports/markdown_blocks.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::object;


// Every block has every kind's flag, so that a template's {{#is_table}} never
// finds the flag of an enclosing block instead.
data Block(const char* kind) {
  data block = object{};
  for (const char* k : {"is_subheading", "is_paragraph", "is_list", "is_table", "is_chart"}) {
    block.set(k, std::string(k) == kind);
  }
  return block;
}

// A table for the "table" partial. Cells are given as HTML already escaped;
// the first cell of each row heads the row.
data Table(const std::string& caption, const std::vector<std::string>& header,
           const std::vector<bool>& numeric, const std::vector<std::vector<std::string>>& rows) {
  auto is_numeric = [&](std::size_t i) { return i < numeric.size() && numeric[i]; };
  list head;
  for (std::size_t i = 0; i < header.size(); ++i) {
    head.push_back(object{{"text", header[i]}, {"numeric", is_numeric(i)}});
  }
  list body;
  for (const std::vector<std::string>& row : rows) {
    list cells;
    for (std::size_t i = 0; i < row.size(); ++i) {
      cells.push_back(object{{"html", row[i]},
                             {"numeric", is_numeric(i)},
                             {"row_header", i == 0},
                             {"indent", std::to_string(LeadingIndents(row[i]))}});
    }
    body.push_back(object{{"cells", cells}});
  }
  return object{{"caption", caption}, {"head", head}, {"rows", body}};
}

// A heading's text as an id for links: lower-case letters and digits joined
// by hyphens, made unique in the page by a number when needed.
std::string Slug(const std::string& text, std::set<std::string>& used) {
  std::string slug;
  for (char c : text) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a'), word = true;
    if (word) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "section";
  std::string unique = slug;
  for (int n = 2; used.count(unique); ++n) unique = slug + "-" + std::to_string(n);
  used.insert(unique);
  return unique;
}

// What kind of document a page is: the templates show `kind` above the
// title and in the window's title.
struct Document {
  std::string markdown;  // the document's words, as its Markdown renderer gives them
  std::string kind;      // "Justification report", "Assessment methodology"
  // Added to the title for the window's title bar, unless the title already
  // says what the document is ("How bids will be assessed: ...").
  std::string title_suffix;
  std::vector<HtmlChart> charts;
};

class DataBuilder {
 public:
  DataBuilder(Document document, const std::string& version)
      : markdown_(std::move(document.markdown)),
        kind_(std::move(document.kind)),
        title_suffix_(std::move(document.title_suffix)),
        version_(version),
        charts_(std::move(document.charts)) {}

  data Build() {
    std::vector<MarkdownBlock> blocks = ReadMarkdownBlocks(markdown_);
    data root = object{};
    root.set("kind", kind_);
    list meta;
    for (const MarkdownBlock& b : blocks) {
      if (b.kind == MarkdownBlock::Kind::kHeading && b.level == 1) {
        root.set("title", InlinePlain(b.text));
        root.set("page_title", InlinePlain(b.text) + title_suffix_);
      } else if (b.kind == MarkdownBlock::Kind::kHeading && b.level == 2) {
        StartSection(InlinePlain(b.text));
      } else if (!in_section_) {
        // Between the title and the first section: the line naming the
        // authority, reference and criteria.
        meta.push_back(object{{"html", InlineHtml(b.text)}});
      } else {
        Add(b);
      }
    }
    EndSection();
    root.set("meta", meta);
    root.set("sections", sections_);
    root.set("lang", std::string("en"));
    root.set("engine_version", version_);
    root.set("has_engine_version", !version_.empty());
    return root;
  }

 private:
  void StartSection(const std::string& heading) {
    EndSection();
    in_section_ = true;
    heading_ = heading;
    subheading_.clear();
    blocks_ = list{};
    PlaceChart(heading);
  }

  void EndSection() {
    if (!in_section_) return;
    sections_.push_back(object{{"heading", heading_}, {"id", Slug(heading_, ids_)}, {"blocks", blocks_}});
    in_section_ = false;
  }

  void Add(const MarkdownBlock& b) {
    switch (b.kind) {
      case MarkdownBlock::Kind::kHeading: {
        subheading_ = InlinePlain(b.text);
        data block = Block("is_subheading");
        block.set("text", subheading_);
        block.set("id", Slug(subheading_, ids_));
        blocks_.push_back(block);
        PlaceChart(subheading_);
        last_bold_.clear();
        return;
      }
      case MarkdownBlock::Kind::kParagraph: {
        data block = Block("is_paragraph");
        block.set("html", InlineHtml(b.text));
        blocks_.push_back(block);
        // A paragraph that is one bold name labels the table below it.
        bool label = b.text.starts_with("**") && b.text.ends_with("**") &&
                     b.text.find("**", 2) == b.text.size() - 2;
        last_bold_ = label ? InlinePlain(b.text) : "";
        return;
      }
      case MarkdownBlock::Kind::kList: {
        data block = Block("is_list");
        list items;
        for (const std::string& item : b.items) items.push_back(object{{"html", InlineHtml(item)}});
        block.set("items", items);
        blocks_.push_back(block);
        last_bold_.clear();
        return;
      }
      case MarkdownBlock::Kind::kTable:
        AddTable(b);
        return;
    }
  }

  void AddTable(const MarkdownBlock& b) {
    std::string caption = subheading_.empty() ? heading_ : subheading_;
    if (!last_bold_.empty()) caption = last_bold_ + ": " + caption;
    std::vector<std::string> header;
    for (const std::string& cell : b.header) header.push_back(InlinePlain(cell));
    std::vector<std::vector<std::string>> rows;
    for (const std::vector<std::string>& row : b.rows) {
      std::vector<std::string> cells;
      for (const std::string& cell : row) cells.push_back(InlineHtml(cell));
      rows.push_back(std::move(cells));
    }
    data block = Block("is_table");
    block.set("table", Table(caption, header, b.numeric, rows));
    blocks_.push_back(block);
    last_bold_.clear();
    if (waiting_chart_) {
      // A chart whose figures are this table goes straight after it.
      blocks_.push_back(ChartBlock(*waiting_chart_));
      waiting_chart_ = nullptr;
    }
  }

  // Charts go under their heading: those with their own table at once, the
  // one whose figures are the heading's table after that table.
  void PlaceChart(const std::string& heading) {
    if (waiting_chart_) blocks_.push_back(ChartBlock(*waiting_chart_));
    waiting_chart_ = nullptr;
    for (const HtmlChart& chart : charts_) {
      if (chart.anchor != heading) continue;
      if (chart.table) {
        blocks_.push_back(ChartBlock(chart));
      } else {
        waiting_chart_ = &chart;
      }
    }
  }

  data ChartBlock(const HtmlChart& chart) {
    data block = Block("is_chart");
    block.set("title", chart.title);
    block.set("id", Slug(chart.title, ids_));
    block.set("svg_html", chart.svg);
    block.set("has_table", chart.table.has_value());
    if (chart.table) {
      std::vector<std::vector<std::string>> rows;
      for (const std::vector<std::string>& row : chart.table->rows) {
        std::vector<std::string> cells;
        for (const std::string& cell : row) cells.push_back(EscapeHtml(cell));
        rows.push_back(std::move(cells));
      }
      block.set("table", Table(chart.table->caption, chart.table->header, chart.table->numeric, rows));
    }
    return block;
  }

  const std::string markdown_;
  const std::string kind_;
  const std::string title_suffix_;
  const std::string& version_;
  std::vector<HtmlChart> charts_;
  const HtmlChart* waiting_chart_ = nullptr;  // placed after the next table
  std::set<std::string> ids_;                 // ids used so far in the page
  list sections_;
  bool in_section_ = false;
  std::string heading_;     // the current section's heading
  std::string subheading_;  // the current sub-heading, or empty
  std::string last_bold_;   // the bold label just before, for a table's caption
  list blocks_;
};

}  // namespace

data HtmlReportData(const Procurement& procurement, const Decision& decision,
                    const std::string& engine_version, const DecisionStamp& stamp) {
  Document report{RenderMarkdown(procurement, decision, engine_version, stamp),
                  "Justification report",
                  ": justification report", ReportCharts(procurement, decision)};
  return DataBuilder(std::move(report), engine_version).Build();
}

data HtmlMethodologyData(const Procurement& procurement, const Decision& decision,
                         const std::string& engine_version) {
  Document methodology{RenderMethodology(procurement, decision), "Assessment methodology", "", {}};
  return DataBuilder(std::move(methodology), engine_version).Build();
}

}  // namespace weighbridge
