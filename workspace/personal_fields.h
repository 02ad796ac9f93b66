// Personal data in imported files kept out of the log: a panel member's
// `name`, and a candidate's supplier contact details (`address`, `email`).
// On import each goes to the person table (people.h) under a pseudonymous
// person id (the member's id; "candidate:ID" for a candidate's contact), and
// the logged submission keeps only FIELD_sha256, the value's salted hash.
// Loading puts the values back while they exist.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "weighbridge/procurement.h"
#include "workspace/sqlite_db.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

// (person id, field) -> the value taken out of an import.
using PersonalValues = std::map<std::pair<std::string, std::string>, std::string>;

// The person id under which a submission's personal data is kept: a member's
// own id; "candidate:ID" for a candidate (a colon is in no id a file can give,
// so it names no member or evaluator too).
std::string PersonOf(const std::string& kind, const std::string& subject);

// Takes every non-empty personal value out of the member and candidate
// submissions, inside the caller's write transaction: its value in the TOML
// becomes "" (the lines stay where they were), and in the meaning FIELD
// becomes FIELD_sha256. A person whose data was erased keeps no value: theirs
// is dropped, not stored again. `values` receives what KeepPersonalData keeps.
void TakeOutPersonalData(Db& db, std::vector<Submission>& submissions, PersonalValues& values);

// After `stored` submissions were stored: keeps each value in the person
// table, and deletes a value whose submission's new version has none.
void KeepPersonalData(Db& db, const std::vector<std::pair<Submission, long long>>& stored,
                      const PersonalValues& values);

// The salted hash of `person`'s `field` that an import entry's content
// logged, or "" (for verify's check of the person table).
std::string LoggedFieldHash(const nlohmann::json& content, const std::string& person,
                            const std::string& field);

// What the workspace knows of people, added to a procurement it loaded: each
// member's name and each candidate's address and email when their latest
// submission refers to one (the value while it exists, "(erased)" once
// erased), and everyone's declarations logged before audit entry `before_seq`
// (a stored decision is made again with the declarations it was made with).
void AddPeople(Db& db, Procurement& procurement, long long before_seq);

}  // namespace weighbridge::workspace
