// The audit log: an append-only chain of entries, each hashed with SHA-256
// over the previous entry's hash and its own canonical bytes, so that editing,
// deleting or inserting an entry breaks the chain (docs/workspace.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "weighbridge/workspace.h"
#include "workspace/sqlite_db.h"

namespace weighbridge::workspace {

// The previous hash of the first entry.
inline const std::string kGenesisHash(64, '0');

// The bytes an entry's hash covers after the previous hash: the RFC 8785 form
// of {"at", "content", "seq", "what", "who"}.
std::string EntryBytes(long long seq, const std::string& at, const std::string& who,
                       const std::string& what, const nlohmann::json& content);

// SHA-256, in hex, of the previous hash's 64 hex characters followed by `bytes`.
std::string EntryHash(const std::string& prev_hash, const std::string& bytes);

// The last entry's hash, or kGenesisHash for an empty log.
std::string HeadHash(Db& db);

// Appends an entry inside the caller's transaction, under the actor's user id
// (users.h); returns its seq.
long long AppendEntry(Db& db, const Actor& actor, const std::string& what,
                      const nlohmann::json& content);

// Appends an entry whose `who` is `who` exactly: a user id already found.
long long AppendEntryAs(Db& db, const std::string& who, const std::string& when,
                        const std::string& what, const nlohmann::json& content);

// Walks the chain in order. Returns a message naming the first entry that does
// not match, or nothing when all do; sets `entries` and `head`.
std::optional<std::string> VerifyChain(Db& db, long long& entries, std::string& head);

}  // namespace weighbridge::workspace
