// A framework named by id is kept in the workspace like one named by path, so
// that updating the installed framework does not change a procurement under
// way; and the workspace loads the same model as the folder it came from.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>

#include "tests/workspace/workspace_fixture.h"
#include "weighbridge/input_hash.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace fs = std::filesystem;
using test::ScratchDir;

namespace {

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// good-minimal, with its framework installed in `installed/` and named by id.
struct ById {
  ScratchDir dir;
  fs::path folder = dir.path() / "minimal";
  fs::path installed = dir.path() / "installed";
  fs::path file = folder / "weighbridge.db";
  std::unique_ptr<Workspace> workspace;

  ById() {
    test::CopyMinimal(folder);
    fs::create_directories(installed);
    fs::rename(folder / "framework.toml", installed / "minimal.toml");
    Write(folder / "procurement.toml",
          "[procurement]\nid = \"minimal\"\ntitle = \"A minimal procurement\"\n"
          "currency = \"GBP\"\nframework = \"minimal\"\n");
    // No scores: they are accepted only after a method freeze, which these
    // tests do not need (unscored criteria are allowed below).
    Write(folder / "scores.toml", "");
    WorkspaceStatus status;
    workspace = Workspace::Create(file, test::At("alice", "t0"), status, {});
    REQUIRE(status.ok());
  }
  WorkspaceStatus Import(const std::vector<std::string>& names, bool keep_later_changes = false) {
    std::vector<fs::path> files;
    for (const std::string& name : names) files.push_back(folder / name);
    int changed = 0;
    return workspace->Import(files, {installed}, test::At("alice", "t1"), changed,
                             keep_later_changes);
  }
  Procurement Load() {
    LoadOptions options;
    options.framework_dirs = {installed};
    options.allow_incomplete = true;
    ProcurementLoad load;
    WorkspaceStatus status = workspace->LoadInputs(options, load);
    INFO(load.diagnostics.ToString());
    REQUIRE(status.ok());
    return *load.procurement;
  }
  std::string Query(const std::string& sql) { return test::QuerySql(file, sql); }
  // The installed framework at another version, with a criterion renamed.
  void UpdateInstalled() {
    std::string text = test::ReadBytes(installed / "minimal.toml");
    text = std::regex_replace(text, std::regex("1\\.0\\.0"), "2.0.0");
    text = std::regex_replace(text, std::regex("Easy to use"), "Easy to learn");
    Write(installed / "minimal.toml", text);
  }
};

// scores.toml is empty: a file with nothing in it is not imported.
const std::vector<std::string> kAll = {"procurement.toml", "candidates.toml", "panel.toml"};

}  // namespace

TEST_CASE("Stored framework: one named by id is kept with procurement.toml", "[workspace]") {
  ById w;
  REQUIRE(w.Import(kAll).ok());
  CHECK(w.Query("SELECT COUNT(*) FROM submission WHERE kind = 'framework' AND subject = "
                "'minimal'") == "1");
  CHECK(w.Query("SELECT source_file FROM submission WHERE kind = 'framework'") ==
        (w.installed / "minimal.toml").string());
  // Logged like any submission: an audit entry of kind import holds it.
  CHECK(w.Query("SELECT COUNT(*) FROM audit WHERE content LIKE '%Easy to use%'") == "1");
}

TEST_CASE("Stored framework: an update of the installed one does not change the procurement",
          "[workspace]") {
  ById w;
  REQUIRE(w.Import(kAll).ok());
  w.UpdateInstalled();
  // Evaluate imports the folder again (keeping later changes): the kept copy stays.
  REQUIRE(w.Import(kAll, /*keep_later_changes=*/true).ok());
  CHECK(w.Query("SELECT MAX(version) FROM submission WHERE kind = 'framework'") == "1");
  Procurement kept = w.Load();
  CHECK(kept.framework.version == "1.0.0");
  CHECK(kept.framework.tree.Find("usability")->title == "Easy to use");
  // Importing procurement.toml by hand takes the installed framework as it is
  // now: a new version, logged.
  REQUIRE(w.Import({"procurement.toml"}).ok());
  CHECK(w.Query("SELECT MAX(version) FROM submission WHERE kind = 'framework'") == "2");
  CHECK(w.Query("SELECT COUNT(*) FROM audit WHERE content LIKE '%Easy to learn%'") == "1");
  Procurement updated = w.Load();
  CHECK(updated.framework.version == "2.0.0");
  CHECK(updated.framework.tree.Find("usability")->title == "Easy to learn");
  CHECK(updated.input_hash != kept.input_hash);
}

TEST_CASE("Stored framework: the workspace's model is the folder's, plus its declarations",
          "[workspace]") {
  ById w;
  REQUIRE(w.Import(kAll).ok());
  LoadOptions options;
  options.framework_dirs = {w.installed};
  options.allow_incomplete = true;
  ProcurementLoad direct = LoadProcurement(w.folder, options);
  INFO(direct.diagnostics.ToString());
  REQUIRE(direct.procurement);
  Procurement stored = w.Load();
  // The workspace adds the declarations of interest it holds (none yet, so
  // everyone would be flagged as undeclared): they count, so the hashes differ.
  REQUIRE(stored.declarations);
  CHECK(stored.declarations->empty());
  CHECK_FALSE(direct.procurement->declarations);
  CHECK(stored.input_hash != direct.procurement->input_hash);
  // Everything else is the same model, though the workspace wrote each
  // person's submission out in its own layout.
  stored.declarations.reset();
  CHECK(CanonicalModelJson(stored) == CanonicalModelJson(*direct.procurement));
  CHECK(InputHash(stored) == direct.procurement->input_hash);
}

}  // namespace weighbridge
