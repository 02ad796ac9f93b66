#include "workspace/withdrawal.h"

#include <set>
#include <sstream>

namespace weighbridge::workspace {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// `submission` (scores or consensus) without its tables about `gone`
// candidates. SplitFile keeps the n-th table of the meaning's array and the
// n-th span together, so the two are filtered side by side.
Submission WithoutCandidates(const Submission& submission, const std::set<std::string>& gone,
                             const char* key) {
  const nlohmann::json& tables = submission.meaning.value(key, nlohmann::json::array());
  if (!tables.is_array() || tables.size() != submission.spans.size()) return submission;
  const std::vector<std::string> lines = Lines(submission.toml);
  Submission out = submission;
  out.toml.clear();
  out.spans.clear();
  out.meaning[key] = nlohmann::json::array();
  int at = 1;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (gone.count(tables[i].value("candidate", ""))) continue;
    const LineSpan& span = submission.spans[i];
    out.meaning[key].push_back(tables[i]);
    out.spans.push_back({at, span.source_line, span.count});
    for (int line = span.first; line < span.first + span.count; ++line) {
      if (line - 1 < static_cast<int>(lines.size())) out.toml += lines[line - 1];
      out.toml += "\n";
    }
    out.toml += "\n";
    at += span.count + 1;
  }
  return out;
}

}  // namespace

Submission Tombstone(const Submission& latest, const std::string& reason) {
  return {latest.kind,
          latest.subject,
          latest.file_kind,
          "",
          {{"withdrawn", {{"reason", reason}}}},
          "(remove)",
          {}};
}

bool Withdrawn(const Submission& submission) {
  return submission.meaning.is_object() && submission.meaning.contains("withdrawn");
}

std::vector<Submission> LeaveOutWithdrawn(const std::vector<Submission>& latest) {
  std::set<std::string> gone;
  for (const Submission& s : latest) {
    if (s.kind == "candidate" && Withdrawn(s)) gone.insert(s.subject);
  }
  std::vector<Submission> out;
  for (const Submission& s : latest) {
    if (Withdrawn(s)) continue;
    if (gone.empty() || (s.kind != "scores" && s.kind != "consensus")) {
      out.push_back(s);
      continue;
    }
    Submission kept = WithoutCandidates(s, gone, s.kind == "scores" ? "score" : "consensus");
    if (!kept.spans.empty()) out.push_back(std::move(kept));
  }
  return out;
}

}  // namespace weighbridge::workspace
