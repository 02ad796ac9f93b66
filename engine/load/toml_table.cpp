#include "engine/load/toml_table.h"

#include <algorithm>
#include <cmath>

#include "engine/load/suggest.h"

namespace weighbridge {

SourcePos PosOf(const SourceFile& file, const toml::node& node) {
  const auto& begin = node.source().begin;
  return file.Pos(static_cast<int>(begin.line), static_cast<int>(begin.column));
}

std::string TomlTypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "text";
    case toml::node_type::integer:
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true or false";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date and time";
    default: return "nothing";
  }
}

TomlTable::TomlTable(const toml::table& table, const SourceFile& file, Diagnostics& diagnostics,
                     std::string what)
    : table_(table), file_(file), diagnostics_(diagnostics), what_(std::move(what)) {}

SourcePos TomlTable::PosOfKey(const std::string& key) const {
  for (auto&& [k, v] : table_) {
    if (k.str() == key) {
      const auto& begin = k.source().begin;
      if (begin.line > 0) return file_.Pos(static_cast<int>(begin.line), static_cast<int>(begin.column));
      return PosOf(file_, v);
    }
  }
  return pos();
}

SourcePos TomlTable::PosOfValue(const std::string& key) const {
  const toml::node* node = table_.get(key);
  return node ? PosOf(file_, *node) : pos();
}

const toml::node* TomlTable::Find(const std::string& key, bool required) {
  known_.insert(key);
  asked_.push_back(key);
  const toml::node* node = table_.get(key);
  if (!node && required) {
    file_.Error(diagnostics_, pos(), what_ + " needs '" + key + "'");
  }
  return node;
}

const toml::table* TomlTable::RequiredSection(const std::string& key) {
  known_.insert(key);
  asked_.push_back(key);
  const toml::node* node = table_.get(key);
  if (!node) {
    file_.Error(diagnostics_, pos(), what_ + " needs a [" + key + "] table");
    return nullptr;
  }
  if (!node->is_table()) WrongType(key, *node, "a table");
  return node->as_table();
}

void TomlTable::WrongType(const std::string& key, const toml::node& node,
                          const std::string& expected) {
  std::string hint;
  // The commonest slip: a number or true/false written in quotes.
  if (const auto* text = node.as_string(); text && expected != "text in quotes") {
    const std::string& s = text->get();
    bool numeric = !s.empty() && s.find_first_not_of("0123456789.-+eE") == std::string::npos;
    if (numeric || s == "true" || s == "false") hint = " (write " + s + " without quotes)";
  }
  file_.Error(diagnostics_, PosOf(file_, node),
              "'" + key + "' should be " + expected + ", not " + TomlTypeName(node) + hint);
}

std::optional<std::string> TomlTable::Text(const std::string& key, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return std::nullopt;
  if (auto s = node->value<std::string>(); s && node->is_string()) return *s;
  WrongType(key, *node, "text in quotes");
  return std::nullopt;
}

std::optional<double> TomlTable::Number(const std::string& key, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return std::nullopt;
  if (node->is_number()) {
    double value = *node->value<double>();
    if (std::isfinite(value)) return value;
    file_.Error(diagnostics_, PosOf(file_, *node), "'" + key + "' should be a finite number");
    return std::nullopt;
  }
  WrongType(key, *node, "a number");
  return std::nullopt;
}

std::optional<long long> TomlTable::WholeNumber(const std::string& key, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return std::nullopt;
  if (node->is_integer()) return *node->value<long long>();
  WrongType(key, *node, "a whole number");
  return std::nullopt;
}

std::optional<bool> TomlTable::Flag(const std::string& key, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return std::nullopt;
  if (node->is_boolean()) return *node->value<bool>();
  WrongType(key, *node, "true or false");
  return std::nullopt;
}

const toml::table* TomlTable::Table(const std::string& key, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return nullptr;
  if (node->is_table()) return node->as_table();
  WrongType(key, *node, "a table");
  return nullptr;
}

const toml::array* TomlTable::Array(const std::string& key, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return nullptr;
  if (node->is_array()) return node->as_array();
  WrongType(key, *node, "a list in [ ]");
  return nullptr;
}

const toml::node* TomlTable::Node(const std::string& key, bool required) {
  return Find(key, required);
}

void TomlTable::RejectUnknownKeys() {
  for (auto&& [k, v] : table_) {
    std::string key(k.str());
    if (known_.count(key)) continue;
    file_.Error(diagnostics_, PosOfKey(key),
                "unknown key '" + key + "' in " + what_ + DidYouMean(key, asked_));
  }
}

std::vector<const toml::table*> TablesOf(const toml::table& root, const std::string& name,
                                         const SourceFile& file, Diagnostics& diagnostics) {
  std::vector<const toml::table*> out;
  const toml::node* node = root.get(name);
  if (!node) return out;
  const toml::array* array = node->as_array();
  if (!array) {
    file.Error(diagnostics, PosOf(file, *node),
               "'" + name + "' should be a list of tables, written [[" + name + "]]");
    return out;
  }
  for (const toml::node& item : *array) {
    if (const toml::table* table = item.as_table()) {
      out.push_back(table);
    } else {
      file.Error(diagnostics, PosOf(file, item), "each '" + name + "' should be a table");
    }
  }
  return out;
}

}  // namespace weighbridge
