#include "reports/markdown_text.h"

namespace weighbridge {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
      continue;
    }
    // '&' so that "&lt;" shows as typed rather than as an entity; '~' so that
    // "~~" cannot strike text through (GitHub's Markdown).
    if (std::string_view("\\`*_[]<>|&~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string WithoutFullStop(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string Possessive(const std::string& name) {
  return name + (!name.empty() && name.back() == 's' ? "'" : "'s");
}

void TableRow(std::string& out, const std::vector<std::string>& cells) {
  out += "|";
  for (const std::string& cell : cells) out += cell.empty() ? " |" : " " + cell + " |";
  out += "\n";
}

void TableHeader(std::string& out, const std::vector<std::string>& cells, std::string_view align) {
  TableRow(out, cells);
  out += "|";
  for (char a : align) out += a == 'r' ? " ---: |" : " --- |";
  out += "\n";
}

}  // namespace weighbridge
