#include "cli/toml_text.h"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace weighbridge::cli {

std::string TomlString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string TomlNumber(double value) {
  char text[32];
  auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

}  // namespace weighbridge::cli

namespace weighbridge::cli {
namespace {

// A key as written: bare when TOML allows it (letters, digits, _ and -), so
// that a table reads as a person would write it; quoted otherwise ("a/b",
// dotted criterion ids, which bare would make nested tables).
std::string TomlKey(const std::string& key) {
  bool bare = !key.empty();
  for (char c : key) {
    bare = bare && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
  }
  return bare ? key : TomlString(key);
}

bool WriteValue(const nlohmann::json& value, std::string& out) {
  if (value.is_string()) {
    out += TomlString(value.get<std::string>());
  } else if (value.is_boolean()) {
    out += value.get<bool>() ? "true" : "false";
  } else if (value.is_number()) {
    out += TomlNumber(value.get<double>());
  } else if (value.is_array()) {
    out += "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i) out += ", ";
      if (!WriteValue(value[i], out)) return false;
    }
    out += "]";
  } else if (value.is_object()) {
    out += "{ ";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      out += (first ? "" : ", ") + TomlKey(key) + " = ";
      first = false;
      if (!WriteValue(item, out)) return false;
    }
    out += value.empty() ? "}" : " }";
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> TomlTables(const std::string& key, const nlohmann::json& tables) {
  std::string out;
  for (const nlohmann::json& table : tables) {
    if (!table.is_object()) return std::nullopt;
    out += "[[" + key + "]]\n";
    for (const auto& [name, value] : table.items()) {
      out += TomlKey(name) + " = ";
      if (!WriteValue(value, out)) return std::nullopt;
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace weighbridge::cli
