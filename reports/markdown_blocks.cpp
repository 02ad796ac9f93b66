#include "reports/markdown_blocks.h"

#include "reports/html_escape.h"

namespace weighbridge {
namespace {

constexpr std::string_view kIndent = "&emsp;";

MarkdownBlock MakeBlock(MarkdownBlock::Kind kind, std::string text = {}) {
  MarkdownBlock block;
  block.kind = kind;
  block.text = std::move(text);
  return block;
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The cells of "| a | b |": split at pipes that are not backslash-escaped
// (Escape in markdown_text.h escapes every pipe in people's text).
std::vector<std::string> Cells(std::string_view line) {
  line = Trimmed(line);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cell += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back(Trimmed(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  if (!Trimmed(cell).empty()) cells.emplace_back(Trimmed(cell));
  return cells;
}

bool IsSeparatorRow(std::string_view line) {
  return line.find("---") != std::string_view::npos &&
         line.find_first_not_of("|-: ") == std::string_view::npos;
}

int HeadingLevel(std::string_view line) {
  std::size_t n = line.find_first_not_of('#');
  if (n == 0 || n == std::string_view::npos || line[n] != ' ') return 0;
  return static_cast<int>(n);
}

// Walks inline Markdown, giving each piece to `out` as text, or as a marker
// change: `strong` and `code` say which markers are open after it.
template <typename Sink>
void WalkInline(std::string_view md, Sink&& sink) {
  bool strong = false;
  bool code = false;
  for (std::size_t i = 0; i < md.size(); ++i) {
    if (md.substr(i, kIndent.size()) == kIndent) {
      sink.Indent();
      i += kIndent.size() - 1;
    } else if (md[i] == '\\' && i + 1 < md.size() && !code) {
      sink.Text(md[++i]);
    } else if (md[i] == '`') {
      code = !code;
      sink.Code(code);
    } else if (!code && md.substr(i, 2) == "**") {
      strong = !strong;
      sink.Strong(strong);
      ++i;
    } else {
      sink.Text(md[i]);
    }
  }
  if (code) sink.Code(false);
  if (strong) sink.Strong(false);
}

struct HtmlSink {
  std::string out;
  void Indent() { out += "&emsp;"; }
  void Text(char c) { out += EscapeHtml(std::string_view(&c, 1)); }
  void Code(bool open) { out += open ? "<code>" : "</code>"; }
  void Strong(bool open) { out += open ? "<strong>" : "</strong>"; }
};

struct PlainSink {
  std::string out;
  void Indent() {}
  void Text(char c) { out += c; }
  void Code(bool) {}
  void Strong(bool) {}
};

}  // namespace

std::vector<MarkdownBlock> ReadMarkdownBlocks(std::string_view markdown) {
  std::vector<MarkdownBlock> blocks;
  // Whether the last block may take the next line: a paragraph, list or
  // table not yet ended by a blank line or a different kind of line.
  bool open = false;
  while (!markdown.empty()) {
    std::size_t end = markdown.find('\n');
    std::string_view line = markdown.substr(0, end);
    markdown.remove_prefix(end == std::string_view::npos ? markdown.size() : end + 1);
    if (Trimmed(line).empty()) {
      open = false;
      continue;
    }
    MarkdownBlock* last = open ? &blocks.back() : nullptr;
    if (int level = HeadingLevel(line)) {
      blocks.push_back(MakeBlock(MarkdownBlock::Kind::kHeading,
                                 std::string(Trimmed(line.substr(level + 1)))));
      blocks.back().level = level;
      open = false;
    } else if (line.starts_with("- ")) {
      if (!last || last->kind != MarkdownBlock::Kind::kList) {
        blocks.push_back(MakeBlock(MarkdownBlock::Kind::kList));
      }
      blocks.back().items.emplace_back(Trimmed(line.substr(2)));
      open = true;
    } else if (line.starts_with("|")) {
      if (last && last->kind == MarkdownBlock::Kind::kTable) {
        if (IsSeparatorRow(line) && last->rows.empty() && last->numeric.empty()) {
          for (const std::string& cell : Cells(line)) last->numeric.push_back(cell.ends_with(":"));
        } else {
          last->rows.push_back(Cells(line));
        }
      } else {
        blocks.push_back(MakeBlock(MarkdownBlock::Kind::kTable));
        blocks.back().header = Cells(line);
      }
      open = true;
    } else if (last && last->kind == MarkdownBlock::Kind::kParagraph) {
      last->text += " " + std::string(Trimmed(line));
    } else {
      blocks.push_back(MakeBlock(MarkdownBlock::Kind::kParagraph, std::string(Trimmed(line))));
      open = true;
    }
  }
  return blocks;
}

std::string InlineHtml(std::string_view markdown) {
  HtmlSink sink;
  WalkInline(markdown, sink);
  return sink.out;
}

std::string InlinePlain(std::string_view markdown) {
  PlainSink sink;
  WalkInline(markdown, sink);
  return sink.out;
}

int LeadingIndents(std::string_view markdown) {
  int n = 0;
  while (markdown.starts_with(kIndent)) {
    markdown.remove_prefix(kIndent.size());
    ++n;
  }
  return n;
}

}  // namespace weighbridge
