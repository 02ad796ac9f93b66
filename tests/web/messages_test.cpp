// The message catalogue: the shipped one has every key the pages ask for,
// and a broken catalogue is refused at its line.
#include "web/messages.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

namespace weighbridge::web {
namespace {

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(WEIGHBRIDGE_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("every key the pages ask for is in the English catalogue", "[web]") {
  const Messages& english = Messages::English();
  REQUIRE(english.texts().size() > 50);
  // Every key written out in the code, as a quoted "section.key" whose
  // section is one of the catalogue's.
  const std::regex asked(
      R"re("((?:page|welcome|criteria|weigh|preview|done|problem|error|declare|scores|score|dashboard)\.[a-z_]+)")re");
  int found = 0;
  for (const char* file : {"web/server.cpp", "web/member_pages.cpp", "web/evaluator_pages.cpp",
                           "web/facilitator_pages.cpp",
                           "web/judgement_form.cpp", "web/pages.cpp"}) {
    const std::string source = ReadSource(file);
    for (auto it = std::sregex_iterator(source.begin(), source.end(), asked);
         it != std::sregex_iterator(); ++it) {
      ++found;
      INFO(file << " asks for " << (*it)[1]);
      CHECK(english.Has((*it)[1].str()));
    }
  }
  CHECK(found > 80);
  // Keys put together in the code: each method's help, the dashboard's
  // headings, and each error page's title.
  for (const char* method : {"pairwise", "points", "rank", "swing", "direct"}) {
    CHECK(english.Has(std::string("weigh.") + method + "_help"));
  }
  for (const char* key : {"turnout_title", "consistency_title", "groups_title", "moderation_title",
                          "freeze_title", "freeze_help", "freeze_note", "freeze", "decision_title",
                          "decision_help", "decide", "report_title", "report_help", "report",
                          "report_md", "report_json", "scores_csv", "methodology"}) {
    CHECK(english.Has(std::string("dashboard.") + key));
  }
  for (int month = 1; month <= 12; ++month) {
    CHECK(english.Has("dates.month_" + std::to_string(month)));
  }
  for (const auto& [key, text] : english.texts()) {
    if (key.rfind("error.", 0) == 0 && key.find("_title") == std::string::npos) {
      INFO(key);
      CHECK(english.Has(key + "_title"));
    }
  }
}

TEST_CASE("a translation shows its own texts and English for the rest", "[web]") {
  std::string error;
  std::optional<Messages> welsh =
      Messages::Parse("[welcome]\ntitle = \"Croeso\"\n", "cy.toml", error);
  REQUIRE(welsh);
  int missing = 0;
  const Messages merged = welsh->Over(Messages::English(), missing);
  CHECK(merged.Text("welcome.title") == "Croeso");
  CHECK(merged.Text("welcome.start") == "Start");
  // Every English key but the one translated.
  CHECK(missing == static_cast<int>(Messages::English().texts().size()) - 1);
}

TEST_CASE("a text's {words} are filled in; unknown ones and missing keys show", "[web]") {
  std::string error;
  std::optional<Messages> messages =
      Messages::Parse("[a]\nb = \"{x} or {y}, not {z}\"\n", "test.toml", error);
  REQUIRE(messages);
  CHECK(messages->Text("a.b", {{"x", "tea"}, {"y", "coffee"}}) == "tea or coffee, not {z}");
  CHECK(messages->Text("a.c") == "[a.c]");
}

TEST_CASE("a broken catalogue is refused at the line and column", "[web]") {
  std::string error;
  CHECK_FALSE(Messages::Parse("[page]\ntitle = 3\n", "cy.toml", error));
  CHECK(error == "cy.toml:2:9: error: 'page.title' should be a text in quotes");
  CHECK_FALSE(Messages::Parse("title = \"x\"\n", "cy.toml", error));
  CHECK(error == "cy.toml:1:9: error: 'title' should be a [table] of texts");
}

TEST_CASE("a moment from the record in words", "[web]") {
  const Messages& english = Messages::English();
  CHECK(english.MomentInWords("2026-12-04T13:58:24Z") == "4 December 2026, 13:58 UTC");
  CHECK(english.MomentInWords("2027-01-31T00:05:00Z") == "31 January 2027, 00:05 UTC");
  // Not a logged moment: shown as given, never half read.
  CHECK(english.MomentInWords("t1") == "t1");
  CHECK(english.MomentInWords("2026-13-04T13:58:24Z") == "2026-13-04T13:58:24Z");
  CHECK(english.MomentInWords("2026-12-04 13:58") == "2026-12-04 13:58");
  // A translation names the months in its own words.
  std::string error;
  std::optional<Messages> welsh = Messages::Parse(
      "[dates]\nwhen = \"{day} {month} {year} am {time}\"\nmonth_12 = \"Rhagfyr\"\n", "cy.toml",
      error);
  REQUIRE(welsh);
  CHECK(welsh->MomentInWords("2026-12-04T13:58:24Z") == "4 Rhagfyr 2026 am 13:58");
}

}  // namespace
}  // namespace weighbridge::web
