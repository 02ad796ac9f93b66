// Writing Markdown safely: escaping people's text, and table rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace weighbridge {

// User-supplied text made safe inside a Markdown line or table cell: line
// breaks become spaces (a table row is one line) and characters that would
// start emphasis, code, links, HTML, an entity, strike-through or a new cell
// are backslash-escaped (CommonMark lets any ASCII punctuation be escaped).
std::string Escape(std::string_view text);

// `text` without a trailing full stop, so that it can end a sentence of ours.
std::string WithoutFullStop(std::string text);

// A name's possessive: "Birch Care Record's", but "Meridian Adults'" and
// "Commissioners'" (a name ending in s takes the apostrophe alone).
std::string Possessive(const std::string& name);

// One table row: "| a | b |".
void TableRow(std::string& out, const std::vector<std::string>& cells);

// A header row and its separator; `align` has one 'l' or 'r' per column.
void TableHeader(std::string& out, const std::vector<std::string>& cells, std::string_view align);

}  // namespace weighbridge
