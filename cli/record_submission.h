// What the commands that record one submission themselves (score, moderate,
// weigh, exclude, investigate) share: reading the latest version of a
// person's tables, and importing the new text with the checks of an import.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "weighbridge/workspace.h"

namespace weighbridge::cli {

// The tables under `key` (e.g. "score") of the latest version of the
// submission `kind`/`subject` (e.g. "scores", an evaluator's id); an empty
// array when there is none.
nlohmann::json LatestTables(Workspace& workspace, const std::string& kind,
                            const std::string& subject, const std::string& key);

// Imports `text` as a command's own input, named `name` in messages (e.g.
// "(score)"), recorded as written by `by` (CurrentActor's rules). Returns
// kExitOk and sets `changed` (0 when the same content was stored already).
// When the import is refused, prints its problems and "nothing was stored"
// on standard error and returns the exit code.
// `member`'s stored [[judgement]] tables with `judgement` in place of their
// earlier one on the same parent, or added after them (`replaced` says
// which), as TOML. Nothing when the stored ones hold values TomlTables cannot
// write.
std::optional<std::string> JudgementsWith(Workspace& workspace, const std::string& member,
                                          const nlohmann::json& judgement, bool& replaced);

int RecordText(Workspace& workspace, const std::string& name, const std::string& text,
               const std::string& by, int& changed);

// Records candidate `id`'s latest submission with `tables` added after it
// (e.g. "[candidate.exclusion]\n..."), unchanged otherwise, as RecordText
// does. Refuses, saying why, a candidate not imported, or one that has a
// `key` table already (`key` as in formats.md, e.g. "exclusion").
int AddToCandidate(Workspace& workspace, const std::string& id, const std::string& key,
                   const std::string& tables, const std::string& name, const std::string& by);

}  // namespace weighbridge::cli
