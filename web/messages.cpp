#include "web/messages.h"

#include <toml++/toml.h>

#include <sstream>

#include "web/embedded_files.h"

namespace weighbridge::web {

std::optional<Messages> Messages::Parse(std::string_view toml, const std::string& name,
                                        std::string& error) {
  toml::table parsed;
  try {
    parsed = toml::parse(toml, name);
  } catch (const toml::parse_error& problem) {
    const toml::source_position at = problem.source().begin;
    std::ostringstream out;
    out << name << ":" << at.line << ":" << at.column << ": error: " << problem.description();
    error = out.str();
    return std::nullopt;
  }
  Messages messages;
  for (const auto& [section, node] : parsed) {
    const toml::table* table = node.as_table();
    if (!table) {
      error = name + ":" + std::to_string(node.source().begin.line) + ":" +
              std::to_string(node.source().begin.column) + ": error: '" +
              std::string(section.str()) + "' should be a [table] of texts";
      return std::nullopt;
    }
    for (const auto& [key, value] : *table) {
      const std::optional<std::string> text = value.value_exact<std::string>();
      if (!text) {
        error = name + ":" + std::to_string(value.source().begin.line) + ":" +
                std::to_string(value.source().begin.column) + ": error: '" +
                std::string(section.str()) + "." + std::string(key.str()) +
                "' should be a text in quotes";
        return std::nullopt;
      }
      messages.texts_.emplace(std::string(section.str()) + "." + std::string(key.str()), *text);
    }
  }
  return messages;
}

const Messages& Messages::English() {
  static const Messages english = [] {
    std::string error;
    std::optional<Messages> parsed = Parse(WebFiles().at("en"), "web/messages/en.toml", error);
    // The catalogue is compiled in and checked by tests/web/messages_test.cpp:
    // a broken one is a build mistake, not the user's.
    return parsed ? *parsed : Messages();
  }();
  return english;
}

Messages Messages::Over(const Messages& base, int& missing) const {
  Messages merged = *this;
  missing = 0;
  for (const auto& [key, text] : base.texts_) {
    if (merged.texts_.emplace(key, text).second) ++missing;
  }
  return merged;
}

bool Messages::Has(std::string_view key) const { return texts_.find(key) != texts_.end(); }

std::string Messages::MomentInWords(std::string_view logged) const {
  // YYYY-MM-DDTHH:MM, then seconds and a zone that are not shown.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd";
  if (logged.size() < kShape.size()) return std::string(logged);
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = logged[i] >= '0' && logged[i] <= '9';
    if (kShape[i] == 'd' ? !digit : logged[i] != kShape[i]) return std::string(logged);
  }
  const int month = (logged[5] - '0') * 10 + (logged[6] - '0');
  const int day = (logged[8] - '0') * 10 + (logged[9] - '0');
  if (month < 1 || month > 12 || day < 1) return std::string(logged);
  return Text("dates.when", {{"day", std::to_string(day)},
                             {"month", Text("dates.month_" + std::to_string(month))},
                             {"year", std::string(logged.substr(0, 4))},
                             {"time", std::string(logged.substr(11, 5))}});
}

std::string Messages::Text(std::string_view key,
                           const std::map<std::string, std::string>& fill) const {
  auto found = texts_.find(key);
  if (found == texts_.end()) return "[" + std::string(key) + "]";
  const std::string& text = found->second;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto value = fill.find(text.substr(i + 1, close - i - 1));
        if (value != fill.end()) {
          out += value->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace weighbridge::web
