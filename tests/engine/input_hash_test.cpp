// The input hash: SHA-256 of the loaded model's canonical JSON (RFC 8785),
// so that layout, comments, key order and where files sit do not change it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "weighbridge/input_hash.h"
#include "weighbridge/load.h"
#include "weighbridge/sha256.h"

namespace weighbridge {
namespace {
namespace fs = std::filesystem;

// A fresh, empty folder, removed afterwards.
class Folder {
 public:
  explicit Folder(const std::string& name)
      : path_(fs::temp_directory_path() / ("weighbridge-input-hash-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Folder() { fs::remove_all(path_); }
  void Write(const std::string& name, const std::string& text) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name) << text;
  }
  Procurement Load() const {
    ProcurementLoad load = LoadProcurement(path_, {});
    INFO(load.diagnostics.ToString());
    REQUIRE(load.procurement);
    return *load.procurement;
  }

 private:
  fs::path path_;
};

const char* kFramework =
    "[framework]\nid = \"t\"\nversion = \"2.0\"\ntitle = \"T\"\n"
    "[[criterion]]\nid = \"a\"\ntitle = \"A\"\nassess = \"judgement\"\n"
    "[[criterion]]\nid = \"b\"\ntitle = \"B\"\nassess = \"evidence\"\nevidence = \"open\"\n"
    "value = { type = \"boolean\" }\n";

// The smallest whole procurement: one candidate, one score.
void WriteSmall(const Folder& folder) {
  folder.Write("framework.toml", kFramework);
  folder.Write("procurement.toml",
               "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = \"framework.toml\"\n");
  folder.Write("candidates.toml",
               "[[candidate]]\nid = \"x\"\nname = \"X\"\nevidence = { open = true }\n");
  folder.Write("panel.toml", "");
  folder.Write("scores.toml",
               "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 3\n");
}

TEST_CASE("Input hash: the small model's canonical JSON and its SHA-256", "[input-hash]") {
  Folder folder("small");
  WriteSmall(folder);
  Procurement p = folder.Load();
  // Written by hand from docs/methods.md, "The input hash": members sorted by
  // name, no spaces, every default written out (the Green Book's 0.035, the
  // 0-5 scale with threshold 2, price's defaults), no source positions.
  const std::string expected =
      "{\"allow_incomplete\":false,\"assignments\":[],\"budget\":null,"
      "\"candidates\":[{\"costs\":null,"
      "\"evidence\":{\"open\":true},\"exclusion\":null,\"id\":\"x\","
      "\"low_bid_investigation\":null,\"name\":\"X\","
      "\"supplier\":\"\",\"supplier_id\":\"\"}],"
      "\"consensus\":[],\"costs\":{\"discount_rate\":0.035,\"uplift\":0,\"user_growth\":0,"
      "\"users\":null},\"declarations\":null,"
      "\"framework\":{\"criteria\":["
      "{\"assess\":\"judgement\",\"guidance\":\"\",\"id\":\"a\",\"minimum\":null,"
      "\"parent\":\"root\",\"question\":\"\",\"title\":\"A\"},"
      "{\"assess\":\"evidence\",\"evidence\":\"open\",\"guidance\":\"\",\"id\":\"b\","
      "\"minimum\":null,\"parent\":\"root\",\"question\":\"\",\"title\":\"B\","
      "\"value\":{\"best\":0,\"levels\":{},\"points\":[],\"type\":\"boolean\",\"worst\":0}}],"
      "\"id\":\"t\",\"scale\":{\"levels\":[],\"max\":5,\"min\":0,\"moderation_threshold\":2},"
      "\"title\":\"T\",\"version\":\"2.0\"},\"freeze\":null,"
      "\"panel\":{\"exclude_cr_above\":null,\"groups\":[],\"judgements\":[],\"members\":[],"
      "\"within_group\":\"mean\"},"
      "\"price\":{\"abnormally_low\":0.3,\"log_zero_at\":2,\"method\":\"lowest-relative\","
      "\"points_per_percent\":1,\"share\":0,\"zero_at_ratio\":2},"
      "\"procurement\":{\"authority\":\"\",\"currency\":\"\",\"id\":\"p\",\"purpose\":\"\","
      "\"reference\":\"\",\"term_years\":0,\"title\":\"P\"},"
      "\"rules\":[],"
      "\"scores\":[{\"candidate\":\"x\",\"criterion\":\"a\",\"evaluator\":\"e1\","
      "\"evidence_ref\":\"\",\"rationale\":\"\",\"value\":3}],"
      "\"smaa\":{\"bounds\":{},\"samples\":null,\"scores\":\"range\",\"seed\":null,"
      "\"weights\":null},"
      "\"tie_break\":[]}";
  CHECK(CanonicalModelJson(p) == expected);
  // `printf '%s' "$expected" | sha256sum`, run by hand on the string above.
  const std::string digest = "c123246d94b451e0bd71af2c0d5149ea998e55789f26372bbc04970b25528672";
  CHECK(Sha256Hex(expected) == digest);
  CHECK(InputHash(p) == digest);
  CHECK(p.input_hash == digest);  // the loader sets it
}

TEST_CASE("Input hash: comments, key order, layout and the framework's place do not count",
          "[input-hash]") {
  Folder plain("plain");
  WriteSmall(plain);
  plain.Write("scores.toml",
              "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 3\n"
              "[[score]]\nevaluator = \"e2\"\ncandidate = \"x\"\ncriterion = \"a\"\nvalue = 4\n");
  Folder moved("moved");
  moved.Write("methods/our framework.toml",
              "# Our own framework, kept with the tender papers.\n" + std::string(kFramework));
  moved.Write("procurement.toml",
              "# Set up by the commissioning team.\n[procurement]\n"
              "framework = \"methods/our framework.toml\"   # a path, not an id\n"
              "title = 'P'\n\n\nid = \"p\"\n");
  moved.Write("candidates.toml",
              "[[candidate]]\nevidence.open = true\nname = \"X\"   # the product\nid = \"x\"\n");
  moved.Write("panel.toml", "# nobody weighs yet\n");
  // The same two scores, e2's written first and each table's keys reordered.
  moved.Write("scores.toml",
              "[[score]]\nvalue = 4.0\ncriterion = \"a\"\ncandidate = \"x\"\nevaluator = \"e2\"\n"
              "\n# e1's score\n[[score]]\nvalue = 3\ncandidate = \"x\"\ncriterion = \"a\"\n"
              "evaluator = \"e1\"\n");
  const Procurement a = plain.Load();
  const Procurement b = moved.Load();
  CHECK(a.framework.source_file != b.framework.source_file);
  CHECK(a.input_hash == b.input_hash);
  CHECK(CanonicalModelJson(a) == CanonicalModelJson(b));
}

TEST_CASE("Input hash: a changed score, rule or option gives another hash", "[input-hash]") {
  Folder folder("changed");
  WriteSmall(folder);
  const std::string before = folder.Load().input_hash;
  folder.Write("scores.toml",
               "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"a\"\n"
               "value = 3.5\n");
  const std::string score_changed = folder.Load().input_hash;
  CHECK(score_changed != before);
  folder.Write("procurement.toml",
               "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = \"framework.toml\"\n"
               "[smaa]\nseed = 7\n");
  const std::string seed_given = folder.Load().input_hash;
  CHECK(seed_given != score_changed);
  CHECK(seed_given != before);
}

TEST_CASE("Input hash: what a workspace adds counts too", "[input-hash]") {
  Folder folder("workspace-fields");
  WriteSmall(folder);
  const Procurement loaded = folder.Load();
  Procurement fixed = loaded;  // the method fixed with a: 60%, b: 40%
  fixed.freeze = MethodFreeze{"2026-03-01T09:00:00Z", "chair", "Published", "abc", {{"a", 600},
                              {"b", 400}}, {}};
  Procurement reweighed = fixed;
  reweighed.freeze->published_tenths = {{"a", 500}, {"b", 500}};
  Procurement declared = loaded;  // e1 declared an interest in a supplier
  declared.declarations = std::vector<PersonDeclarations>{{"e1", {"evaluator"}, {"Acme Ltd"}}};
  Procurement investigated = loaded;
  investigated.candidates[0].low_bid_investigation = LowBidInvestigation{"accepted", "Costed"};
  const std::set<std::string> hashes = {InputHash(loaded), InputHash(fixed),
                                        InputHash(reweighed), InputHash(investigated),
                                        InputHash(declared)};
  CHECK(hashes.size() == 5);  // all different
  CHECK(InputHash(loaded) == loaded.input_hash);
}

}  // namespace
}  // namespace weighbridge
