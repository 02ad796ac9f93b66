// Writing TOML values for the tables a command records itself (a score, a
// consensus, a judgement), so that they go through the same import and checks
// as a file.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace weighbridge::cli {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string TomlString(const std::string& text);

// A number in its shortest form that reads back as the same double.
std::string TomlNumber(double value);

// One [[key]] table for each JSON object in `tables` (as a stored submission's
// meaning holds them: {"score": [{...}, ...]}). Values may be
// texts, numbers, true/false, lists and tables of these, written inline.
// Nothing when a value has no TOML form here (null), so that a submission
// this cannot write is refused rather than changed.
std::optional<std::string> TomlTables(const std::string& key, const nlohmann::json& tables);

}  // namespace weighbridge::cli
