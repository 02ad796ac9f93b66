#include "workspace/panel_csv_split.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>

#include "weighbridge/csv_line.h"

namespace weighbridge::workspace {
namespace {

constexpr std::array<const char*, 6> kColumns = {"member", "group", "parent",
                                                 "method", "item",  "value"};

using Field = CsvField;

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// `text` as one CSV value: quoted only when it must be.
std::string CsvValue(const std::string& text) {
  if (text.find_first_of(",\"") == std::string::npos && text == Trimmed(text)) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Where each of kColumns is in the header's fields; empty after reporting
// what is wrong with it (in the engine's words).
std::vector<std::size_t> HeaderIndex(const std::vector<Field>& fields, const std::string& file,
                                     int line, const std::string& text,
                                     Diagnostics& diagnostics) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string name = Trimmed(fields[i].text);
    bool known = false;
    for (const char* column : kColumns) known = known || name == column;
    if (!known) {
      diagnostics.Error({file, line, fields[i].column},
                        "unknown column '" + name + "'; the columns are member, group, parent, "
                        "method, item and value",
                        text);
      return {};
    }
    if (!at.emplace(name, i).second) {
      diagnostics.Error({file, line, fields[i].column},
                        "the column '" + name + "' is there twice", text);
      return {};
    }
  }
  std::vector<std::size_t> index;
  for (const char* column : kColumns) {
    if (!at.count(column)) {
      diagnostics.Error({file, line, 1}, "the first line has no column '" + std::string(column) +
                                             "'; it should name member, group, parent, method, "
                                             "item and value",
                        text);
      return {};
    }
    index.push_back(at[column]);
  }
  return index;
}

// A value as TOML would hold it: a number when it is one ("1/3" stays text,
// as panel.toml writes a fraction).
nlohmann::json TomlValue(const std::string& text) {
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  if (!text.empty() && end == text.c_str() + text.size()) {
    if (number == static_cast<double>(static_cast<long long>(number)) &&
        text.find_first_of(".eE") == std::string::npos) {
      return static_cast<long long>(number);
    }
    return number;
  }
  return text;
}

// One member's rows (group, parent, method, item, value) as the
// [[judgement]] tables panel.toml would hold, in the same JSON as a TOML
// submission's meaning, so that commands that add to a member's judgements
// (weigh) read them alike. Rows of one parent form one table.
nlohmann::json JudgementTables(const std::string& member,
                               const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> parents;
  for (const auto& row : rows) {
    if (std::find(parents.begin(), parents.end(), row[1]) == parents.end()) {
      parents.push_back(row[1]);
    }
  }
  nlohmann::json tables = nlohmann::json::array();
  for (const std::string& parent : parents) {
    std::string method;
    nlohmann::json values = nlohmann::json::object();
    std::map<double, std::vector<std::string>> places;  // rank: place -> children
    for (const auto& row : rows) {
      if (row[1] != parent) continue;
      method = row[2];
      values[row[3]] = TomlValue(row[4]);
      if (values[row[3]].is_number()) places[values[row[3]].get<double>()].push_back(row[3]);
    }
    nlohmann::json table = {{"member", member}, {"parent", parent}, {"method", method}};
    if (method == "rank") {
      nlohmann::json order = nlohmann::json::array();
      for (const auto& [place, children] : places) {
        order.push_back(children.size() == 1 ? nlohmann::json(children[0])
                                             : nlohmann::json(children));
      }
      table["order"] = order;
    } else {
      table[method == "direct" ? "weights" : method == "pairwise" ? "pairs" : "points"] = values;
    }
    tables.push_back(table);
  }
  return tables;
}

}  // namespace

bool IsPanelCsv(const std::string& file_name) { return file_name.ends_with(".csv"); }

std::vector<Submission> SplitPanelCsv(const std::string& text, const std::string& file_name,
                                      Diagnostics& diagnostics) {
  std::vector<Submission> out;
  std::map<std::string, std::size_t> of_member;  // member id -> index in `out`
  std::vector<std::vector<std::vector<std::string>>> rows_of;  // each member's rows
  std::vector<std::size_t> index;                // kColumns' places in each row
  bool in_order = false;  // the header is kPanelCsvHeader's order: rows are kept as written
  bool failed = false;
  std::vector<Field> fields;
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte-order mark
  for (int line_number = 1; start < text.size(); ++line_number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trimmed(line).empty()) continue;
    std::string problem;
    int at = 1;
    if (!SplitCsvLine(line, fields, problem, at)) {
      diagnostics.Error({file_name, line_number, at}, problem, line);
      failed = true;
      continue;
    }
    if (index.empty()) {
      index = HeaderIndex(fields, file_name, line_number, line, diagnostics);
      if (index.empty()) return {};
      in_order = index == std::vector<std::size_t>{0, 1, 2, 3, 4, 5};
      continue;
    }
    if (fields.size() != kColumns.size()) {
      const int column = fields.size() > kColumns.size() ? fields[kColumns.size()].column : 1;
      diagnostics.Error({file_name, line_number, column},
                        "this row has " + std::to_string(fields.size()) +
                            " values; each row needs 6: member, group, parent, method, item, "
                            "value",
                        line);
      failed = true;
      continue;
    }
    std::vector<std::string> values;
    for (std::size_t i : index) values.push_back(Trimmed(fields[i].text));
    std::string row = line;
    if (!in_order) {
      row.clear();
      for (std::size_t c = 0; c < values.size(); ++c) row += (c ? "," : "") + CsvValue(values[c]);
    }
    auto [found, added] = of_member.emplace(values[0], out.size());
    if (added) {
      out.push_back({"judgements", values[0], "panel-csv", "", {}, file_name, {}});
      rows_of.emplace_back();
    }
    Submission& submission = out[found->second];
    const int first = static_cast<int>(submission.spans.size()) + 1;  // one line a row
    submission.toml += row + "\n";
    submission.spans.push_back({first, line_number, 1});
    rows_of[found->second].emplace_back(values.begin() + 1, values.end());
  }
  if (index.empty() && !failed) {
    diagnostics.Error({file_name, 1, 1}, "this panel.csv is empty; its first line should be " +
                                             std::string(kPanelCsvHeader));
  }
  if (failed || index.empty()) return {};
  // What the rows say, without quoting, spaces or their order: "the same content".
  for (std::size_t m = 0; m < out.size(); ++m) {
    // The group the rows put the member in counts too (panel.toml says it in
    // [[member]], which a CSV-only member does not have).
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& row : rows_of[m]) {
      if (std::find(groups.begin(), groups.end(), row[0]) == groups.end()) groups.push_back(row[0]);
    }
    out[m].meaning = {{"judgement", JudgementTables(out[m].subject, rows_of[m])},
                      {"csv_groups", groups}};
  }
  return out;
}

}  // namespace weighbridge::workspace
