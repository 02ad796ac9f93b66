#include "web/sessions.h"

#include "workspace/random_hex.h"

namespace weighbridge::web {

Session Sessions::Start(long long invitation, const std::string& role, const std::string& person,
                        const std::string& name) {
  Session session{workspace::RandomHex(16, "a session"),
                  workspace::RandomHex(16, "a form token"),
                  invitation,
                  role,
                  person,
                  name};
  std::lock_guard lock(mutex_);
  sessions_[session.id] = session;
  return session;
}

std::optional<Session> Sessions::Find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(id);
  if (found == sessions_.end()) return std::nullopt;
  return found->second;
}

void Sessions::EndAll(long long invitation) {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_,
                [&](const auto& entry) { return entry.second.invitation == invitation; });
}

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return differ == 0;
}

}  // namespace weighbridge::web
