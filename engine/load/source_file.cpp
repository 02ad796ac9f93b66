#include "engine/load/source_file.h"

namespace weighbridge {

SourceFile::SourceFile(std::string name, std::string_view text)
    : name_(std::move(name)), text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string SourceFile::Line(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return "";
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = text_.find('\n', begin);
  std::string out = text_.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

void SourceFile::Error(Diagnostics& diagnostics, int line, int column, std::string message) const {
  diagnostics.Error(Pos(line, column), std::move(message), Line(line));
}

void SourceFile::Error(Diagnostics& diagnostics, const SourcePos& pos, std::string message) const {
  diagnostics.Error(pos, std::move(message), Line(pos.line));
}

void Reporter::Error(const SourcePos& pos, std::string message) {
  for (const SourceFile* file : files_) {
    if (file->name() == pos.file) return file->Error(diagnostics_, pos, std::move(message));
  }
  diagnostics_.Error(pos, std::move(message));
}

}  // namespace weighbridge
