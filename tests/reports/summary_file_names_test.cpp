#include "reports/summary_file_names.h"

#include <catch2/catch.hpp>

namespace weighbridge {
namespace {

TEST_CASE("Summary file names: odd characters become one dash and never make a path", "[reports]") {
  // "Oak/../etc": lower-cased, each '/' a dash, the dots kept (they are safe
  // once the fixed prefix stops the name starting with one).
  CHECK(SummaryFileNames({"Oak/../etc"}) ==
        std::vector<std::string>{"assessment-summary-oak-..-etc.md"});
  CHECK(SummaryFileNames({"a b\\c"}) == std::vector<std::string>{"assessment-summary-a-b-c.md"});
  // "é" is two non-ASCII bytes: one dash, trimmed, so nothing is left.
  CHECK(SummaryFileNames({"\xc3\xa9", ""}) ==
        std::vector<std::string>{"assessment-summary-candidate.md",
                                 "assessment-summary-candidate-2.md"});
}

TEST_CASE("Summary file names: ids that clean up alike get numbered names", "[reports]") {
  CHECK(SummaryFileNames({"oak", "OAK", "oak-2", "o/ak", "o ak"}) ==
        std::vector<std::string>{"assessment-summary-oak.md", "assessment-summary-oak-2.md",
                                 "assessment-summary-oak-2-2.md", "assessment-summary-o-ak.md",
                                 "assessment-summary-o-ak-2.md"});
}

TEST_CASE("Summary file names: a long id is cut to 80 characters", "[reports]") {
  const std::string name = SummaryFileNames({std::string(200, 'x')})[0];
  CHECK(name == "assessment-summary-" + std::string(80, 'x') + ".md");
}

}  // namespace
}  // namespace weighbridge
