// Loading whole procurement folders from real files in a temporary folder.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "weighbridge/load.h"

namespace weighbridge {
namespace {
namespace fs = std::filesystem;

// A fresh folder holding a small valid procurement, removed afterwards.
class Folder {
 public:
  Folder() {
    path_ = fs::temp_directory_path() /
            ("weighbridge-loader-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path_);
    fs::create_directories(path_);
    Write("framework.toml",
          "[framework]\nid = \"t\"\nversion = \"2.0\"\ntitle = \"T\"\n"
          "[[criterion]]\nid = \"a\"\ntitle = \"A\"\nassess = \"judgement\"\n"
          "[[criterion]]\nid = \"b\"\ntitle = \"B\"\nassess = \"evidence\"\nevidence = \"open\"\n"
          "value = { type = \"boolean\" }\n");
    Write("procurement.toml",
          "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = \"framework.toml\"\n");
    Write("candidates.toml",
          "[[candidate]]\nid = \"x\"\nname = \"X\"\nevidence = { open = true }\n");
    Write("panel.toml", "");
    Write("scores.toml",
          "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 3\n");
  }
  ~Folder() { fs::remove_all(path_); }

  void Write(const std::string& name, const std::string& text) {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name) << text;
  }
  const fs::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

TEST_CASE("Loader: a small valid folder loads with its framework found by path", "[load]") {
  Folder folder;
  ProcurementLoad load = LoadProcurement(folder.path(), {});
  REQUIRE(load.diagnostics.ToString() == "");
  REQUIRE(load.procurement);
  CHECK(load.procurement->framework.version == "2.0");
  CHECK(load.procurement->candidates.size() == 1);
  CHECK(load.procurement->input_hash.size() == 64);
}

TEST_CASE("Loader: a missing file is named, and why it is needed", "[load]") {
  Folder folder;
  fs::remove(folder.path() / "panel.toml");
  ProcurementLoad load = LoadProcurement(folder.path(), {});
  CHECK_FALSE(load.procurement);
  CHECK(load.diagnostics.ToString() ==
        folder.file("panel.toml") +
            ": error: no such file; a procurement folder needs procurement.toml, candidates.toml, "
            "panel.toml and scores.toml (they may be empty)\n");
}

TEST_CASE("Loader: a framework id that is not shipped is named with what is available", "[load]") {
  Folder folder;
  folder.Write("procurement.toml",
               "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = \"no-such\"\n");
  LoadOptions options;
  options.framework_dirs = {folder.path()};  // holds framework.toml, whose id is "t"
  ProcurementLoad load = LoadProcurement(folder.path(), options);
  CHECK(load.diagnostics.ToString() ==
        folder.file("procurement.toml") +
            ":4:13: error: cannot find a framework called 'no-such'; the frameworks available are "
            "t. To use your own, give the path to its file, ending in .toml\n"
            "  framework = \"no-such\"\n"
            "              ^\n");
}

TEST_CASE("Loader: candidates may come from a candidates/ folder, in name order", "[load]") {
  Folder folder;
  fs::remove(folder.path() / "candidates.toml");
  folder.Write("candidates/2-second.toml", "[[candidate]]\nid = \"y\"\nname = \"Y\"\n"
                                           "evidence = { open = false }\n");
  folder.Write("candidates/1-first.toml", "[[candidate]]\nid = \"x\"\nname = \"X\"\n"
                                          "evidence = { open = true }\n");
  folder.Write("scores.toml",
               "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 3\n"
               "[[score]]\nevaluator = \"e1\"\ncandidate = \"y\"\ncriterion = \"a\"\nvalue = 2\n");
  ProcurementLoad load = LoadProcurement(folder.path(), {});
  REQUIRE(load.diagnostics.ToString() == "");
  REQUIRE(load.procurement->candidates.size() == 2);
  CHECK(load.procurement->candidates[0].id == "x");
  CHECK(load.procurement->candidates[1].id == "y");
}

TEST_CASE("Loader: an unscored judgement criterion is refused unless allowed", "[load]") {
  Folder folder;
  folder.Write("scores.toml", "");
  ProcurementLoad refused = LoadProcurement(folder.path(), {});
  CHECK_FALSE(refused.procurement);
  CHECK(refused.diagnostics.ToString() ==
        folder.file("candidates.toml") +
            ":2:1: error: no evaluator has scored 'x' on criterion 'a'; add a score to "
            "scores.toml, or evaluate with --allow-incomplete to count it as 0\n"
            "  id = \"x\"\n"
            "  ^\n");
  LoadOptions allow;
  allow.allow_incomplete = true;
  ProcurementLoad allowed = LoadProcurement(folder.path(), allow);
  CHECK(allowed.diagnostics.ToString() == "");
  REQUIRE(allowed.procurement);
  CHECK(allowed.procurement->allow_incomplete);
}

TEST_CASE("Loader: the input hash follows the content, not the folder's place", "[load]") {
  Folder first;
  Folder second;
  std::string a = LoadProcurement(first.path(), {}).procurement->input_hash;
  std::string b = LoadProcurement(second.path(), {}).procurement->input_hash;
  CHECK(a == b);
  second.Write("scores.toml",
               "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 4\n");
  std::string c = LoadProcurement(second.path(), {}).procurement->input_hash;
  CHECK(c != a);
}

TEST_CASE("Loader: every problem in every file is reported, not just the first", "[load]") {
  Folder folder;
  folder.Write("candidates.toml", "[[candidate]]\nid = \"x\"\nnmae = \"X\"\n"
                                  "evidence = { open = true }\n");
  folder.Write("scores.toml",
               "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 9\n");
  ProcurementLoad load = LoadProcurement(folder.path(), {});
  // Line 3 of candidates.toml misspells 'name' (so 'name' is also missing, at
  // the table), and line 5 of scores.toml is off the default 0-5 scale. The
  // refused score is not also reported as missing.
  CHECK(load.diagnostics.ToString() ==
        folder.file("candidates.toml") + ":1:1: error: candidate 'x' needs 'name'\n"
        "  [[candidate]]\n"
        "  ^\n" +
        folder.file("candidates.toml") +
        ":3:1: error: unknown key 'nmae' in candidate 'x', did you mean 'name'?\n"
        "  nmae = \"X\"\n"
        "  ^\n" +
        folder.file("scores.toml") +
        ":5:9: error: score 9 is outside the scale, which runs from 0 to 5\n"
        "  value = 9\n"
        "          ^\n");
}

TEST_CASE("Loader: criterion ids with dots need no quotes inside a judgement", "[load]") {
  Folder folder;
  folder.Write("framework.toml",
               "[framework]\nid = \"t\"\nversion = \"2.0\"\ntitle = \"T\"\n"
               "[[criterion]]\nid = \"care\"\ntitle = \"Care\"\n"
               "[[criterion]]\nid = \"care.a\"\nparent = \"care\"\ntitle = \"A\"\n"
               "assess = \"judgement\"\n"
               "[[criterion]]\nid = \"care.b\"\nparent = \"care\"\ntitle = \"B\"\n"
               "assess = \"judgement\"\n");
  folder.Write("candidates.toml", "[[candidate]]\nid = \"x\"\nname = \"X\"\n");
  folder.Write("scores.toml",
               "[[score]]\nevaluator = \"e\"\ncandidate = \"x\"\ncriterion = \"care.a\"\nvalue = 1\n"
               "[[score]]\nevaluator = \"e\"\ncandidate = \"x\"\ncriterion = \"care.b\"\nvalue = 1\n");
  // TOML reads `care.a = 70` as a table 'care' holding 'a'.
  folder.Write("panel.toml",
               "[[group]]\nid = \"g\"\n[[member]]\nid = \"m\"\ngroup = \"g\"\n"
               "[[judgement]]\nmember = \"m\"\nparent = \"care\"\nmethod = \"points\"\n"
               "points = { care.a = 70, \"care.b\" = 30 }\n");
  ProcurementLoad load = LoadProcurement(folder.path(), {});
  REQUIRE(load.diagnostics.ToString() == "");
  const Judgement& j = load.procurement->panel.judgements.at(0);
  CHECK(j.values == std::map<std::string, double>{{"care.a", 70}, {"care.b", 30}});
}

}  // namespace
}  // namespace weighbridge
