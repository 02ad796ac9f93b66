#include "workspace/personal_fields.h"

#include <toml++/toml.h>

#include <sstream>
#include <string_view>

#include "weighbridge/workspace.h"
#include "workspace/declarations_store.h"
#include "workspace/people.h"
#include "workspace/submission_store.h"

namespace weighbridge::workspace {
namespace {

// The personal fields of each kind of submission, whose tables are the
// meaning's array of the same name (`[[member]]`, `[[candidate]]`).
struct PersonalField {
  std::string_view kind;
  std::string_view field;
};
constexpr PersonalField kPersonalFields[] = {
    {"member", "name"}, {"candidate", "address"}, {"candidate", "email"}};

bool HasPersonalFields(const std::string& kind) {
  for (const PersonalField& f : kPersonalFields) {
    if (f.kind == kind) return true;
  }
  return false;
}

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

std::string TextOf(const nlohmann::json& table, const std::string& field) {
  if (!table.is_object() || !table.contains(field) || !table[field].is_string()) return {};
  return table[field].get<std::string>();
}

// The hash of `field` in the latest stored version of the submission, or "".
// An erased person's file still holding the value keeps that hash: the value
// is not taken in again, and an unchanged file stays the same submission.
std::string StoredHash(Db& db, const std::string& kind, const std::string& subject,
                       const std::string& field) {
  Statement latest = db.Prepare(
      "SELECT meaning FROM submission WHERE kind = ?1 AND subject = ?2 "
      "ORDER BY version DESC LIMIT 1");
  latest.Bind(1, kind).Bind(2, subject);
  if (!latest.Step()) return {};
  nlohmann::json meaning = nlohmann::json::parse(latest.Text(0), nullptr, false);
  if (!meaning.is_object() || !meaning.contains(kind)) return {};
  for (const nlohmann::json& element : meaning[kind]) {
    const std::string hash = TextOf(element, field + "_sha256");
    if (!hash.empty()) return hash;
  }
  return {};
}

// Blanks `field` in every table of the submission's TOML.
void BlankInToml(Submission& submission, const std::string& field) {
  // The submission's TOML is whole tables, so it parses on its own.
  std::vector<std::string> lines;
  std::istringstream in(submission.toml);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  try {
    toml::table table = toml::parse(submission.toml);
    if (const toml::array* tables = table[submission.kind].as_array()) {
      for (const toml::node& element : *tables) {
        const toml::node* value = element.as_table() ? element.as_table()->get(field) : nullptr;
        if (value && value->is_string()) BlankValue(lines, value->source());
      }
    }
  } catch (const toml::parse_error&) {
    return;  // SplitFile reported it; nothing is stored
  }
  submission.toml.clear();
  for (const std::string& line : lines) submission.toml += line + "\n";
}

}  // namespace

std::string PersonOf(const std::string& kind, const std::string& subject) {
  return kind == "candidate" ? "candidate:" + subject : subject;
}

void TakeOutPersonalData(Db& db, std::vector<Submission>& submissions, PersonalValues& values) {
  for (Submission& submission : submissions) {
    if (!HasPersonalFields(submission.kind) || !submission.meaning.contains(submission.kind)) {
      continue;
    }
    const std::string person = PersonOf(submission.kind, submission.subject);
    for (const PersonalField& personal : kPersonalFields) {
      if (personal.kind != submission.kind) continue;
      const std::string field(personal.field);
      std::string value;
      for (const nlohmann::json& table : submission.meaning[submission.kind]) {
        if (!TextOf(table, field).empty()) value = TextOf(table, field);
      }
      if (value.empty()) continue;
      BlankInToml(submission, field);
      const bool erased = PersonErased(db, person);
      const std::string salt = erased ? "" : PersonSalt(db, person, /*create=*/true);
      const std::string kept =
          erased ? StoredHash(db, submission.kind, submission.subject, field) : "";
      for (nlohmann::json& table : submission.meaning[submission.kind]) {
        if (TextOf(table, field).empty()) continue;
        if (!erased) table[field + "_sha256"] = SaltedHash(salt, TextOf(table, field));
        if (!kept.empty()) table[field + "_sha256"] = kept;
        table.erase(field);
      }
      if (!erased) values[{person, field}] = value;
    }
  }
}

void KeepPersonalData(Db& db, const std::vector<std::pair<Submission, long long>>& stored,
                      const PersonalValues& values) {
  for (const auto& [submission, version] : stored) {
    const std::string person = PersonOf(submission.kind, submission.subject);
    for (const PersonalField& personal : kPersonalFields) {
      if (personal.kind != submission.kind) continue;
      const std::string field(personal.field);
      auto value = values.find({person, field});
      if (value != values.end()) {
        Statement seq = db.Prepare(
            "SELECT audit_seq FROM submission WHERE kind = ?1 AND subject = ?2 "
            "ORDER BY version DESC LIMIT 1");
        seq.Bind(1, submission.kind).Bind(2, submission.subject);
        if (seq.Step()) PutPersonalData(db, person, field, value->second, seq.Int(0));
      } else {
        db.Prepare("DELETE FROM person_data WHERE person = ?1 AND field = ?2")
            .Bind(1, person)
            .Bind(2, field)
            .Run();
      }
    }
  }
}

std::string LoggedFieldHash(const nlohmann::json& content, const std::string& person,
                            const std::string& field) {
  const std::string kind = content.value("kind", "");
  const std::string subject = content.value("subject", "");
  if (!HasPersonalFields(kind) || PersonOf(kind, subject) != person) return {};
  if (!content.contains("meaning") || !content["meaning"].is_object()) return {};
  for (const nlohmann::json& table : content["meaning"].value(kind, nlohmann::json())) {
    if (TextOf(table, "id") == subject && !TextOf(table, field + "_sha256").empty()) {
      return TextOf(table, field + "_sha256");
    }
  }
  return {};
}

void AddPeople(Db& db, Procurement& procurement, long long before_seq) {
  procurement.declarations = ReadDeclarations(db, before_seq);
  // The fields whose hash each person's latest submission logged.
  std::map<std::string, std::map<std::string, bool>> logged;  // person -> field -> true
  for (const StoredSubmission& stored : LatestSubmissions(db)) {
    const Submission& submission = stored.submission;
    if (!HasPersonalFields(submission.kind)) continue;
    for (const nlohmann::json& table :
         submission.meaning.value(submission.kind, nlohmann::json())) {
      if (!table.is_object()) continue;
      for (const auto& [key, value] : table.items()) {
        const std::string suffix = "_sha256";
        if (key.size() > suffix.size() && key.ends_with(suffix)) {
          logged[PersonOf(submission.kind, submission.subject)]
                [key.substr(0, key.size() - suffix.size())] = true;
        }
      }
    }
  }
  // The value while it is held; "(erased)" once erased.
  auto value_of = [&](const std::string& person, const std::string& field, std::string& out) {
    auto fields = logged.find(person);
    if (fields == logged.end() || !fields->second.count(field)) return;
    out = PersonErased(db, person) ? "(erased)" : PersonalData(db, person, field).value_or("");
  };
  for (Member& member : procurement.panel.members) value_of(member.id, "name", member.name);
  for (Candidate& candidate : procurement.candidates) {
    const std::string person = PersonOf("candidate", candidate.id);
    value_of(person, "address", candidate.address);
    value_of(person, "email", candidate.email);
  }
}

}  // namespace weighbridge::workspace

namespace weighbridge {

void ClearNames(Procurement& procurement, Decision& decision) {
  for (Member& member : procurement.panel.members) member.name.clear();
  for (GroupTurnout& turnout : decision.panel_review.turnout) turnout.names.clear();
}

}  // namespace weighbridge
