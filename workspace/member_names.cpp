#include "workspace/member_names.h"

#include <toml++/toml.h>

#include <sstream>

#include "workspace/declarations_store.h"
#include "workspace/people.h"
#include "weighbridge/workspace.h"
#include "workspace/submission_store.h"

namespace weighbridge::workspace {
namespace {

// The byte offset of 1-based `column` in `line`; toml++ counts columns in
// code points, and a name is often not ASCII.
std::size_t ByteAt(const std::string& line, std::size_t column) {
  std::size_t offset = 0;
  for (std::size_t seen = 1; offset < line.size() && seen < column; ++seen) {
    ++offset;
    while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return offset;
}

// Replaces the value at `region` (end exclusive) by "", keeping every line so
// that the submission's line map still holds.
void BlankValue(std::vector<std::string>& lines, const toml::source_region& region) {
  const std::size_t first = region.begin.line - 1;
  const std::size_t last = region.end.line - 1;
  if (last >= lines.size()) return;
  const std::string tail = lines[last].substr(ByteAt(lines[last], region.end.column));
  const std::string head = lines[first].substr(0, ByteAt(lines[first], region.begin.column));
  for (std::size_t i = first; i <= last; ++i) lines[i].clear();
  if (first == last) {
    lines[first] = head + "\"\"" + tail;
  } else {
    lines[first] = head + "\"\"";
    lines[last] = tail;
  }
}

// The name hash of the member's latest stored version, or "". An erased
// person's file still naming them keeps that hash: the name is not taken in
// again, and an unchanged file stays the same submission.
std::string StoredNameHash(Db& db, const std::string& member) {
  Statement latest = db.Prepare(
      "SELECT meaning FROM submission WHERE kind = 'member' AND subject = ?1 "
      "ORDER BY version DESC LIMIT 1");
  latest.Bind(1, member);
  if (!latest.Step()) return {};
  nlohmann::json meaning = nlohmann::json::parse(latest.Text(0), nullptr, false);
  if (!meaning.is_object() || !meaning.contains("member")) return {};
  for (const nlohmann::json& element : meaning["member"]) {
    if (element.is_object() && element.contains("name_sha256") && element["name_sha256"].is_string())
      return element["name_sha256"].get<std::string>();
  }
  return {};
}

std::string NameOf(const nlohmann::json& member) {
  if (!member.is_object() || !member.contains("name") || !member["name"].is_string()) return {};
  return member["name"].get<std::string>();
}

}  // namespace

void TakeOutMemberNames(Db& db, std::vector<Submission>& submissions,
                        std::map<std::string, std::string>& names) {
  for (Submission& submission : submissions) {
    if (submission.kind != "member" || !submission.meaning.contains("member")) continue;
    std::string name;
    for (nlohmann::json& member : submission.meaning["member"]) {
      if (!NameOf(member).empty()) name = NameOf(member);
    }
    if (name.empty()) continue;
    // The submission's TOML is whole tables, so it parses on its own.
    std::vector<std::string> lines;
    std::istringstream in(submission.toml);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    try {
      toml::table table = toml::parse(submission.toml);
      if (const toml::array* members = table["member"].as_array()) {
        for (const toml::node& element : *members) {
          const toml::node* value = element.as_table() ? element.as_table()->get("name") : nullptr;
          if (value && value->is_string()) BlankValue(lines, value->source());
        }
      }
    } catch (const toml::parse_error&) {
      continue;  // SplitFile reported it; nothing is stored
    }
    submission.toml.clear();
    for (const std::string& line : lines) submission.toml += line + "\n";
    const bool erased = PersonErased(db, submission.subject);
    const std::string salt = erased ? "" : PersonSalt(db, submission.subject, /*create=*/true);
    const std::string kept = erased ? StoredNameHash(db, submission.subject) : "";
    for (nlohmann::json& member : submission.meaning["member"]) {
      if (NameOf(member).empty()) continue;
      if (!erased) member["name_sha256"] = SaltedHash(salt, NameOf(member));
      if (!kept.empty()) member["name_sha256"] = kept;
      member.erase("name");
    }
    if (!erased) names[submission.subject] = name;
  }
}

void KeepMemberNames(Db& db, const std::vector<std::pair<Submission, long long>>& stored,
                     const std::map<std::string, std::string>& names) {
  for (const auto& [submission, version] : stored) {
    if (submission.kind != "member") continue;
    auto name = names.find(submission.subject);
    if (name != names.end()) {
      Statement seq = db.Prepare(
          "SELECT audit_seq FROM submission WHERE kind = 'member' AND subject = ?1 "
          "ORDER BY version DESC LIMIT 1");
      seq.Bind(1, submission.subject);
      if (seq.Step()) PutPersonalData(db, submission.subject, "name", name->second, seq.Int(0));
    } else {
      db.Prepare("DELETE FROM person_data WHERE person = ?1 AND field = 'name'")
          .Bind(1, submission.subject)
          .Run();
    }
  }
}

void AddPeople(Db& db, Procurement& procurement, long long before_seq) {
  procurement.declarations = ReadDeclarations(db, before_seq);
  std::map<std::string, bool> named;  // member id -> their latest submission has a name
  for (const StoredSubmission& stored : LatestSubmissions(db)) {
    if (stored.submission.kind != "member") continue;
    for (const nlohmann::json& member : stored.submission.meaning.value("member", nlohmann::json()))
      if (member.is_object() && member.contains("name_sha256")) named[stored.submission.subject] = true;
  }
  for (Member& member : procurement.panel.members) {
    if (!named.count(member.id)) continue;
    member.name = PersonErased(db, member.id) ? "(erased)"
                                              : PersonalData(db, member.id, "name").value_or("");
  }
}

}  // namespace weighbridge::workspace

namespace weighbridge {

void ClearNames(Procurement& procurement, Decision& decision) {
  for (Member& member : procurement.panel.members) member.name.clear();
  for (GroupTurnout& turnout : decision.panel_review.turnout) turnout.names.clear();
}

}  // namespace weighbridge
