// Stored submissions: each version in the submission table, logged as an
// `import` entry whose content is exactly the row (SubmissionContent).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

struct StoredSubmission {
  Submission submission;
  long long version = 0;  // 1 for the first
};

// The latest version of every submission, in the order each was first
// imported; with `before_seq`, of those logged before that audit entry (the
// inputs as they stood when it was written).
std::vector<StoredSubmission> LatestSubmissions(Db& db, std::int64_t before_seq = INT64_MAX);

// The canonical meaning of the latest version of `submission`'s kind and
// subject that was imported from `submission.source_file`; "" when none was.
std::string LastMeaningFrom(Db& db, const Submission& submission);

// The audit content of a submission row: every column but audit_seq.
nlohmann::json SubmissionContent(const Submission& submission, long long version);

// Stores `submission` as `version` and logs it, inside the caller's
// transaction, as an entry of kind `what` ("import", or "remove" for a
// tombstone).
void StoreSubmission(Db& db, const Submission& submission, long long version, const Actor& actor,
                     const std::string& what = "import");

}  // namespace weighbridge::workspace
