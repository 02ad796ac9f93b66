// Cells of the evaluation matrix as CSV (RFC 4180), safe to open in a
// spreadsheet. RenderCsv (weighbridge/reports.h) builds the rows from these.
#pragma once

#include <string>
#include <string_view>

namespace weighbridge {

// A cell of text from the input (an id, a name): neutralised when it begins
// with = + - @, a tab or a carriage return, by a leading ' so that a
// spreadsheet shows it rather than running it as a formula (OWASP, "CSV
// Injection"); then quoted as RFC 4180 asks when it holds a comma, a double
// quote, a carriage return or a line feed, each double quote doubled.
std::string CsvTextCell(std::string_view text);

// A number we format ourselves: its shortest exact form ("78.5", "-5"), never
// neutralised, so that a negative number stays a number in a spreadsheet.
// Negative zero is written "0".
std::string CsvNumberCell(double value);

}  // namespace weighbridge
