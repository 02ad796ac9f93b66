#include "weighbridge/csv_line.h"

#include <algorithm>

namespace weighbridge {

bool SplitCsvLine(std::string_view line, std::vector<CsvField>& fields, std::string& problem,
                  int& at) {
  std::size_t used = 0;
  std::size_t i = 0;
  while (true) {
    if (used == fields.size()) fields.emplace_back();
    CsvField& field = fields[used];
    field.text.clear();
    field.column = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        field.text += line[i++];
      }
      if (!closed) {
        problem = "a quoted value is not closed; end it with \" on the same line";
        at = field.column;
        fields.resize(used);
        return false;
      }
      if (i < line.size() && line[i] != ',') {
        problem = "after a closing quote there should be a comma or the end of the line";
        at = static_cast<int>(i) + 1;
        fields.resize(used);
        return false;
      }
    } else {
      const std::size_t comma = std::min(line.find(',', i), line.size());
      field.text.assign(line.substr(i, comma - i));
      i = comma;
    }
    ++used;
    if (i >= line.size()) {
      fields.resize(used);
      return true;
    }
    ++i;  // the comma
  }
}

}  // namespace weighbridge
