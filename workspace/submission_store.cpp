#include "workspace/submission_store.h"

#include "workspace/audit_log.h"
#include "workspace/canonical_json.h"

namespace weighbridge::workspace {

std::vector<StoredSubmission> LatestSubmissions(Db& db, std::int64_t before_seq) {
  // One pass over the table grouped by its key, so that a panel that has sent
  // thousands of versions does not slow every load down.
  Statement rows = db.Prepare(
      "SELECT s.kind, s.subject, s.version, s.file_kind, s.toml, s.meaning, s.source_file, "
      "s.source_lines FROM submission s JOIN (SELECT kind, subject, MAX(version) AS latest, "
      "MIN(audit_seq) AS first FROM submission WHERE audit_seq < ?1 GROUP BY kind, subject) g "
      "ON s.kind = g.kind AND s.subject = g.subject AND s.version = g.latest ORDER BY g.first");
  rows.Bind(1, before_seq);
  std::vector<StoredSubmission> out;
  while (rows.Step()) {
    Submission submission{rows.Text(0),
                          rows.Text(1),
                          rows.Text(3),
                          rows.Text(4),
                          nlohmann::json::parse(rows.Text(5), nullptr, false),
                          rows.Text(6),
                          SpansFromJson(rows.Text(7))};
    out.push_back({std::move(submission), rows.Int(2)});
  }
  return out;
}

std::string LastMeaningFrom(Db& db, const Submission& submission) {
  Statement last = db.Prepare(
      "SELECT meaning FROM submission WHERE kind = ?1 AND subject = ?2 AND source_file = ?3 "
      "ORDER BY version DESC LIMIT 1");
  last.Bind(1, submission.kind).Bind(2, submission.subject).Bind(3, submission.source_file);
  return last.Step() ? last.Text(0) : std::string();
}

nlohmann::json SubmissionContent(const Submission& submission, long long version) {
  return {{"kind", submission.kind},
          {"subject", submission.subject},
          {"version", version},
          {"file_kind", submission.file_kind},
          {"toml", submission.toml},
          {"meaning", submission.meaning},
          {"source_file", submission.source_file},
          {"source_lines", SpansJson(submission.spans)}};
}

void StoreSubmission(Db& db, const Submission& submission, long long version, const Actor& actor,
                     const std::string& what) {
  long long seq = AppendEntry(db, actor, what, SubmissionContent(submission, version));
  db.Prepare(
        "INSERT INTO submission (kind, subject, version, file_kind, toml, meaning, source_file, "
        "source_lines, audit_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .Bind(1, submission.kind)
      .Bind(2, submission.subject)
      .Bind(3, static_cast<std::int64_t>(version))
      .Bind(4, submission.file_kind)
      .Bind(5, submission.toml)
      .Bind(6, CanonicalJson(submission.meaning))
      .Bind(7, submission.source_file)
      .Bind(8, SpansJson(submission.spans))
      .Bind(9, static_cast<std::int64_t>(seq))
      .Run();
}

}  // namespace weighbridge::workspace
