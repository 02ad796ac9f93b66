// Workspace::Invite, Revoke, Invitations and Admit.
#include "workspace/invitations.h"

#include <algorithm>
#include <regex>

#include "weighbridge/workspace.h"
#include "workspace/audit_log.h"
#include "workspace/canonical_json.h"
#include "workspace/random_hex.h"
#include "workspace/sha256.h"
#include "workspace/submission_store.h"
#include "workspace/users.h"
#include "workspace/withdrawal.h"
#include "workspace/workspace_impl.h"

namespace weighbridge {
namespace workspace {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

std::optional<std::string> OptionalText(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Text(column);
}

// 128 random bits from OpenSSL, as 32 hex digits: a link no one can guess.
std::string NewToken() { return RandomHex(16, "a personal link"); }

// A real day of the calendar written YYYY-MM-DD.
bool IsDay(const std::string& text) {
  static const std::regex kDay(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch parts;
  if (!std::regex_match(text, parts, kDay)) return false;
  const int year = std::stoi(parts[1]), month = std::stoi(parts[2]), day = std::stoi(parts[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[month - 1];
}

// Ids as procurement files write them: letters, digits, '.', '-' and '_'.
bool IsId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
  });
}

// Whether the workspace holds panel member `id`, not removed.
bool HoldsMember(Db& db, const std::string& id) {
  for (const StoredSubmission& stored : LatestSubmissions(db)) {
    if (stored.submission.kind == "member" && stored.submission.subject == id) {
      return !Withdrawn(stored.submission);
    }
  }
  return false;
}

Invitation ReadInvitation(Db& db, const Statement& row) {
  Invitation out;
  out.number = row.Int(0);
  out.role = row.Text(1);
  out.person = row.Text(2);
  out.expires = OptionalText(row, 3);
  out.at = row.Text(4);
  out.revoked_at = OptionalText(row, 5);
  if (out.role == "facilitator") out.name = UserName(db, out.person);
  return out;
}

constexpr const char* kSelectInvitation =
    "SELECT i.number, i.role, i.person, i.expires, i.at, r.at FROM invitation i "
    "LEFT JOIN revocation r ON r.invitation = i.number ";

}  // namespace

nlohmann::json InvitationContent(long long number, const std::string& token_sha256,
                                 const std::string& role, const std::string& person,
                                 const std::optional<std::string>& expires, const std::string& at) {
  return {{"number", number}, {"token_sha256", token_sha256}, {"role", role},
          {"person", person}, {"expires", OrNull(expires)},   {"at", at}};
}

nlohmann::json RevocationContent(long long invitation, const std::string& at) {
  return {{"invitation", invitation}, {"at", at}};
}

std::optional<std::string> CheckInvitations(Db& db) {
  auto logged = [&](long long seq, const char* what) {
    Statement entry = db.Prepare("SELECT content FROM audit WHERE seq = ?1 AND what = ?2");
    entry.Bind(1, static_cast<std::int64_t>(seq)).Bind(2, what);
    if (!entry.Step()) return std::string();
    nlohmann::json content = nlohmann::json::parse(entry.Text(0), nullptr, false);
    return content.is_discarded() ? std::string() : CanonicalJson(content);
  };
  Statement rows = db.Prepare(
      "SELECT number, token_sha256, role, person, expires, at, audit_seq FROM invitation "
      "ORDER BY number");
  while (rows.Step()) {
    nlohmann::json stored = InvitationContent(rows.Int(0), rows.Text(1), rows.Text(2), rows.Text(3),
                                              OptionalText(rows, 4), rows.Text(5));
    if (logged(rows.Int(6), "invite") != CanonicalJson(stored)) {
      return "invitation " + std::to_string(rows.Int(0)) + " does not match audit entry " +
             std::to_string(rows.Int(6)) + " that logged it: it was changed after it was logged";
    }
  }
  Statement revoked = db.Prepare("SELECT invitation, at, audit_seq FROM revocation");
  while (revoked.Step()) {
    if (logged(revoked.Int(2), "revoke") !=
        CanonicalJson(RevocationContent(revoked.Int(0), revoked.Text(1)))) {
      return "the revocation of invitation " + std::to_string(revoked.Int(0)) +
             " does not match audit entry " + std::to_string(revoked.Int(2)) +
             " that logged it: it was changed after it was logged";
    }
  }
  for (const auto& [table, what] : {std::pair{"invitation", "invite"}, {"revocation", "revoke"}}) {
    Statement orphan = db.Prepare(std::string("SELECT seq FROM audit WHERE what = ?1 AND seq NOT "
                                              "IN (SELECT audit_seq FROM ") +
                                  table + ") ORDER BY seq LIMIT 1");
    orphan.Bind(1, what);
    if (orphan.Step()) {
      return "audit entry " + std::to_string(orphan.Int(0)) + " logged " +
             (std::string(what) == "invite" ? "an invitation" : "a revocation") +
             " whose record is no longer in the workspace: it was deleted by hand";
    }
  }
  return std::nullopt;
}

}  // namespace workspace

WorkspaceStatus Workspace::Invite(const std::string& role, const std::string& person,
                                  const std::optional<std::string>& expires, const Actor& actor,
                                  Invitation& made, std::string& token) {
  using workspace::Refuse;
  if (role != "member" && role != "evaluator" && role != "facilitator") {
    return Refuse(WorkspaceCode::kBadInput,
                  "an invitation is for a panel member, an evaluator or a facilitator");
  }
  if (role == "facilitator" ? person.empty() : !workspace::IsId(person)) {
    return Refuse(WorkspaceCode::kBadInput,
                  role == "facilitator"
                      ? "--facilitator: give the facilitator's name"
                      : "--" + role + ": '" + person +
                            "' is not an id: use letters, digits, '.', '-' and '_', as the "
                            "procurement's files do");
  }
  if (expires && !workspace::IsDay(*expires)) {
    return Refuse(
        WorkspaceCode::kBadInput,
        "--expires: '" + *expires + "' is not a day written YYYY-MM-DD, such as " + "2026-04-30");
  }
  if (expires && *expires < actor.when.substr(0, 10)) {
    return Refuse(WorkspaceCode::kBadInput,
                  "--expires: " + *expires + " has passed already; give a later day");
  }
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    if (role == "member" && !workspace::HoldsMember(db, person)) {
      return Refuse(WorkspaceCode::kBadInput,
                    "--member: the workspace has no panel member '" + person +
                        "'; import the panel first (weighbridge history lists what was "
                        "imported)");
    }
    // A facilitator is named like anyone who writes: by user id, the name kept apart.
    const std::string who =
        role == "facilitator" ? workspace::UserId(db, Actor{person, actor.when}) : person;
    token = workspace::NewToken();
    const std::string hash = workspace::Sha256Hex(token);
    const long long number = db.QueryInt("SELECT COALESCE(MAX(number), 0) + 1 FROM invitation");
    const long long seq = workspace::AppendEntry(
        db, actor, "invite",
        workspace::InvitationContent(number, hash, role, who, expires, actor.when));
    workspace::Statement insert = db.Prepare(
        "INSERT INTO invitation (number, token_sha256, role, person, expires, at, audit_seq) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.Bind(1, static_cast<std::int64_t>(number)).Bind(2, hash).Bind(3, role).Bind(4, who);
    if (expires)
      insert.Bind(5, *expires);
    else
      insert.BindNull(5);
    insert.Bind(6, actor.when).Bind(7, static_cast<std::int64_t>(seq)).Run();
    transaction.Commit();
    made = Invitation{number,  role,       who,         role == "facilitator" ? person : "",
                      expires, actor.when, std::nullopt};
    return WorkspaceStatus{};
  });
}

WorkspaceStatus Workspace::Revoke(long long number, const std::string& role,
                                  const std::string& person, const Actor& actor, int& revoked) {
  revoked = 0;
  return workspace::Guarded(impl_->file, [&] {
    workspace::Db& db = impl_->db;
    workspace::WriteTransaction transaction(db);
    std::vector<Invitation> live;
    for (const Invitation& invitation : Invitations()) {
      const bool chosen = number != 0 ? invitation.number == number
                                      : invitation.role == role && (invitation.person == person ||
                                                                    invitation.name == person);
      if (!chosen) continue;
      if (number != 0 && invitation.revoked_at) {
        return workspace::Refuse(WorkspaceCode::kBadInput, "invitation " + std::to_string(number) +
                                                               " was revoked already, at " +
                                                               *invitation.revoked_at);
      }
      if (!invitation.revoked_at) live.push_back(invitation);
    }
    if (live.empty()) {
      return workspace::Refuse(
          WorkspaceCode::kBadInput,
          number != 0 ? "there is no invitation " + std::to_string(number) +
                            "; weighbridge invite DIR --list lists them"
                      : "there is no invitation for the " + role + " '" + person +
                            "' that still works; weighbridge invite DIR --list lists them");
    }
    for (const Invitation& invitation : live) {
      const long long seq = workspace::AppendEntry(
          db, actor, "revoke", workspace::RevocationContent(invitation.number, actor.when));
      db.Prepare("INSERT INTO revocation (invitation, at, audit_seq) VALUES (?1, ?2, ?3)")
          .Bind(1, static_cast<std::int64_t>(invitation.number))
          .Bind(2, actor.when)
          .Bind(3, static_cast<std::int64_t>(seq))
          .Run();
    }
    transaction.Commit();
    revoked = static_cast<int>(live.size());
    return WorkspaceStatus{};
  });
}

std::vector<Invitation> Workspace::Invitations() {
  std::vector<Invitation> out;
  workspace::Statement rows =
      impl_->db.Prepare(std::string(workspace::kSelectInvitation) + "ORDER BY i.number");
  while (rows.Step()) out.push_back(workspace::ReadInvitation(impl_->db, rows));
  return out;
}

std::optional<Invitation> Workspace::Admit(const std::string& token, const std::string& day) {
  std::optional<Invitation> found;
  // A workspace that cannot be read admits no one.
  workspace::Guarded(impl_->file, [&] {
    workspace::Statement row =
        impl_->db.Prepare(std::string(workspace::kSelectInvitation) + "WHERE i.token_sha256 = ?1");
    row.Bind(1, workspace::Sha256Hex(token));
    if (row.Step()) found = workspace::ReadInvitation(impl_->db, row);
    return WorkspaceStatus{};
  });
  if (!found || found->revoked_at || (found->expires && *found->expires < day)) return std::nullopt;
  return found;
}

}  // namespace weighbridge
