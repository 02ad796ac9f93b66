// [smaa] in procurement.toml, through the loader on real files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "weighbridge/load.h"

namespace weighbridge {
namespace {
namespace fs = std::filesystem;

// A small valid procurement whose procurement.toml ends with `smaa`.
class SmaaFolder {
 public:
  explicit SmaaFolder(const std::string& smaa) {
    path_ = fs::temp_directory_path() /
            ("weighbridge-smaa-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path_);
    fs::create_directories(path_);
    Write("framework.toml",
          "[framework]\nid = \"t\"\nversion = \"1\"\ntitle = \"T\"\n"
          "[[criterion]]\nid = \"care\"\ntitle = \"Care\"\n"
          "[[criterion]]\nid = \"care.safety\"\nparent = \"care\"\ntitle = \"S\"\nassess = \"judgement\"\n"
          "[[criterion]]\nid = \"tech\"\ntitle = \"Tech\"\nassess = \"judgement\"\n");
    Write("procurement.toml",
          "[procurement]\nid = \"p\"\ntitle = \"P\"\nframework = \"framework.toml\"\n\n" + smaa);
    Write("candidates.toml", "[[candidate]]\nid = \"x\"\nname = \"X\"\n");
    Write("panel.toml", "");
    Write("scores.toml",
          "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"care.safety\"\nvalue = 3\n"
          "[[score]]\nevaluator = \"e1\"\ncandidate = \"x\"\ncriterion = \"tech\"\nvalue = 4\n");
  }
  ~SmaaFolder() { fs::remove_all(path_); }

  ProcurementLoad Load() const { return LoadProcurement(path_, {}); }
  std::string Errors() const { return Load().diagnostics.ToString(); }

 private:
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(path_ / name) << text;
  }
  fs::path path_;
};

TEST_CASE("[smaa]: every key read", "[smaa][load]") {
  const SmaaFolder folder(
      "[smaa]\nweights = \"bounds\"\nsamples = 5000\nseed = 17\nscores = \"fixed\"\n"
      "[smaa.bounds]\n\"care.safety\" = [0.1, 0.6]\ntech = [0, 0.5]\n");
  const ProcurementLoad load = folder.Load();
  INFO(load.diagnostics.ToString());
  REQUIRE(load.procurement);
  const SmaaSettings& s = load.procurement->smaa;
  CHECK(s.weights == SmaaWeights::kBounds);
  CHECK(s.samples == 5000);
  CHECK(s.seed == 17u);
  CHECK(s.fixed_scores);
  CHECK(s.bounds.at("care.safety") == std::pair{0.1, 0.6});
  CHECK(s.bounds.at("tech") == std::pair{0.0, 0.5});
}

TEST_CASE("[smaa]: absent means defaults", "[smaa][load]") {
  const ProcurementLoad load = SmaaFolder("").Load();
  REQUIRE(load.procurement);
  CHECK_FALSE(load.procurement->smaa.weights);
  CHECK_FALSE(load.procurement->smaa.samples);
  CHECK_FALSE(load.procurement->smaa.seed);
  CHECK_FALSE(load.procurement->smaa.fixed_scores);
}

TEST_CASE("[smaa]: dotted ids without quotes are joined back", "[smaa][load]") {
  const ProcurementLoad load =
      SmaaFolder("[smaa.bounds]\ncare.safety = [0.1, 0.6]\n").Load();
  REQUIRE(load.procurement);
  CHECK(load.procurement->smaa.bounds.count("care.safety") == 1);
}

TEST_CASE("[smaa]: a misspelt mode is refused at its value, with a suggestion", "[smaa][load]") {
  const std::string errors = SmaaFolder("[smaa]\nweights = \"pannel\"\n").Errors();
  CHECK_THAT(errors, Catch::Contains("procurement.toml:7:11: error: weights 'pannel' is not one "
                                     "of uniform, panel, bounds, did you mean 'panel'?"));
}

TEST_CASE("[smaa]: samples, seed and scores out of range are refused", "[smaa][load]") {
  const std::string errors =
      SmaaFolder("[smaa]\nsamples = -1\nseed = 9007199254740992\nscores = \"average\"\n")
          .Errors();
  CHECK_THAT(errors, Catch::Contains("procurement.toml:7:11: error: samples should be"));
  CHECK_THAT(errors, Catch::Contains("procurement.toml:8:8: error: seed should be"));
  CHECK_THAT(errors, Catch::Contains("procurement.toml:9:10: error: scores 'average' is not one "
                                     "of evaluators, fixed"));
}

TEST_CASE("[smaa]: bounds must name leaves and be in order", "[smaa][load]") {
  const std::string errors = SmaaFolder(
                                 "[smaa.bounds]\ncare = [0.1, 0.2]\ntehc = [0, 0.5]\n"
                                 "\"care.safety\" = [0.6, 0.2]\n")
                                 .Errors();
  CHECK_THAT(errors, Catch::Contains("'care' is a branch"));
  CHECK_THAT(errors, Catch::Contains("unknown criterion 'tehc' in [smaa.bounds], did you mean 'tech'?"));
  CHECK_THAT(errors, Catch::Contains("procurement.toml:9:17: error: the bounds of 'care.safety' should be"));
}

TEST_CASE("[smaa]: lowest weights adding up to more than 1 cannot hold", "[smaa][load]") {
  const std::string errors =
      SmaaFolder("[smaa.bounds]\n\"care.safety\" = [0.6, 0.9]\ntech = [0.5, 0.9]\n").Errors();
  CHECK_THAT(errors, Catch::Contains("add up to more than 1"));
}

TEST_CASE("[smaa]: weights = \"bounds\" needs the bounds", "[smaa][load]") {
  CHECK_THAT(SmaaFolder("[smaa]\nweights = \"bounds\"\n").Errors(),
             Catch::Contains("needs a [smaa.bounds] table"));
}

TEST_CASE("[smaa]: an unknown key is refused", "[smaa][load]") {
  CHECK_THAT(SmaaFolder("[smaa]\nsample = 100\n").Errors(),
             Catch::Contains("unknown key 'sample' in [smaa], did you mean 'samples'?"));
}

}  // namespace
}  // namespace weighbridge
