// The report's panel sections and a member's feedback, line by line, from a
// procurement and decision built here by hand (not by the engine).
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/markdown_panel.h"
#include "weighbridge/feedback.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

Criterion Leaf(std::string id, std::string title) {
  Criterion c;
  c.id = std::move(id);
  c.parent = kRootId;
  c.title = std::move(title);
  c.assess = Assess::kJudgement;
  return c;
}

// Rights and Cost at the top; groups ebe (Experts by experience: e1, e2) and
// comm (Commissioners: c1, who gave a name).
Procurement MakeProcurement() {
  Procurement p;
  p.info.id = "p";
  p.info.title = "Case records";
  p.framework.tree = CriteriaTree({Leaf("rights", "Rights"), Leaf("cost", "Cost")});
  p.panel.groups = {{"ebe", "Experts by experience", 1, GroupRole::kUnset, {}, {}, {}},
                    {"comm", "Commissioners", 1, GroupRole::kUnset, {}, {}, {}}};
  p.panel.members = {{"e1", "ebe", "", {}}, {"e2", "ebe", "", {}}, {"c1", "comm", "Sam", {}}};
  Candidate a;
  a.id = "a";
  a.name = "Alder";
  Candidate b;
  b.id = "b";
  b.name = "Birch";
  p.candidates = {a, b};
  return p;
}

// Whole panel: Rights 0.6, Cost 0.4. ebe 0.8 / 0.2 (e1 0.9 / 0.1, e2 0.7 /
// 0.3); comm 0.4 / 0.6. Alder first for the panel and for ebe, Birch first
// for comm. e2 compared pairwise, inconsistently (ratio 0.12 > 0.08).
Decision MakeDecision() {
  Decision d;
  d.weights = {{"rights", kRootId, 0.6, 0.6}, {"cost", kRootId, 0.4, 0.4}};
  CandidateResult a;
  a.id = "a";
  a.name = "Alder";
  a.rank = 1;
  CandidateResult b;
  b.id = "b";
  b.name = "Birch";
  b.rank = 2;
  d.candidates = {a, b};
  d.ranking = {"a", "b"};
  GroupSummary ebe;
  ebe.id = "ebe";
  ebe.title = "Experts by experience";
  ebe.weight = 0.5;
  ebe.weights = {{"rights", 0.8}, {"cost", 0.2}};
  ebe.ranking = {"a", "b"};
  GroupSummary comm = ebe;
  comm.id = "comm";
  comm.title = "Commissioners";
  comm.weights = {{"rights", 0.4}, {"cost", 0.6}};
  comm.ranking = {"b", "a"};
  d.groups = {ebe, comm};
  PanelReview& r = d.panel_review;
  r.member_weights = {
      {"e1", "ebe", kRootId, "points", {{"rights", 0.9}, {"cost", 0.1}}, std::nullopt, false},
      {"e2", "ebe", kRootId, "pairwise", {{"rights", 0.7}, {"cost", 0.3}}, 0.12, false},
      {"c1", "comm", kRootId, "rank", {{"rights", 0.4}, {"cost", 0.6}}, std::nullopt, false}};
  r.inconsistent = {{"e2", "ebe", kRootId, 0.12, 0.08, false, "rights", "cost", 9, 2.6, 3}};
  r.divergence = {{"rights", kRootId, {{"ebe", 2, 0.8, 0.7, 0.9}, {"comm", 1, 0.4, 0.4, 0.4}},
                   0.4, "ebe", "comm"},
                  {"cost", kRootId, {{"ebe", 2, 0.2, 0.1, 0.3}, {"comm", 1, 0.6, 0.6, 0.6}},
                   0.4, "comm", "ebe"}};
  r.differ_most = {"rights", "cost"};
  r.agreement = {{"ebe", kRootId, 2, 1.0}, {"comm", kRootId, 1, std::nullopt}};
  r.turnout = {{"ebe", "experts by experience", 2, 2, {}}, {"comm", "commissioners", 1, 1, {"Sam"}}};
  r.warnings = {{"no-practitioners", "No group on the panel is recognised as practitioners"}};
  return d;
}

bool HasLine(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (l == line) return true;
  }
  return false;
}

TEST_CASE("Markdown panel: an inconsistent member is named with the answer most at odds",
          "[reports]") {
  const std::string md = PanelSections(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md, "### How consistent the comparisons were"));
  CHECK(HasLine(md,
                "- e2 (Experts by experience), comparing the top-level criteria: consistency "
                "ratio 0.12, above 0.08. They said Rights is 9× as important as Cost; their "
                "other answers suggest about 3×. They still count in the weights; the member "
                "may want to look at them again."));
}

TEST_CASE("Markdown panel: a member left out says why", "[reports]") {
  Decision d = MakeDecision();
  d.panel_review.exclude_cr_above = 0.1;
  d.panel_review.inconsistent[0].excluded = true;
  const std::string md = PanelSections(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md, "### How the panel's judgements were combined"));
  CHECK(HasLine(md,
                "Comparisons with a consistency ratio above 0.10 were left out, as "
                "procurement.toml asks (see below)."));
  CHECK(md.find("These comparisons were left out of the weights, because procurement.toml "
                "leaves out comparisons with a consistency ratio above 0.10.") !=
        std::string::npos);
}

TEST_CASE("Markdown panel: the groups' biggest differences in plain words", "[reports]") {
  const std::string md = PanelSections(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md, "- Experts by experience put Rights at 80%; Commissioners at 40%."));
  CHECK(HasLine(md, "- Commissioners put Cost at 60%; Experts by experience at 20%."));
  CHECK(HasLine(md, "| Rights | 80% (70% to 90%) | 40% |"));
  CHECK(HasLine(md, "- Experts by experience: 1.00 (two people)"));
  CHECK(HasLine(md, "- Commissioners: not measured, as only one person's judgement counted"));
}

TEST_CASE("Markdown panel: who took part, names only when given, and the warnings",
          "[reports]") {
  const std::string md = PanelSections(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md, "| Experts by experience | experts by experience | 2 | 2 | |"));
  CHECK(HasLine(md, "| Commissioners | commissioners | 1 | 1 | Sam |"));
  CHECK(HasLine(md, "- No group on the panel is recognised as practitioners."));
}

TEST_CASE("Feedback: a member sees their weights beside their group's and the panel's",
          "[reports]") {
  const Feedback f = RenderFeedback(MakeProcurement(), MakeDecision(), "e2");
  REQUIRE(f.found);
  INFO(f.text);
  CHECK(HasLine(f.text, "# What your weights did: Case records"));
  CHECK(HasLine(f.text,
                "You took part as e2, one of two people in the group Experts by experience. "
                "Your group counts for 50.0% of the panel's voice, however many people are in "
                "it."));
  CHECK(HasLine(f.text, "You weighed these by comparing them two at a time."));
  CHECK(HasLine(f.text, "| Rights | 70.0% | 80.0% | 60.0% |"));
  CHECK(HasLine(f.text, "| Cost | 30.0% | 20.0% | 40.0% |"));
  CHECK(HasLine(f.text,
                "Your comparisons here were less consistent than is usually accepted "
                "(consistency ratio 0.12, above 0.08): you said Rights is 9× as important as "
                "Cost; your other answers suggest about 3×. They still count; you may want to "
                "look at them again."));
  CHECK(HasLine(f.text,
                "Had only Experts by experience's weights counted, the first choice would have "
                "been Alder. That matches the whole panel's first choice."));
}

TEST_CASE("Feedback: a group whose first choice differs is told so", "[reports]") {
  const Feedback f = RenderFeedback(MakeProcurement(), MakeDecision(), "c1");
  REQUIRE(f.found);
  INFO(f.text);
  CHECK(HasLine(f.text, "You weighed these by putting them in order of importance."));
  CHECK(HasLine(f.text,
                "Had only Commissioners' weights counted, the first choice would have been "
                "Birch. The whole panel's first choice is Alder, so your group's weights alone "
                "would have chosen differently."));
}

TEST_CASE("Feedback: an unknown member is refused with the members there are", "[reports]") {
  const Feedback f = RenderFeedback(MakeProcurement(), MakeDecision(), "e9");
  CHECK_FALSE(f.found);
  CHECK(f.error == "no member 'e9' on the panel; the members are 'e1', 'e2' and 'c1'");
}

}  // namespace
}  // namespace weighbridge
