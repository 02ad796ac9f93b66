// Who is signed in: a personal link, once opened, is exchanged for a session
// (a random id in an HttpOnly cookie) with its own token for forms (against
// cross-site request forgery). Kept in memory only: restarting the server
// signs everyone out, and they open their link again.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace weighbridge::web {

struct Session {
  std::string id;            // 32 hex digits, the cookie's value
  std::string csrf;          // 32 hex digits, in every form of the session
  long long invitation = 0;  // the invitation's number: revoking it ends the session
  std::string role;          // "member", "evaluator" or "facilitator"
  std::string person;        // the member's or evaluator's id; a facilitator's user id
  std::string name;          // a facilitator's name, for the audit log; "" otherwise
};

class Sessions {
 public:
  // A new session for the person invitation `number` lets in.
  Session Start(long long invitation, const std::string& role, const std::string& person,
                const std::string& name = "");

  // The session with cookie value `id`; nothing when there is none.
  std::optional<Session> Find(const std::string& id) const;

  // Ends every session of invitation `number`.
  void EndAll(long long invitation);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Session> sessions_;
};

// Whether two texts are equal, taking the same time wherever they differ, so
// that a form token cannot be guessed one character at a time.
bool SameSecret(const std::string& a, const std::string& b);

}  // namespace weighbridge::web
