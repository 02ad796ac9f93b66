#include "workspace/panel_csv_split.h"

#include <array>
#include <map>

namespace weighbridge::workspace {
namespace {

constexpr std::array<const char*, 6> kColumns = {"member", "group", "parent",
                                                 "method", "item",  "value"};

struct Field {
  std::string text;
  int column = 1;  // where it starts, from 1
};

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// One line split into fields as the engine's panel.csv reader splits it
// (RFC 4180 on one line: "" inside quotes is one quote). Returns false with
// `problem` and its column `at` when a quote is left open or text follows one.
bool SplitLine(const std::string& line, std::vector<Field>& fields, std::string& problem,
               int& at) {
  fields.clear();
  std::size_t i = 0;
  while (true) {
    Field field;
    field.column = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      bool closed = false;
      for (++i; i < line.size(); ++i) {
        if (line[i] != '"') {
          field.text += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          field.text += '"';
          ++i;
        } else {
          closed = true;
          ++i;
          break;
        }
      }
      if (!closed) {
        problem = "a quoted value is not closed; end it with \" on the same line";
        at = field.column;
        return false;
      }
      if (i < line.size() && line[i] != ',') {
        problem = "after a closing quote there should be a comma or the end of the line";
        at = static_cast<int>(i) + 1;
        return false;
      }
    } else {
      const std::size_t comma = std::min(line.find(',', i), line.size());
      field.text = line.substr(i, comma - i);
      i = comma;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
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

}  // namespace

bool IsPanelCsv(const std::string& file_name) { return file_name.ends_with(".csv"); }

std::vector<Submission> SplitPanelCsv(const std::string& text, const std::string& file_name,
                                      Diagnostics& diagnostics) {
  std::vector<Submission> out;
  std::map<std::string, std::size_t> of_member;  // member id -> index in `out`
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
    if (!SplitLine(line, fields, problem, at)) {
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
      out.push_back({"judgements", values[0], "panel-csv", "",
                     nlohmann::json{{"csv", nlohmann::json::array()}}, file_name, {}});
    }
    Submission& submission = out[found->second];
    const int first = static_cast<int>(submission.spans.size()) + 1;  // one line a row
    submission.toml += row + "\n";
    submission.spans.push_back({first, line_number, 1});
    // What the row says, without its quoting or spaces: "the same content".
    submission.meaning["csv"].push_back(
        std::vector<std::string>(values.begin() + 1, values.end()));
  }
  if (index.empty() && !failed) {
    diagnostics.Error({file_name, 1, 1}, "this panel.csv is empty; its first line should be " +
                                             std::string(kPanelCsvHeader));
  }
  if (failed || index.empty()) return {};
  return out;
}

}  // namespace weighbridge::workspace
