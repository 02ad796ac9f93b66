#include "weighbridge/diagnostic.h"

#include <algorithm>

namespace weighbridge {

std::string Diagnostic::ToString() const {
  std::string out = pos.file;
  if (pos.line > 0) {
    out += ":" + std::to_string(pos.line) + ":" + std::to_string(std::max(pos.column, 1));
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  out += "\n";
  if (!source_line.empty() && pos.column > 0) {
    out += "  " + source_line + "\n";
    // Tabs stay tabs so the caret lines up under the same column in a terminal.
    std::string pad;
    for (int i = 0; i + 1 < pos.column && i < static_cast<int>(source_line.size()); ++i) {
      pad += source_line[i] == '\t' ? '\t' : ' ';
    }
    out += "  " + pad + "^\n";
  }
  return out;
}

void Diagnostics::Error(SourcePos pos, std::string message, std::string source_line) {
  all_.push_back({Severity::kError, std::move(pos), std::move(message), std::move(source_line)});
}

void Diagnostics::Add(Diagnostic diagnostic) { all_.push_back(std::move(diagnostic)); }

void Diagnostics::Append(const Diagnostics& other) {
  all_.insert(all_.end(), other.all_.begin(), other.all_.end());
}

bool Diagnostics::has_errors() const {
  return std::any_of(all_.begin(), all_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::string Diagnostics::ToString() const {
  std::string out;
  for (const Diagnostic& d : all_) out += d.ToString();
  return out;
}

}  // namespace weighbridge
