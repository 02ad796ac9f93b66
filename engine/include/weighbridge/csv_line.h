// One line of a CSV file split into its values, RFC 4180 style: the one
// reading shared by the engine's panel.csv reader and the workspace, which
// splits a panel.csv per member, so that both read every line alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace weighbridge {

struct CsvField {
  std::string text;
  int column = 1;  // where it starts, from 1
};

// Commas separate; a value in double quotes may hold commas, and "" inside
// quotes is one quote. Returns false with `problem` in plain words (and `at`
// its column) when a quote is left open or text follows a closing quote.
// `fields` keeps its strings from line to line, so a row of short values
// allocates nothing.
bool SplitCsvLine(std::string_view line, std::vector<CsvField>& fields, std::string& problem,
                  int& at);

}  // namespace weighbridge
