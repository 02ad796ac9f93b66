// Importing panel.csv into a workspace: one submission per member's rows, as
// panel.toml is split, read back through the engine's own panel.csv reader.
#include <catch2/catch.hpp>
#include <fstream>

#include "tests/workspace/workspace_fixture.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace fs = std::filesystem;
using test::ScratchDir;

namespace {

void Write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

// good-minimal's procurement, candidates and panel.toml (group staff, member
// m1 weighing root 60/40) imported; no scores, which come after a freeze.
struct WithPanel {
  ScratchDir dir;
  fs::path folder = dir.path() / "minimal";
  fs::path file = folder / "weighbridge.db";
  std::unique_ptr<Workspace> workspace;

  WithPanel() {
    test::CopyMinimal(folder);
    WorkspaceStatus status;
    workspace = Workspace::Create(file, test::At("alice", "t0"), status, {});
    REQUIRE(status.ok());
    REQUIRE(Import("procurement.toml", "candidates.toml", "panel.toml").ok());
  }
  template <typename... Names>
  WorkspaceStatus Import(Names... names) {
    std::vector<fs::path> files = {folder / names...};
    int changed = 0;
    WorkspaceStatus status = workspace->Import(files, {}, test::At("alice", "t1"), changed);
    last_changed = changed;
    return status;
  }
  std::string Query(const std::string& sql) { return test::QuerySql(file, sql); }
  int last_changed = 0;
};

// Two members' rows, interleaved and quoted as a spreadsheet writes them.
const char* kCsv =
    "member,group,parent,method,item,value\r\n"
    "m2,staff,root,points,usability,30\r\n"
    "m3,staff,root,pairwise,usability/privacy,\"1/3\"\r\n"
    "m2,staff,root,points,privacy,70\r\n";

}  // namespace

TEST_CASE("Import panel.csv: one submission per member, read back as judgements",
          "[workspace]") {
  WithPanel w;
  Write(w.folder / "judges.csv", kCsv);
  REQUIRE(w.Import("judges.csv").ok());
  CHECK(w.last_changed == 2);  // m2's rows and m3's row
  CHECK(w.Query("SELECT COUNT(*) FROM submission WHERE kind = 'judgements'") == "3");
  CHECK(w.Query("SELECT toml FROM submission WHERE subject = 'm2' AND kind = 'judgements'") ==
        "m2,staff,root,points,usability,30\nm2,staff,root,points,privacy,70\n");
  CHECK(w.Query("SELECT source_lines FROM submission WHERE subject = 'm3'").find("3") !=
        std::string::npos);
  // The meaning is the [[judgement]] tables panel.toml would hold, so commands
  // that add to a member's judgements (weigh) read CSV rows alike.
  CHECK(w.Query("SELECT meaning FROM submission WHERE subject = 'm2' AND kind = 'judgements'") ==
        R"({"csv_groups":["staff"],"judgement":[{"member":"m2","method":"points",)"
        R"("parent":"root","points":{"privacy":70,"usability":30}}]})");
  CHECK(w.Query("SELECT meaning FROM submission WHERE subject = 'm3' AND kind = 'judgements'") ==
        R"({"csv_groups":["staff"],"judgement":[{"member":"m3","method":"pairwise",)"
        R"("pairs":{"usability/privacy":"1/3"},"parent":"root"}]})");
  ProcurementLoad load;
  LoadOptions options;
  options.allow_incomplete = true;
  REQUIRE(w.workspace->LoadInputs(options, load).ok());
  const Panel& panel = load.procurement->panel;
  REQUIRE(panel.members.size() == 3);  // m1 from panel.toml, m2 and m3 declared by their rows
  REQUIRE(panel.judgements.size() == 3);
  // In member order: m1, m2 (points 30/70), m3 (privacy 3 times usability).
  CHECK(panel.judgements[1].member == "m2");
  CHECK(panel.judgements[1].values.at("usability") == 30);
  CHECK(panel.judgements[1].values.at("privacy") == 70);
  CHECK(panel.judgements[2].member == "m3");
  REQUIRE(panel.judgements[2].pairs.size() == 1);
  CHECK(panel.judgements[2].pairs[0].value == Approx(1.0 / 3.0));
}

TEST_CASE("Import panel.csv: the same rows again, quoted or spaced otherwise, change nothing",
          "[workspace]") {
  WithPanel w;
  Write(w.folder / "judges.csv", kCsv);
  REQUIRE(w.Import("judges.csv").ok());
  // The columns in another order and different quoting: the same content.
  Write(w.folder / "again.csv",
        "value,item,method,parent,group,member\n"
        "30,usability,points,root,staff,m2\n"
        "1/3,usability/privacy,pairwise,root,staff,\"m3\"\n"
        "70 ,privacy,points,root,staff,m2\n");
  REQUIRE(w.Import("again.csv").ok());
  CHECK(w.last_changed == 0);
  // m2 changes one value: only m2's submission gets a new version.
  Write(w.folder / "again.csv", "member,group,parent,method,item,value\n"
                                "m2,staff,root,points,usability,40\n"
                                "m2,staff,root,points,privacy,60\n");
  REQUIRE(w.Import("again.csv").ok());
  CHECK(w.last_changed == 1);
  CHECK(w.Query("SELECT MAX(version) FROM submission WHERE subject = 'm2'") == "2");
}

TEST_CASE("Import panel.csv: a mistake is shown at the csv's line and nothing is stored",
          "[workspace]") {
  WithPanel w;
  const std::string before = w.Query("SELECT COUNT(*) FROM audit");
  Write(w.folder / "judges.csv", "member,group,parent,method,item,value\n"
                                 "m2,staff,root,points,usability,60\n"
                                 "\n"
                                 "m2,staff,root,points,speed,40\n");
  WorkspaceStatus status = w.Import("judges.csv");
  CHECK(status.code == WorkspaceCode::kBadInput);
  REQUIRE(status.diagnostics.has_errors());
  const Diagnostic& first = status.diagnostics.all().front();
  CHECK(first.pos.file == (w.folder / "judges.csv").string());
  CHECK(first.pos.line == 4);    // line 3 is blank
  CHECK(first.pos.column == 22);  // "speed" starts after "m2,staff,root,points,"
  CHECK(w.Query("SELECT COUNT(*) FROM audit") == before);
}

}  // namespace weighbridge
