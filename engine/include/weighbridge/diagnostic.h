// Problems found in a user's input, reported like a compiler does so that an
// editor can jump to them: `file:line:col: error: message`, then the offending
// line and a caret under the column.
#pragma once

#include <string>
#include <vector>

namespace weighbridge {

// A place in an input file. Lines and columns count from 1; 0 means unknown.
struct SourcePos {
  std::string file;  // path as the user gave it (or a name chosen by a test)
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;      // plain words, no trailing period
  std::string source_line;  // the text of pos.line, for the caret; may be empty

  // `file:line:col: error: message`, plus the source line and a caret line
  // when source_line is known.
  std::string ToString() const;
};

// Collects every problem, in the order found, so a user sees them all at once.
class Diagnostics {
 public:
  void Error(SourcePos pos, std::string message, std::string source_line = {});
  void Add(Diagnostic diagnostic);
  void Append(const Diagnostics& other);

  bool has_errors() const;
  const std::vector<Diagnostic>& all() const { return all_; }
  // Every diagnostic's ToString(), each ending in a newline.
  std::string ToString() const;

 private:
  std::vector<Diagnostic> all_;
};

}  // namespace weighbridge
