// Importing TOML into a workspace: split into submissions, versioned per
// person, checked with the engine's loader, and all or nothing.
#include <catch2/catch.hpp>
#include <fstream>

#include "tests/workspace/workspace_fixture.h"

namespace weighbridge {
namespace fs = std::filesystem;
using test::ScratchDir;

namespace {

struct Imported {
  ScratchDir dir;
  fs::path folder = dir.path() / "minimal";
  fs::path file = folder / "weighbridge.db";
  std::unique_ptr<Workspace> workspace;

  Imported() {
    test::CopyMinimal(folder);
    WorkspaceStatus status;
    workspace = Workspace::Create(file, test::At("alice", "t0"), status, {});
    REQUIRE(status.ok());
  }
  WorkspaceStatus Import(const std::vector<std::string>& names, int& changed) {
    std::vector<fs::path> files;
    for (const std::string& name : names) files.push_back(folder / name);
    return workspace->Import(files, {}, test::At("alice", "t1"), changed);
  }
  // The folder's files in the order of work: the method's inputs, the freeze
  // (once), then the scores. `changed` counts the new versions of both imports.
  WorkspaceStatus ImportAll(int& changed) {
    int before = 0;
    WorkspaceStatus status =
        Import({"procurement.toml", "candidates.toml", "panel.toml"}, before);
    if (!status.ok()) return status;
    if (!workspace->Frozen()) {
      FreezeOutcome outcome;
      status = workspace->Freeze("Published with the tender", std::nullopt, {},
                                 test::At("alice", "t1"), outcome);
      if (!status.ok()) return status;
    }
    status = Import({"scores.toml"}, changed);
    changed += before;
    return status;
  }
  std::string Count(const std::string& where) {
    return test::QuerySql(file, "SELECT COUNT(*) FROM submission" + where);
  }
};

void Write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

}  // namespace

TEST_CASE("Import: a folder's files become one submission per candidate, person and file",
          "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  // procurement.toml and framework.toml; candidates alpha and beta; group
  // staff, member m1 and m1's judgements; evaluator e1's scores.
  CHECK(changed == 8);
  CHECK(w.Count("") == "8");
  CHECK(w.Count(" WHERE kind = 'candidate'") == "2");
  CHECK(w.Count(" WHERE kind = 'scores' AND subject = 'e1'") == "1");
  CHECK(w.Count(" WHERE kind = 'framework' AND subject = 'framework.toml'") == "1");
  // The user's own entry, init, one entry per submission, and the freeze
  // between panel and scores.
  CHECK(w.workspace->Entries().size() == 11);
}

TEST_CASE("Import: the same content twice changes nothing, even with new comments", "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  std::ofstream(w.folder / "candidates.toml", std::ios::app) << "\n# a comment added later\n";
  REQUIRE(w.ImportAll(changed).ok());
  CHECK(changed == 0);
  CHECK(w.Count("") == "8");
}

TEST_CASE("Import: an evaluator's changed scores are a new version, the old one kept",
          "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  std::string scores = test::ReadBytes(w.folder / "scores.toml");
  scores.replace(scores.find("value = 4"), 9, "value = 3");
  Write(w.folder / "scores.toml", scores);
  REQUIRE(w.Import({"scores.toml"}, changed).ok());
  CHECK(changed == 1);
  CHECK(w.Count(" WHERE kind = 'scores' AND subject = 'e1'") == "2");
  CHECK(test::QuerySql(w.file, "SELECT toml FROM submission WHERE kind = 'scores' AND version = 1")
            .find("value = 4") != std::string::npos);
  ProcurementLoad load;
  REQUIRE(w.workspace->LoadInputs({}, load).ok());
  CHECK(load.procurement->scores[0].value == 3);  // the latest version counts
}

TEST_CASE("Import: a mistake is reported at its own file and line, and nothing is stored",
          "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  Write(w.folder / "late.toml",
        "# Scores sent in late by a second evaluator\n"
        "[[score]]\n"
        "evaluator = \"e2\"\n"
        "candidate = \"gamma\"\n"
        "criterion = \"usability\"\n"
        "value = 4\n");
  WorkspaceStatus status = w.Import({"late.toml"}, changed);
  CHECK(status.code == WorkspaceCode::kBadInput);
  REQUIRE(status.diagnostics.has_errors());
  const Diagnostic& first = status.diagnostics.all().front();
  CHECK(first.pos.file == (w.folder / "late.toml").string());
  CHECK(first.pos.line == 4);  // candidate = "gamma", counted in late.toml itself
  CHECK(w.Count("") == "8");
  CHECK(w.Count(" WHERE subject = 'e2'") == "0");
}

TEST_CASE("Import: a TOML syntax error names its line and column", "[workspace]") {
  Imported w;
  Write(w.folder / "broken.toml", "[[candidate]]\nid = \"alpha\nname = \"x\"\n");
  int changed = 0;
  WorkspaceStatus status = w.Import({"broken.toml"}, changed);
  CHECK(status.code == WorkspaceCode::kBadInput);
  REQUIRE(status.diagnostics.has_errors());
  CHECK(status.diagnostics.all().front().pos.file == (w.folder / "broken.toml").string());
  CHECK(status.diagnostics.all().front().pos.line == 2);
  CHECK(w.Count("") == "0");
}

TEST_CASE("Import: a file mixing candidates and scores is refused", "[workspace]") {
  Imported w;
  Write(w.folder / "mixed.toml",
        "[[candidate]]\nid = \"gamma\"\nname = \"G\"\n\n[[score]]\nevaluator = \"e1\"\n");
  int changed = 0;
  WorkspaceStatus status = w.Import({"mixed.toml"}, changed);
  REQUIRE(status.diagnostics.has_errors());
  CHECK(status.diagnostics.all().front().message ==
        "this file mixes candidates, panel judgements and scores: import each kind from its own "
        "file");
}

TEST_CASE("Import: what the workspace holds loads the same way twice", "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  ProcurementLoad first;
  ProcurementLoad second;
  REQUIRE(w.workspace->LoadInputs({}, first).ok());
  REQUIRE(w.workspace->LoadInputs({}, second).ok());
  CHECK(first.procurement->input_hash == second.procurement->input_hash);
  REQUIRE(first.procurement->candidates.size() == 2);
  CHECK(first.procurement->candidates[0].id == "alpha");  // the file's order is kept
  CHECK(first.procurement->candidates[1].id == "beta");
}

TEST_CASE("Import: a command's own text is stored like a file, under the name it gives",
          "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  std::string text = "[[consensus]]\ncandidate = \"alpha\"\ncriterion = \"usability\"\nvalue = 3\n";
  REQUIRE(
      w.workspace->ImportTexts({{"(moderate)", text}}, {}, test::At("chair", "t2"), changed).ok());
  CHECK(changed == 1);
  CHECK(test::QuerySql(w.file, "SELECT source_file FROM submission WHERE kind = 'consensus'") ==
        "(moderate)");
  ProcurementLoad load;
  REQUIRE(w.workspace->LoadInputs({}, load).ok());
  REQUIRE(load.procurement->consensus.size() == 1);
  CHECK(load.procurement->consensus[0].value == 3);
  CHECK(load.procurement->scores.size() == 4);  // e1's scores stay on record
}

TEST_CASE("Import: a file unchanged since its last import does not undo a later change",
          "[workspace]") {
  Imported w;
  int changed = 0;
  REQUIRE(w.ImportAll(changed).ok());
  std::string scores = test::ReadBytes(w.folder / "scores.toml");
  scores.replace(scores.find("value = 4"), 9, "value = 3");
  Write(w.folder / "from-e1.toml", scores);
  REQUIRE(w.Import({"from-e1.toml"}, changed).ok());  // e1's version 2
  const std::vector<fs::path> folder_scores = {w.folder / "scores.toml"};
  REQUIRE(w.workspace->Import(folder_scores, {}, test::At("alice", "t2"), changed, true).ok());
  CHECK(changed == 0);  // scores.toml is as it was when imported: version 2 stays
  REQUIRE(w.workspace->Import(folder_scores, {}, test::At("alice", "t3"), changed).ok());
  CHECK(changed == 1);  // asked for plainly, the file's content is stored again
  CHECK(w.Count(" WHERE kind = 'scores'") == "3");
}

}  // namespace weighbridge
