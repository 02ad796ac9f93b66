// The people who write to the workspace (whoever runs a command, and an
// approver's --by), kept out of the log like every other name: the chained
// entries, decisions, approvals and the fixed method name a user by a
// pseudonymous id ("user:1", "user:2", ...), and the name itself lives in the
// erasable person table (people.h), logged once as its salted hash in a
// `user` entry. `weighbridge erase --person user:1` erases it
// (docs/workspace.md, "Erasing personal data").
#pragma once

#include <string>

#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// The id of the user named `actor.who`, inside the caller's write transaction.
// A name seen for the first time (or again after its erasure) gets the next
// id: a `user` entry logs the id and the name's salted hash, and the name is
// kept in the person table. The same name always gives the same id while it
// is held, so calling this twice in one command is harmless.
std::string UserId(Db& db, const Actor& actor);

// The name to show for `who` as stored: the user's name while it is held,
// "user:1 (name erased)" once erased. Anything else (a workspace written
// before users had ids stored names themselves) is shown as it is.
std::string UserName(Db& db, const std::string& who);

}  // namespace weighbridge::workspace
