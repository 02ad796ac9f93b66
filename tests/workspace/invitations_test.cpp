// Personal links (weighbridge invite and revoke): the token is random, shown
// once and kept only as its SHA-256; a link stops at its last day or when
// revoked; verify checks every invitation and revocation against its entry.
#include <catch2/catch.hpp>

#include "tests/workspace/workspace_fixture.h"

namespace weighbridge {
namespace fs = std::filesystem;

namespace {

// The minimal procurement imported by alice: panel member m1 in group staff.
struct Invited : test::MinimalWorkspace {
  WorkspaceStatus Invite(const std::string& role, const std::string& person,
                         std::optional<std::string> expires, Invitation& made, std::string& token) {
    return workspace->Invite(role, person, expires, test::At("alice", "2026-03-02T10:00:00Z"), made,
                             token);
  }
};

bool IsHex32(const std::string& token) {
  return token.size() == 32 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TEST_CASE("Invite: a member's link is random, shown once and kept only as its hash",
          "[workspace][invite]") {
  Invited p;
  Invitation first, second;
  std::string token, other;
  REQUIRE(p.Invite("member", "m1", std::nullopt, first, token).ok());
  REQUIRE(p.Invite("member", "m1", std::nullopt, second, other).ok());
  CHECK(IsHex32(token));  // 16 random bytes
  CHECK(token != other);
  CHECK(first.number == 1);
  CHECK(second.number == 2);
  CHECK(first.person == "m1");
  CHECK_FALSE(first.expires);
  // The stored hash is SHA-256 of the token's 32 characters; the token itself
  // is nowhere in the workspace's files.
  CHECK(test::QuerySql(p.file, "SELECT token_sha256 FROM invitation WHERE number = 1") ==
        test::Sha256(token));
  p.workspace.reset();
  for (const auto& entry : fs::directory_iterator(p.folder)) {
    if (entry.path().filename().string().rfind("weighbridge.db", 0) == 0) {
      CHECK(test::ReadBytes(entry.path()).find(token) == std::string::npos);
    }
  }
}

TEST_CASE("Invite: a link lets its person in until its last day, and not after revoke",
          "[workspace][invite]") {
  Invited p;
  Invitation made;
  std::string token;
  REQUIRE(p.Invite("evaluator", "e1", std::string("2026-03-10"), made, token).ok());
  std::optional<Invitation> in = p.workspace->Admit(token, "2026-03-10");
  REQUIRE(in);
  CHECK(in->role == "evaluator");
  CHECK(in->person == "e1");
  CHECK_FALSE(p.workspace->Admit(token, "2026-03-11"));  // the day after its last
  CHECK_FALSE(p.workspace->Admit(std::string(32, '0'), "2026-03-02"));
  CHECK_FALSE(p.workspace->Admit(test::Sha256(token), "2026-03-02"));  // the hash is no key

  int revoked = 0;
  REQUIRE(p.workspace->Revoke(1, "", "", test::At("alice", "2026-03-03T08:00:00Z"), revoked).ok());
  CHECK(revoked == 1);
  CHECK_FALSE(p.workspace->Admit(token, "2026-03-04"));
  WorkspaceStatus again =
      p.workspace->Revoke(1, "", "", test::At("alice", "2026-03-03T09:00:00Z"), revoked);
  CHECK(again.code == WorkspaceCode::kBadInput);
  CHECK(again.message == "invitation 1 was revoked already, at 2026-03-03T08:00:00Z");
  CHECK(p.workspace->Invitations()[0].revoked_at ==
        std::optional<std::string>("2026-03-03T08:00:00Z"));
}

TEST_CASE("Invite: revoking a person stops every link of theirs that still works",
          "[workspace][invite]") {
  Invited p;
  Invitation made;
  std::string a, b, c;
  REQUIRE(p.Invite("facilitator", "Jo Smith", std::nullopt, made, a).ok());
  CHECK(made.person == "user:2");  // alice is user:1
  CHECK(made.name == "Jo Smith");
  REQUIRE(p.Invite("facilitator", "Jo Smith", std::nullopt, made, b).ok());
  REQUIRE(p.Invite("member", "m1", std::nullopt, made, c).ok());
  int revoked = 0;
  REQUIRE(
      p.workspace
          ->Revoke(0, "facilitator", "Jo Smith", test::At("alice", "2026-03-03T08:00:00Z"), revoked)
          .ok());
  CHECK(revoked == 2);
  CHECK_FALSE(p.workspace->Admit(a, "2026-03-03"));
  CHECK_FALSE(p.workspace->Admit(b, "2026-03-03"));
  CHECK(p.workspace->Admit(c, "2026-03-03"));  // m1's link is not Jo's
  WorkspaceStatus none = p.workspace->Revoke(0, "facilitator", "Jo Smith",
                                             test::At("alice", "2026-03-03T09:00:00Z"), revoked);
  CHECK(none.message ==
        "there is no invitation for the facilitator 'Jo Smith' that still works; weighbridge "
        "invite DIR --list lists them");
  VerifyReport report;
  CHECK(p.workspace->Verify(std::nullopt, report).ok());
}

TEST_CASE("Invite: refused for someone not on the panel, a day that is not one, or past",
          "[workspace][invite]") {
  Invited p;
  Invitation made;
  std::string token;
  const std::string entries = test::QuerySql(p.file, "SELECT COUNT(*) FROM audit");
  CHECK(p.Invite("member", "m9", std::nullopt, made, token).message ==
        "--member: the workspace has no panel member 'm9'; import the panel first (weighbridge "
        "history lists what was imported)");
  CHECK(p.Invite("evaluator", "e 1", std::nullopt, made, token).message ==
        "--evaluator: 'e 1' is not an id: use letters, digits, '.', '-' and '_', as the "
        "procurement's files do");
  CHECK(
      p.Invite("evaluator", "e1", std::string("2026-02-29"), made, token).message ==
      "--expires: '2026-02-29' is not a day written YYYY-MM-DD, such as 2026-04-30");  // 2026 is
                                                                                       // not a leap
                                                                                       // year
  CHECK(p.Invite("evaluator", "e1", std::string("2026-03-01"), made, token).message ==
        "--expires: 2026-03-01 has passed already; give a later day");  // made on 2026-03-02
  CHECK(test::QuerySql(p.file, "SELECT COUNT(*) FROM audit") == entries);
}

TEST_CASE("Invite: verify catches an invitation or a revocation changed or deleted by hand",
          "[workspace][invite]") {
  Invited p;
  Invitation made;
  std::string token;
  REQUIRE(p.Invite("member", "m1", std::nullopt, made, token).ok());
  int revoked = 0;
  REQUIRE(p.workspace->Revoke(1, "", "", test::At("alice", "2026-03-03T08:00:00Z"), revoked).ok());
  p.workspace.reset();
  const std::string seq = test::QuerySql(p.file, "SELECT audit_seq FROM invitation");
  CHECK(test::RunSql(p.file, "UPDATE invitation SET role = 'facilitator'") != 0);  // the trigger
  auto verify = [&] {
    WorkspaceStatus status;
    auto workspace = Workspace::Open(p.file, status, {});
    VerifyReport report;
    return workspace->Verify(std::nullopt, report);
  };
  REQUIRE(test::RunSql(p.file,
                       "DROP TRIGGER invitation_final_update; "
                       "UPDATE invitation SET person = 'm2'") == 0);
  CHECK(verify().message == "invitation 1 does not match audit entry " + seq +
                                " that logged it: it was changed after it was logged");
  REQUIRE(test::RunSql(p.file, "UPDATE invitation SET person = 'm1'") == 0);
  CHECK(verify().ok());
  const std::string revoke_seq = test::QuerySql(p.file, "SELECT audit_seq FROM revocation");
  REQUIRE(test::RunSql(p.file, "DROP TRIGGER revocation_final_delete; DELETE FROM revocation") ==
          0);
  CHECK(verify().message == "audit entry " + revoke_seq +
                                " logged a revocation whose record is no longer in the "
                                "workspace: it was deleted by hand");
}

}  // namespace weighbridge
