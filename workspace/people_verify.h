// Verify's checks of the record of people (people.h, declarations_store.h).
#pragma once

#include <optional>
#include <string>

#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// Checks that every declaration is the one its entry logged (and none was
// deleted), that every piece of personal data still held has the salted hash
// its entry logged, and that nothing erased is still held. Returns the first
// problem in plain words, or nothing.
std::optional<std::string> CheckPeople(Db& db);

}  // namespace weighbridge::workspace
