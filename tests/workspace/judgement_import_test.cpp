// One member's judgements taken without loading the whole procurement again
// (workspace/standing_criteria.h): the same answers, refusals and positions as
// a whole load, and a kept procurement set aside whenever anything else
// changes, in this process or another.
#include <catch2/catch.hpp>

#include "tests/workspace/workspace_fixture.h"

namespace weighbridge {
namespace {

// m1's judgement of root's two criteria, as a browser form sends it.
std::string M1Points(const std::string& points) {
  return "# m1 again, from a browser\n"
         "[[judgement]]\n"
         "member = \"m1\"\n"
         "parent = \"root\"\n"
         "method = \"points\"\n"
         "points = { " +
         points + " }\n";
}

int Versions(const std::filesystem::path& file, const std::string& member) {
  return std::stoi(test::QuerySql(
      file,
      "SELECT COUNT(*) FROM submission WHERE kind = 'judgements' AND subject = '" + member + "'"));
}

double StoredPoints(Workspace& workspace, const std::string& member, const std::string& child) {
  ProcurementLoad load;
  LoadOptions options;
  options.allow_incomplete = true;  // no scores yet
  REQUIRE(workspace.LoadInputs(options, load).ok());
  for (const Judgement& judgement : load.procurement->panel.judgements) {
    if (judgement.member == member) return judgement.values.at(child);
  }
  FAIL("no judgement by " << member);
  return 0;
}

}  // namespace

TEST_CASE("Judgements alone: a changed answer is a new version, and the stamp stays",
          "[workspace]") {
  test::MinimalWorkspace w;
  const Workspace::CriteriaStamp before = w.workspace->Stamp();
  int changed = 0;
  REQUIRE(w.workspace
              ->ImportTexts({{"(browser)", M1Points("usability = 70, privacy = 30")}}, {},
                            test::At("m1", "2026-03-02T10:00:00Z"), changed)
              .ok());
  CHECK(changed == 1);
  CHECK(Versions(w.file, "m1") == 2);
  // Taken without a whole load: only judgements changed, so the stamp that
  // pages built from the criteria are kept against has not moved.
  CHECK(w.workspace->Stamp() == before);
  CHECK(StoredPoints(*w.workspace, "m1", "usability") == 70);

  SECTION("the same answers again store nothing") {
    REQUIRE(w.workspace
                ->ImportTexts({{"(browser)", M1Points("usability = 70, privacy = 30")}}, {},
                              test::At("m1", "2026-03-02T10:05:00Z"), changed)
                .ok());
    CHECK(changed == 0);
    CHECK(Versions(w.file, "m1") == 2);
  }
  SECTION("anything else stored moves the stamp") {
    REQUIRE(w.workspace
                ->ImportTexts({{"late.toml", "[[candidate]]\nid = \"gamma\"\nname = \"Gamma\"\n"}},
                              {}, test::At("alice", "2026-03-02T11:00:00Z"), changed)
                .ok());
    CHECK(changed == 1);
    CHECK_FALSE(w.workspace->Stamp() == before);
  }
}

TEST_CASE("Judgements alone: a mistake is found where a whole load finds it, in the same words",
          "[workspace]") {
  test::MinimalWorkspace w;
  // A second handle on the same file has kept nothing, so it loads everything.
  WorkspaceStatus opened;
  std::unique_ptr<Workspace> cold = Workspace::Open(w.file, opened, {});
  REQUIRE(opened.ok());
  const std::string text = M1Points("usability = 60, privcy = 40");
  int changed = 0;
  WorkspaceStatus quick = w.workspace->ImportTexts({{"(browser)", text}}, {},
                                                   test::At("m1", "2026-03-02T10:00:00Z"), changed);
  WorkspaceStatus whole =
      cold->ImportTexts({{"(browser)", text}}, {}, test::At("m1", "2026-03-02T10:00:00Z"), changed);
  CHECK(quick.code == WorkspaceCode::kBadInput);
  CHECK(whole.code == WorkspaceCode::kBadInput);
  REQUIRE(quick.diagnostics.all().size() == 1);
  REQUIRE(whole.diagnostics.all().size() == 1);
  const Diagnostic& found = quick.diagnostics.all().front();
  // Line 6 of the text sent; "points = { usability = 60, " is 27 characters.
  CHECK(found.pos.file == "(browser)");
  CHECK(found.pos.line == 6);
  CHECK(found.pos.column == 28);
  CHECK_THAT(found.message, Catch::StartsWith("'privcy' is not directly under 'root'"));
  CHECK_THAT(found.message, Catch::Contains("privacy"));
  const Diagnostic& expected = whole.diagnostics.all().front();
  CHECK(found.pos.file == expected.pos.file);
  CHECK(found.pos.line == expected.pos.line);
  CHECK(found.pos.column == expected.pos.column);
  CHECK(found.message == expected.message);
  CHECK(Versions(w.file, "m1") == 1);
}

TEST_CASE("Judgements alone: a member added by another process is known at once", "[workspace]") {
  test::MinimalWorkspace w;
  int changed = 0;
  // Kept: the criteria and the panel with m1 alone.
  REQUIRE(w.workspace
              ->ImportTexts({{"(browser)", M1Points("usability = 70, privacy = 30")}}, {},
                            test::At("m1", "2026-03-02T10:00:00Z"), changed)
              .ok());
  WorkspaceStatus opened;
  std::unique_ptr<Workspace> other = Workspace::Open(w.file, opened, {});
  REQUIRE(opened.ok());
  REQUIRE(other
              ->ImportTexts({{"more.toml", "[[member]]\nid = \"m2\"\ngroup = \"staff\"\n"}}, {},
                            test::At("alice", "2026-03-02T11:00:00Z"), changed)
              .ok());
  REQUIRE(changed == 1);
  // Checked against the kept panel, m2 would be refused as undeclared.
  const std::string m2 =
      "[[judgement]]\nmember = \"m2\"\nparent = \"root\"\nmethod = \"points\"\n"
      "points = { usability = 20, privacy = 80 }\n";
  WorkspaceStatus status = w.workspace->ImportTexts(
      {{"(browser)", m2}}, {}, test::At("m2", "2026-03-02T12:00:00Z"), changed);
  CHECK(status.ok());
  CHECK(changed == 1);
  CHECK(StoredPoints(*w.workspace, "m2", "privacy") == 80);
}

}  // namespace weighbridge

namespace weighbridge {

namespace {

// A request named as the browser's, made by `text`, sent by m1 at `when`.
Workspace::ImportRequest FromM1(std::function<std::optional<std::string>()> text,
                                const std::string& when) {
  Workspace::ImportRequest request;
  request.name = "(browser)";
  request.text = std::move(text);
  request.actor = test::At("m1", when);
  return request;
}

}  // namespace

TEST_CASE(
    "Judgements together: each request is stored or refused on its own, seeing those "
    "before it",
    "[workspace]") {
  test::MinimalWorkspace w;
  const char* kImports = "SELECT COUNT(*) FROM audit WHERE what = 'import'";
  const int imports_before = std::stoi(test::QuerySql(w.file, kImports));
  std::string seen_by_second;  // what the second request found stored when its turn came
  Workspace::ImportRequest first =
      FromM1([] { return M1Points("usability = 70, privacy = 30"); }, "2026-03-02T10:00:00Z");
  Workspace::ImportRequest second = FromM1(
      [&] {
        seen_by_second = w.workspace->LatestMeaning("judgements", "m1").value_or("");
        return M1Points("usability = 65, privacy = 35");
      },
      "2026-03-02T10:00:01Z");
  Workspace::ImportRequest mistaken =
      FromM1([] { return M1Points("usability = 60, privcy = 40"); }, "2026-03-02T10:00:02Z");
  Workspace::ImportRequest unmade =
      FromM1([] { return std::optional<std::string>(); }, "2026-03-02T10:00:03Z");
  Workspace::ImportRequest again =
      FromM1([] { return M1Points("usability = 65, privacy = 35"); }, "2026-03-02T10:00:04Z");
  REQUIRE(w.workspace->ImportTogether({&first, &second, &mistaken, &unmade, &again}, {}).ok());
  CHECK(first.status.ok());
  CHECK(first.changed == 1);
  // The first one's 70 was stored, in the same transaction, before the second was made.
  CHECK_THAT(seen_by_second, Catch::Contains("\"usability\":70"));
  CHECK(second.status.ok());
  CHECK(second.changed == 1);
  CHECK(mistaken.status.code == WorkspaceCode::kBadInput);
  REQUIRE(mistaken.status.diagnostics.all().size() == 1);
  CHECK(mistaken.status.diagnostics.all().front().pos.line == 6);
  CHECK(mistaken.status.diagnostics.all().front().pos.column == 28);
  CHECK(mistaken.changed == 0);
  CHECK(unmade.status.code == WorkspaceCode::kBadInput);
  CHECK(again.status.ok());
  CHECK(again.changed == 0);  // the same as the second: nothing new
  // Versions 1 (the folder's 60/40), 2 (70/30) and 3 (65/35).
  CHECK(Versions(w.file, "m1") == 3);
  CHECK(StoredPoints(*w.workspace, "m1", "usability") == 65);
  // Two import entries in the log, one for each answer stored.
  CHECK(std::stoi(test::QuerySql(w.file, kImports)) == imports_before + 2);
}

}  // namespace weighbridge
