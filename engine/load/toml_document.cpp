#include "engine/load/toml_document.h"

namespace weighbridge {
namespace {

bool Has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// The quoted name at the end of "cannot redefine existing table 't'".
std::string LastQuoted(const std::string& text) {
  std::size_t end = text.rfind('\'');
  std::size_t begin = end == std::string::npos || end == 0 ? std::string::npos : text.rfind('\'', end - 1);
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

}  // namespace

std::string PlainTomlError(const std::string& description) {
  // "Error while parsing <what>: <problem>"
  std::string what, problem = description;
  const std::string kPrefix = "Error while parsing ";
  if (description.rfind(kPrefix, 0) == 0) {
    std::size_t colon = description.find(": ", kPrefix.size());
    if (colon != std::string::npos) {
      what = description.substr(kPrefix.size(), colon - kPrefix.size());
      problem = description.substr(colon + 2);
    }
  }
  std::string plain;
  if (what == "string" && (Has(problem, "control characters") || Has(problem, "end-of-file"))) {
    plain = "text in quotes needs a closing quote before the end of the line";
  } else if (Has(problem, "cannot redefine existing")) {
    plain = LastQuoted(problem) + " is given twice; each key or table may be given only once";
  } else if (Has(problem, "expected '='")) {
    plain = "a key needs '=' and then its value";
  } else if (Has(problem, "end-of-file") && what == "array") {
    plain = "the file ends before this list is closed with ']'";
  } else if (Has(problem, "end-of-file") && what == "inline table") {
    plain = "the file ends before this table is closed with '}'";
  } else if (Has(problem, "end-of-file")) {
    plain = "the file ends in the middle of a value";
  } else if (Has(problem, "expected a comment or whitespace")) {
    plain = "only one value may follow '='; anything else needs a line of its own";
  } else if (Has(problem, "expected keys, tables, whitespace or comments")) {
    plain = "a line should start with a key, a [table] or a # comment";
  } else {
    plain = what.empty() ? problem : what + ": " + problem;
  }
  return "this is not valid TOML: " + plain;
}

std::optional<toml::table> ParseToml(const SourceFile& file, Diagnostics& diagnostics) {
  try {
    return toml::parse(file.text(), file.name());
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    file.Error(diagnostics, static_cast<int>(begin.line), static_cast<int>(begin.column),
               PlainTomlError(std::string(error.description())));
    return std::nullopt;
  }
}

}  // namespace weighbridge
