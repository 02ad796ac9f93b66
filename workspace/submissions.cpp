#include "workspace/submissions.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace weighbridge::workspace {
namespace {

// Which top-level arrays of tables each file kind holds, and which key of an
// element names the submission it belongs to.
struct ArrayRule {
  const char* file_kind;
  const char* key;        // the top-level key, e.g. "judgement"
  const char* kind;       // the submission kind, e.g. "judgements"
  const char* owner;      // the element's key naming the subject, e.g. "member"
  const char* owner_too;  // a second key joined with '/', or nullptr
};

constexpr ArrayRule kRules[] = {
    {"candidates", "candidate", "candidate", "id", nullptr},
    {"panel", "group", "group", "id", nullptr},
    {"panel", "member", "member", "id", nullptr},
    {"panel", "judgement", "judgements", "member", nullptr},
    {"scores", "score", "scores", "evaluator", nullptr},
    {"scores", "consensus", "consensus", "candidate", "criterion"},
    {"scores", "assignment", "assignment", "evaluator", nullptr},
};

const ArrayRule* RuleFor(const std::string& key) {
  for (const ArrayRule& rule : kRules) {
    if (key == rule.key) return &rule;
  }
  return nullptr;
}

std::string Text(const toml::node* node) {
  if (node && node->is_string()) return **node->as_string();
  return {};
}

// TOML values as JSON. Dates and times, which JSON lacks, become tagged
// strings; so do NaN and infinities, which canonical JSON cannot hold.
nlohmann::json ToJson(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : *table) out[std::string(key.str())] = ToJson(value);
    return out;
  }
  if (const auto* array = node.as_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& value : *array) out.push_back(ToJson(value));
    return out;
  }
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* integer = node.as_integer()) return integer->get();
  if (const auto* boolean = node.as_boolean()) return boolean->get();
  std::ostringstream written;
  if (const auto* number = node.as_floating_point()) {
    if (std::isfinite(number->get())) return number->get();
    written << *number;
    return nlohmann::json{{"float", written.str()}};
  }
  if (const auto* date = node.as_date()) written << *date;
  if (const auto* time = node.as_time()) written << *time;
  if (const auto* date_time = node.as_date_time()) written << *date_time;
  return nlohmann::json{{"datetime", written.str()}};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool BlankOrComment(const std::string& line) {
  auto first = line.find_first_not_of(" \t\r");
  return first == std::string::npos || line[first] == '#';
}

// The source lines [begin, end) of one table, without the blank and comment
// lines at its end, which introduce the next table rather than end this one.
std::pair<int, int> BlockLines(const std::vector<std::string>& lines, int begin, int end) {
  while (end > begin + 1 && BlankOrComment(lines[static_cast<std::size_t>(end - 2)])) --end;
  return {begin, end};
}

// Parses TOML; a syntax error is reported at its line and column when
// `diagnostics` is given (it is reported once, by FileKind).
std::optional<toml::table> Parse(const std::string& text, const std::string& file_name,
                                 Diagnostics* diagnostics) {
  try {
    return toml::parse(text, std::string_view(file_name));
  } catch (const toml::parse_error& error) {
    if (diagnostics) {
      diagnostics->Error({file_name, static_cast<int>(error.source().begin.line),
                          static_cast<int>(error.source().begin.column)},
                         std::string(error.description()));
    }
    return std::nullopt;
  }
}

}  // namespace

std::string FileKind(const std::string& text, const std::string& file_name,
                     Diagnostics& diagnostics) {
  std::optional<toml::table> parsed = Parse(text, file_name, &diagnostics);
  if (!parsed) return {};
  const toml::table& table = *parsed;
  if (table.contains("procurement")) return "procurement";
  if (table.contains("framework")) return "framework";
  std::set<std::string> kinds;
  for (const auto& [key, value] : table) {
    if (const ArrayRule* rule = RuleFor(std::string(key.str()))) kinds.insert(rule->file_kind);
  }
  if (kinds.size() == 1) return *kinds.begin();
  diagnostics.Error(
      {file_name, 1, 1},
      kinds.empty() ? "cannot tell what this file holds: import a procurement.toml, a framework, "
                      "or a file of [[candidate]], of [[group]], [[member]] and [[judgement]], "
                      "or of [[score]], [[consensus]] and [[assignment]] tables"
                    : "this file mixes candidates, panel judgements and scores: import each "
                      "kind from its own file");
  return {};
}

std::vector<Submission> SplitFile(const std::string& text, const std::string& file_name,
                                  const std::string& file_kind, Diagnostics& diagnostics) {
  const std::vector<std::string> lines = Lines(text);
  const int end_of_file = static_cast<int>(lines.size()) + 1;
  if (file_kind == "procurement" || file_kind == "framework") {
    // One submission: its tables depend on one another too much to version apart.
    std::optional<toml::table> parsed = Parse(text, file_name, nullptr);
    Submission whole{file_kind,
                     "",
                     file_kind,
                     text,
                     nlohmann::json::object(),
                     file_name,
                     {{1, 1, end_of_file - 1}}};
    if (parsed) whole.meaning = ToJson(*parsed);
    return {whole};
  }
  std::optional<toml::table> parsed = Parse(text, file_name, nullptr);
  if (!parsed) return {};  // FileKind reported it
  const toml::table& table = *parsed;

  // Every element of every top-level array starts a block; a block runs to the next.
  std::vector<int> starts;
  for (const auto& [key, value] : table) {
    const ArrayRule* rule = RuleFor(std::string(key.str()));
    const toml::array* array = value.as_array();
    if (!rule || std::string(rule->file_kind) != file_kind || !array ||
        !array->is_array_of_tables()) {
      diagnostics.Error({file_name, static_cast<int>(value.source().begin.line),
                         static_cast<int>(value.source().begin.column)},
                        "'" + std::string(key.str()) + "' does not belong in a " + file_kind +
                            " file; import it from the file it belongs in");
      continue;
    }
    for (const auto& element : *array)
      starts.push_back(static_cast<int>(element.source().begin.line));
  }
  std::sort(starts.begin(), starts.end());

  std::vector<Submission> out;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  std::vector<std::pair<int, Submission*>> order;
  for (const auto& [key, value] : table) {
    const ArrayRule* rule = RuleFor(std::string(key.str()));
    if (!rule || std::string(rule->file_kind) != file_kind || !value.is_array_of_tables()) continue;
    for (const auto& element : *value.as_array()) {
      const toml::table& item = *element.as_table();
      std::string subject = Text(item.get(rule->owner));
      if (rule->owner_too) subject += "/" + Text(item.get(rule->owner_too));
      int begin = static_cast<int>(element.source().begin.line);
      auto next = std::upper_bound(starts.begin(), starts.end(), begin);
      auto [first, last] = BlockLines(lines, begin, next == starts.end() ? end_of_file : *next);
      auto [slot, added] = index.try_emplace({rule->kind, subject}, out.size());
      if (added) {
        out.push_back(
            {rule->kind, subject, file_kind, "", nlohmann::json::object(), file_name, {}});
      }
      Submission& submission = out[slot->second];
      submission.meaning[rule->key].push_back(ToJson(item));
      int at =
          static_cast<int>(std::count(submission.toml.begin(), submission.toml.end(), '\n')) + 1;
      submission.spans.push_back({at, first, last - first});
      for (int line = first; line < last; ++line) {
        submission.toml += lines[static_cast<std::size_t>(line - 1)] + "\n";
      }
      submission.toml += "\n";
    }
  }
  // In the order of their first block in the file, so candidates keep theirs.
  std::stable_sort(out.begin(), out.end(), [](const Submission& a, const Submission& b) {
    return a.spans.front().source_line < b.spans.front().source_line;
  });
  return out;
}

std::string SpansJson(const std::vector<LineSpan>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const LineSpan& span : spans) out.push_back({span.first, span.source_line, span.count});
  return out.dump();
}

std::vector<LineSpan> SpansFromJson(const std::string& json) {
  std::vector<LineSpan> spans;
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return spans;
  for (const auto& span : parsed)
    spans.push_back({span[0].get<int>(), span[1].get<int>(), span[2].get<int>()});
  return spans;
}

}  // namespace weighbridge::workspace
