// Writing TOML values for the tables a command records itself (a score, a
// consensus), so that they go through the same import and checks as a file.
#pragma once

#include <string>

namespace weighbridge::cli {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string TomlString(const std::string& text);

// A number in its shortest form that reads back as the same double.
std::string TomlNumber(double value);

}  // namespace weighbridge::cli
