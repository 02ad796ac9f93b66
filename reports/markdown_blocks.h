// Reading the Markdown that the report renderers write back into blocks, so
// that the HTML report carries the same words as the Markdown one without a
// second copy of every sentence. Only the subset our renderers write is read:
// `#` headings, paragraphs, `- ` lists, pipe tables (markdown_text.h), and
// inline `**strong**`, `code`, backslash escapes and `&emsp;` indents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace weighbridge {

struct MarkdownBlock {
  enum class Kind { kHeading, kParagraph, kList, kTable };
  Kind kind = Kind::kParagraph;
  int level = 0;                    // headings only: 1 for `#`, 2 for `##`, ...
  std::string text;                 // heading or paragraph, inline Markdown
  std::vector<std::string> items;   // list items, inline Markdown
  std::vector<std::string> header;  // table header cells, inline Markdown
  std::vector<bool> numeric;        // per table column: right-aligned (`---:`)
  std::vector<std::vector<std::string>> rows;  // table body cells, inline Markdown
};

// The blocks of `markdown`, in order. Lines a paragraph is written over are
// joined with a space. Never fails: anything unrecognised is paragraph text.
std::vector<MarkdownBlock> ReadMarkdownBlocks(std::string_view markdown);

// Inline Markdown as HTML: `**` becomes <strong>, backticks <code>, `&emsp;`
// stays an em space, a backslash escape gives its character, and every other
// character is escaped with EscapeHtml. Unbalanced markers are closed at the
// end so the result is always well formed.
std::string InlineHtml(std::string_view markdown);

// Inline Markdown as plain text: markers dropped, escapes resolved, `&emsp;`
// dropped. For captions, titles and attributes, which the templates escape.
std::string InlinePlain(std::string_view markdown);

// How many `&emsp;` indents `markdown` starts with (criteria nest by them).
int LeadingIndents(std::string_view markdown);

}  // namespace weighbridge
