// The erasable record of people: personal data (a name, the text of a
// declaration) kept outside the chained content, under the person's
// pseudonymous id, with a random salt per person. The log holds only
// SaltedHash(salt, data), which proves later that the data was not changed
// while it exists, and which no one can test guesses against once the salt is
// erased with the data (docs/workspace.md, "Erasing personal data").
#pragma once

#include <optional>
#include <string>

#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// The person's salt (64 hex digits); one of 32 random bytes is made and stored
// when they have none yet and `create` is set. "" when the person is unknown
// (without `create`) or erased. Throws std::runtime_error when no random
// bytes can be had.
std::string PersonSalt(Db& db, const std::string& person, bool create);

// Gives an erased person a new salt (and no longer counts them erased); returns it.
std::string RenewSalt(Db& db, const std::string& person);

// Whether the person's personal data was erased.
bool PersonErased(Db& db, const std::string& person);

// SHA-256, in hex, of the salt's 64 hex digits followed by the data's bytes.
std::string SaltedHash(const std::string& salt, const std::string& data);

// Stores (or replaces) one piece of the person's data, whose salted hash audit
// entry `seq` logged. The person must have a salt.
void PutPersonalData(Db& db, const std::string& person, const std::string& field,
                     const std::string& value, long long seq);

// One piece of the person's data; nothing when there is none (or it was erased).
std::optional<std::string> PersonalData(Db& db, const std::string& person,
                                        const std::string& field);

// The person_data field holding a declaration's text: "interest:SUPPLIER", or
// "none" for a declaration of no interests.
std::string DeclarationField(const std::optional<std::string>& interest);

}  // namespace weighbridge::workspace
