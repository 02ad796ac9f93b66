// The evaluation matrix as CSV: one row per candidate, in the candidates
// file's order, with every leaf's score and contribution. For people who
// want the numbers in a spreadsheet; the JSON stays the machine contract.
#include "reports/csv_export.h"

#include <string>
#include <vector>

#include "reports/number_format.h"
#include "weighbridge/reports.h"

namespace weighbridge {

std::string CsvTextCell(std::string_view text) {
  std::string cell;
  // A spreadsheet reads a cell starting with one of these as a formula (or,
  // for tab and carriage return, may strip them and then read one).
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    cell += '\'';
  }
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

std::string CsvNumberCell(double value) {
  // Exact, not rounded, so that a row's contributions add up to its total in
  // the spreadsheet as they do in the engine; FormatAsGiven writes -0 as 0.
  return FormatAsGiven(value);
}

namespace {

const CriterionResult* FindLine(const CandidateResult& c, const std::string& criterion) {
  for (const CriterionResult& r : c.criteria) {
    if (r.criterion == criterion) return &r;
  }
  return nullptr;
}

// RFC 4180 ends every record, the last included, with CRLF.
void Row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i > 0 ? "," : "") + cells[i];
  out += "\r\n";
}

}  // namespace

std::string RenderCsv(const Procurement& procurement, const Decision& decision) {
  // The tree's leaves, price among them when it has a share; then a column
  // for a cap on the total only when some candidate's total was capped, so
  // that each row's contributions always add up to its total.
  std::vector<std::string> columns = procurement.framework.tree.leaves();
  std::vector<std::string> contributions = columns;
  for (const CandidateResult& c : decision.candidates) {
    if (FindLine(c, "total")) {
      contributions.push_back("total");
      break;
    }
  }
  std::vector<std::string> header = {"id", "name", "eligible", "rank", "total"};
  for (const std::string& id : columns) header.push_back(CsvTextCell("score:" + id));
  for (const std::string& id : contributions) header.push_back(CsvTextCell("contribution:" + id));
  std::string out;
  Row(out, header);
  for (const CandidateResult& c : decision.candidates) {
    std::vector<std::string> cells = {
        CsvTextCell(c.id), CsvTextCell(c.name), c.eligible ? "yes" : "no",
        c.rank ? std::to_string(*c.rank) : "", CsvNumberCell(c.total)};
    for (const std::string& id : columns) {
      const CriterionResult* line = FindLine(c, id);
      cells.push_back(line ? CsvNumberCell(line->score) : "");
    }
    for (const std::string& id : contributions) {
      const CriterionResult* line = FindLine(c, id);
      // A candidate whose total was not capped lost nothing to a cap: 0.
      cells.push_back(line ? CsvNumberCell(line->contribution) : id == "total" ? "0" : "");
    }
    Row(out, cells);
  }
  return out;
}

}  // namespace weighbridge
