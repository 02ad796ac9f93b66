// An input file's name and text, so that diagnostics can quote the line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

class SourceFile {
 public:
  SourceFile(std::string name, std::string_view text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  // The text of line `line` (from 1), or "" when out of range.
  std::string Line(int line) const;
  // Records an error at line:column of this file, quoting the line.
  void Error(Diagnostics& diagnostics, int line, int column, std::string message) const;
  void Error(Diagnostics& diagnostics, const SourcePos& pos, std::string message) const;
  SourcePos Pos(int line, int column) const { return {name_, line, column}; }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// Reports errors found across several files, quoting the line when the
// position's file is among them.
class Reporter {
 public:
  Reporter(const std::vector<const SourceFile*>& files, Diagnostics& diagnostics)
      : files_(files), diagnostics_(diagnostics) {}
  void Error(const SourcePos& pos, std::string message);

 private:
  const std::vector<const SourceFile*>& files_;
  Diagnostics& diagnostics_;
};

}  // namespace weighbridge
