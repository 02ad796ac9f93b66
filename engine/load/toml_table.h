// Reading one TOML table with every key checked: wrong types and unknown keys
// become diagnostics at the key's position, with a suggestion for misspellings.
// Internal to the loader; toml++ never leaves engine/load.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "engine/load/source_file.h"
#include "weighbridge/diagnostic.h"

namespace weighbridge {

// Where a node starts in its file.
SourcePos PosOf(const SourceFile& file, const toml::node& node);

// Plain words for a TOML value's type: "text", "number", "true or false", ...
std::string TomlTypeName(const toml::node& node);

class TomlTable {
 public:
  // `what` names the table for people, e.g. "[procurement]" or "[[candidate]]".
  TomlTable(const toml::table& table, const SourceFile& file, Diagnostics& diagnostics,
            std::string what);

  // Each getter marks the key as known. A missing optional key gives nullopt
  // silently; a missing required key or a value of the wrong type gives
  // nullopt and a diagnostic.
  std::optional<std::string> Text(const std::string& key, bool required = false);
  std::optional<double> Number(const std::string& key, bool required = false);
  std::optional<long long> WholeNumber(const std::string& key, bool required = false);
  std::optional<bool> Flag(const std::string& key, bool required = false);
  const toml::table* Table(const std::string& key, bool required = false);
  const toml::array* Array(const std::string& key, bool required = false);
  // A [key] table that must be there: "X needs a [key] table" when absent.
  const toml::table* RequiredSection(const std::string& key);
  // Any value; the caller checks its type.
  const toml::node* Node(const std::string& key, bool required = false);

  // Reports every key that no getter asked for. Call once, last.
  void RejectUnknownKeys();

  SourcePos pos() const { return PosOf(file_, table_); }
  SourcePos PosOfKey(const std::string& key) const;
  // Where the key's value starts: the place to point at when the value is
  // out of range. The table's position when the key is absent.
  SourcePos PosOfValue(const std::string& key) const;
  const SourceFile& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  const std::string& what() const { return what_; }
  // Renames the table in later messages, e.g. once its id is known.
  void set_what(std::string what) { what_ = std::move(what); }

 private:
  const toml::node* Find(const std::string& key, bool required);
  void WrongType(const std::string& key, const toml::node& node, const std::string& expected);

  const toml::table& table_;
  const SourceFile& file_;
  Diagnostics& diagnostics_;
  std::string what_;
  std::set<std::string> known_;
  std::vector<std::string> asked_;  // every key a getter named, for suggestions
};

// Each [[name]] entry of `root` as a table, reporting entries that are not
// tables. Missing key: empty.
std::vector<const toml::table*> TablesOf(const toml::table& root, const std::string& name,
                                         const SourceFile& file, Diagnostics& diagnostics);

}  // namespace weighbridge
