// Splitting an input file into submissions: the units the workspace versions.
// A candidates file gives one per candidate; a panel file one per group, one per
// member and one per member's set of judgements; a scores file one per
// evaluator's set of scores, one per consensus and one per evaluator's
// assignment; procurement.toml and a framework file are one submission each. A person's changed submission is
// then a new version of theirs alone.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge::workspace {

// A run of lines of a submission's TOML and where they came from.
struct LineSpan {
  int first = 1;        // first line in the submission's TOML
  int source_line = 1;  // the same line in the source file
  int count = 0;        // how many lines
};

struct Submission {
  std::string
      kind;  // candidate, group, member, judgements, scores, consensus, assignment, procurement,
            // framework
  std::string subject;  // the id it is about (a candidate, member, evaluator, ...)
  std::string
      file_kind;     // the file it belongs in: candidates, panel, scores, procurement, framework
  std::string toml;  // its tables, as written in the source file
  nlohmann::json meaning;       // its values as JSON: what "the same content" compares
  std::string source_file;      // the file it was read from
  std::vector<LineSpan> spans;  // where its lines came from
};

// The kind of file from its top-level keys: "procurement", "framework",
// "candidates", "panel" or "scores"; "" when it cannot be told.
std::string FileKind(const std::string& text, const std::string& file_name,
                     Diagnostics& diagnostics);

// Splits `text` (read from `file_name`, a file of `file_kind`) into its
// submissions, in the order they appear. TOML syntax errors and tables that
// do not belong in the file are reported with their line and column.
std::vector<Submission> SplitFile(const std::string& text, const std::string& file_name,
                                  const std::string& file_kind, Diagnostics& diagnostics);

// JSON of the spans, for storing, and back.
std::string SpansJson(const std::vector<LineSpan>& spans);
std::vector<LineSpan> SpansFromJson(const std::string& json);

}  // namespace weighbridge::workspace
