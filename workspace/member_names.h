// Panel members' names kept out of the log: on import a `[[member]]`'s `name`
// goes to the person table, and the logged submission keeps only the member's
// id and `name_sha256`, the name's salted hash (people.h). Loading puts the
// name back while it exists.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "weighbridge/procurement.h"
#include "workspace/sqlite_db.h"
#include "workspace/submissions.h"

namespace weighbridge::workspace {

// Takes every non-empty `name` out of the member submissions, inside the
// caller's write transaction: its value in the TOML becomes "" (the lines stay
// where they were), and in the meaning `name` becomes `name_sha256`. A person
// whose data was erased keeps no name: theirs is dropped, not stored again.
// `names` receives member id -> name for KeepMemberNames.
void TakeOutMemberNames(Db& db, std::vector<Submission>& submissions,
                        std::map<std::string, std::string>& names);

// After `stored` member submissions were stored: keeps each one's name in the
// person table, and deletes the name of a member whose new version has none.
void KeepMemberNames(Db& db, const std::vector<std::pair<Submission, long long>>& stored,
                     const std::map<std::string, std::string>& names);

// What the workspace knows of people, added to a procurement it loaded: each
// member's name when their latest submission refers to one (the name while
// it exists, "(erased)" once erased), and everyone's declarations logged
// before audit entry `before_seq` (a stored decision is made again with the
// declarations it was made with).
void AddPeople(Db& db, Procurement& procurement, long long before_seq);

}  // namespace weighbridge::workspace
