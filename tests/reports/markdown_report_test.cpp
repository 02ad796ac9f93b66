// The justification report, checked line by line against sentences and table
// rows worked out by hand from a procurement and decision built here (not
// from the engine, so that these tests say what the report must read like
// whatever the engine does).
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reports/number_format.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

Criterion MakeCriterion(std::string id, std::string parent, std::string title, Assess assess) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.title = std::move(title);
  c.assess = assess;
  return c;
}

Candidate MakeCandidate(std::string id, std::string name, std::string supplier) {
  Candidate c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.supplier = std::move(supplier);
  return c;
}

Score MakeScore(std::string evaluator, std::string candidate, std::string criterion, double value,
                std::string rationale, std::string evidence_ref = {}) {
  Score s;
  s.evaluator = std::move(evaluator);
  s.candidate = std::move(candidate);
  s.criterion = std::move(criterion);
  s.value = value;
  s.rationale = std::move(rationale);
  s.evidence_ref = std::move(evidence_ref);
  return s;
}

// Rights and dignity (a branch: Consent and choice, judged; Access to own
// record, from evidence) and Ease of maintenance (judged), on a 0-5 scale.
// Three products, a panel of six in three groups.
Procurement MakeProcurement() {
  Procurement p;
  p.info.id = "cms-2026";
  p.info.title = "Case management system";
  p.info.authority = "Example County Council";
  p.info.reference = "ECC-2026-014";
  p.info.currency = "GBP";
  p.info.term_years = 7;
  p.framework.id = "social-care-digital";
  p.framework.version = "1.0.0";
  p.framework.title = "Digital products for social care";
  p.framework.scale.min = 0;
  p.framework.scale.max = 5;
  p.framework.scale.moderation_threshold = 2;
  p.framework.scale.levels = {{0, "Unacceptable", "Does not meet the requirement."},
                              {3, "Satisfactory", "Meets the requirement."}};
  Criterion consent =
      MakeCriterion("rights.consent", "rights", "Consent and choice", Assess::kJudgement);
  consent.question = "How does a person give and withdraw consent?";
  Criterion access =
      MakeCriterion("rights.access", "rights", "Access to own record", Assess::kEvidence);
  access.evidence = "own_record";
  p.framework.tree = CriteriaTree(
      {MakeCriterion("rights", kRootId, "Rights and dignity", Assess::kBranch), consent, access,
       MakeCriterion("maintenance", kRootId, "Ease of maintenance", Assess::kJudgement)});
  p.candidates = {MakeCandidate("carelink", "CareLink Case Manager", "CareLink Ltd"),
                  MakeCandidate("birch", "Birch Care Record", "Birch Systems"),
                  MakeCandidate("oak", "Oak Notes", "Oak Ltd")};
  p.candidates[0].evidence["own_record"] = true;
  p.candidates[2].evidence["own_record"] = true;
  p.scores = {
      MakeScore("e1", "carelink", "rights.consent", 4, "Clear consent records", "Response 3.2"),
      MakeScore("e2", "carelink", "rights.consent", 3, "Consent screens | hard\nto find"),
      MakeScore("e1", "carelink", "maintenance", 3, "Routine updates"),
      MakeScore("e2", "carelink", "maintenance", 3, "Routine updates"),
      MakeScore("e1", "birch", "rights.consent", 3.5, "Good"),
      MakeScore("e2", "birch", "rights.consent", 3.5, "Good"),
      MakeScore("e1", "birch", "maintenance", 5, "Self-service"),
      MakeScore("e2", "birch", "maintenance", 4.5, "Self-service"),
      MakeScore("e1", "oak", "maintenance", 1, "Vendor-only changes"),
      MakeScore("e2", "oak", "maintenance", 4, "Configurable"),
  };
  Consensus agreed;
  agreed.candidate = "carelink";
  agreed.criterion = "rights.consent";
  agreed.value = 4;
  agreed.note = "Agreed after the demonstration.";
  p.consensus = {agreed};
  p.input_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  return p;
}

CriterionResult Line(std::string criterion, double score, double weight, double contribution,
                     std::string basis, std::optional<double> scale_value = std::nullopt) {
  CriterionResult r;
  r.criterion = std::move(criterion);
  r.score = score;
  r.weight = weight;
  r.contribution = contribution;
  r.basis = std::move(basis);
  r.scale_value = scale_value;
  return r;
}

CandidateResult MakeResult(std::string id, std::string name, double total,
                           std::optional<int> rank) {
  CandidateResult r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.total = total;
  r.rank = rank;
  r.eligible = rank.has_value();
  return r;
}

// Weights: Rights and dignity 0.6 (its two leaves 0.5 each, so 0.3 of the
// whole), Ease of maintenance 0.4.
//   CareLink 80x0.3 + 100x0.3 + 60x0.4 = 24 + 30 + 24 = 78, ranked 1
//   Birch    70x0.3 +   0x0.3 + 95x0.4 = 21 +  0 + 38 = 59, ranked 2
//   Oak       0x0.3 + 100x0.3 + 50x0.4 =  0 + 30 + 20 = 50, not eligible
// Groups (equal): experts 0.8/0.2, practitioners 0.2/0.8, commissioners
// 0.8/0.2 for rights/maintenance, whose mean is the panel's 0.6/0.4.
// Practitioners alone: CareLink 0.2x90 + 0.8x60 = 66, Birch 0.2x35 +
// 0.8x95 = 83, so Birch first.
Decision MakeDecision() {
  Decision d;
  d.unsettled_matters = true;  // Oak Notes's and Birch's open scores below
  d.weights = {{"rights", "root", 0.6, 0.6},
               {"rights.consent", "rights", 0.5, 0.3},
               {"rights.access", "rights", 0.5, 0.3},
               {"maintenance", "root", 0.4, 0.4}};
  CandidateResult carelink = MakeResult("carelink", "CareLink Case Manager", 78, 1);
  carelink.criteria = {Line("rights.consent", 80, 0.3, 24, "consensus", 4),
                       Line("rights.access", 100, 0.3, 30, "evidence"),
                       Line("maintenance", 60, 0.4, 24, "mean of 2 evaluators", 3)};
  CandidateResult birch = MakeResult("birch", "Birch Care Record", 59, 2);
  birch.criteria = {Line("rights.consent", 70, 0.3, 21, "mean of 2 evaluators", 3.5),
                    Line("rights.access", 0, 0.3, 0, "no evidence"),
                    Line("maintenance", 95, 0.4, 38, "mean of 2 evaluators", 4.75)};
  birch.missing_evidence = {"rights.access"};
  CandidateResult oak = MakeResult("oak", "Oak Notes", 50, std::nullopt);
  oak.complete = false;
  oak.criteria = {Line("rights.consent", 0, 0.3, 0, "not scored"),
                  Line("rights.access", 100, 0.3, 30, "evidence"),
                  Line("maintenance", 50, 0.4, 20, "mean of 2 evaluators", 2.5)};
  oak.unscored = {"rights.consent"};
  d.candidates = {carelink, birch, oak};
  d.ranking = {"carelink", "birch"};
  auto member = [](std::string id, std::string group, std::string method,
                   std::optional<double> consistency_ratio = std::nullopt) {
    MemberSummary m;
    m.id = std::move(id);
    m.group = std::move(group);
    m.method = std::move(method);
    m.consistency_ratio = consistency_ratio;
    m.judgements = 1;
    return m;
  };
  d.members = {member("m1", "ebe", "points"),          member("m2", "ebe", "pairwise", 0.05),
               member("m3", "prac", "pairwise", 0.15), member("m4", "comm", "points"),
               member("m5", "comm", "points"),         member("m6", "comm", "points")};
  auto group = [](std::string id, std::string title, int members, double rights,
                  std::vector<std::string> ranking) {
    GroupSummary g;
    g.id = std::move(id);
    g.title = std::move(title);
    g.weight = 1.0 / 3;
    g.members = members;
    g.weights = {{"rights", rights},
                 {"maintenance", 1 - rights},
                 {"rights.consent", 0.5},
                 {"rights.access", 0.5}};
    g.ranking = std::move(ranking);
    return g;
  };
  d.groups = {group("ebe", "Experts by experience", 2, 0.8, {"carelink", "birch"}),
              group("prac", "Practitioners", 1, 0.2, {"birch", "carelink"}),
              group("comm", "Commissioners", 3, 0.8, {"carelink", "birch"})};
  ModerationNeed need;
  need.candidate = "oak";
  need.criterion = "maintenance";
  need.scores = {{"e1", 1}, {"e2", 4}};
  need.spread = 3;
  d.moderation = {need};
  return d;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HasLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text)) {
    if (l == line) return true;
  }
  return false;
}

// The lines of `text` from the heading `heading` up to the next heading of
// the same or a higher level.
std::string Section(const std::string& text, const std::string& heading) {
  std::string out;
  bool inside = false;
  std::size_t level = heading.find(' ');
  for (const std::string& l : Lines(text)) {
    if (inside && l.starts_with('#') && l.find(' ') <= level) break;
    if (l == heading) inside = true;
    if (inside) out += l + "\n";
  }
  return out;
}

TEST_CASE("Markdown: opens with the title, the authority, the reference and the criteria",
          "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  std::vector<std::string> lines = Lines(md);
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "# Case management system");
  CHECK(lines[1] == "");
  CHECK(lines[2] ==
        "Authority: Example County Council · Reference: ECC-2026-014 · "
        "Criteria: Digital products for social care, version 1.0.0");
}

TEST_CASE("Markdown: a clear winner is named with its total and its lead", "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(Section(md, "## The decision") ==
        "## The decision\n"
        "\n"
        "CareLink Case Manager scored highest, 78.0 out of 100, 19.0 points ahead of Birch "
        "Care Record.\n"
        "Three products were assessed against three criteria, weighted by a panel of six "
        "people.\n"
        "Oak Notes was not eligible, so it is not ranked.\n"
        "Some scores are still to be settled, so this result may change (see \"Still to be "
        "settled\").\n"
        "\n");
}

TEST_CASE("Markdown: a lead that rounds to nothing is less than 0.1 points", "[reports]") {
  Decision d = MakeDecision();
  d.candidates[1].total = 77.96;
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "CareLink Case Manager scored highest, 78.0 out of 100, less than 0.1 "
                "points ahead of Birch Care Record."));
}

TEST_CASE("Markdown: a tie at the top is said plainly", "[reports]") {
  Decision d = MakeDecision();
  d.candidates[1].total = 78;
  d.candidates[1].rank = 1;
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "CareLink Case Manager and Birch Care Record tied for first place, each "
                "scoring 78.0 out of 100."));
  CHECK(HasLine(md,
                "The scores alone do not separate them, so the tie must be settled before "
                "a contract is awarded."));
  CHECK(HasLine(md, "| 1 (tied) | CareLink Case Manager | CareLink Ltd | 78.0 | |"));
  CHECK(HasLine(md,
                "| 1 (tied) | Birch Care Record | Birch Systems | 78.0 | missing evidence: "
                "Access to own record |"));
}

TEST_CASE("Markdown: a single candidate is said to be the only one", "[reports]") {
  Procurement p = MakeProcurement();
  p.candidates.resize(1);
  Decision d = MakeDecision();
  d.candidates.resize(1);
  d.ranking = {"carelink"};
  d.moderation.clear();
  d.unsettled_matters = false;  // CareLink has nothing left to settle
  for (GroupSummary& g : d.groups) g.ranking = {"carelink"};
  std::string md = RenderMarkdown(p, d);
  INFO(md);
  CHECK(Section(md, "## The decision") ==
        "## The decision\n"
        "\n"
        "CareLink Case Manager was the only product assessed, and scored 78.0 out of 100.\n"
        "It was assessed against three criteria, weighted by a panel of six people.\n"
        "\n");
}

TEST_CASE("Markdown: the only eligible product among others is called that", "[reports]") {
  Decision d = MakeDecision();
  d.candidates[1].eligible = false;
  d.candidates[1].rank = std::nullopt;
  d.ranking = {"carelink"};
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "CareLink Case Manager was the only eligible product, and scored 78.0 out "
                "of 100."));
  CHECK(HasLine(md, "Birch Care Record and Oak Notes were not eligible, so they are not ranked."));
}

TEST_CASE("Markdown: the ranking table lists ranked products, then the others with notes",
          "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(
      Section(md, "## Ranking") ==
      "## Ranking\n"
      "\n"
      "| Rank | Product | Supplier | Total out of 100 | Notes |\n"
      "| ---: | --- | --- | ---: | --- |\n"
      "| 1 | CareLink Case Manager | CareLink Ltd | 78.0 | |\n"
      "| 2 | Birch Care Record | Birch Systems | 59.0 | missing evidence: Access to own record |\n"
      "| not ranked | Oak Notes | Oak Ltd | 50.0 | not eligible; incomplete; not scored on "
      "Consent and choice |\n"
      "\n");
}

TEST_CASE("Markdown: the criteria tree shows each question and share among siblings and of the "
          "whole",
          "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md,
                "| Criterion | What we asked suppliers | Share among its siblings | Share of the "
                "whole |"));
  CHECK(HasLine(md, "| Rights and dignity | | 60.0% | 60.0% |"));
  CHECK(HasLine(md,
                "| &emsp;Consent and choice | How does a person give and withdraw consent? | "
                "50.0% | 30.0% |"));
  CHECK(HasLine(md, "| &emsp;Access to own record | | 50.0% | 30.0% |"));
  CHECK(HasLine(md, "| Ease of maintenance | | 40.0% | 40.0% |"));
}

TEST_CASE("Markdown: without any question the criteria table has no column for them",
          "[reports]") {
  Procurement p = MakeProcurement();
  std::vector<Criterion> nodes = p.framework.tree.nodes();
  for (Criterion& c : nodes) c.question.clear();
  p.framework.tree = CriteriaTree(nodes);
  std::string md = RenderMarkdown(p, MakeDecision());
  INFO(md);
  CHECK(HasLine(md, "| Criterion | Share among its siblings | Share of the whole |"));
  CHECK(HasLine(md, "| &emsp;Consent and choice | 50.0% | 30.0% |"));
}

TEST_CASE("Markdown: what was bought and why, in the authority's words, with the term and "
          "price's share",
          "[reports]") {
  Procurement p = MakeProcurement();
  std::string md = RenderMarkdown(p, MakeDecision());
  INFO(md);
  CHECK(Section(md, "## What was bought and why") ==
        "## What was bought and why\n\n"
        "The procurement does not say what is being bought or why (it is given as purpose in "
        "procurement.toml).\n\n"
        "The contract is for seven years. Bids were assessed against the criteria of the "
        "framework Digital products for social care (version 1.0.0), weighted as set out under "
        "\"What mattered and who decided\". Quality alone decides: price has no share of the "
        "total.\n\n");
  p.info.purpose = "A new system *now*";
  p.price.share = 0.3;
  md = RenderMarkdown(p, MakeDecision());
  CHECK(HasLine(md, "A new system \\*now\\*."));
  CHECK(md.find("Price counts for 30.0% of the total and quality for 70.0%.") !=
        std::string::npos);
}

TEST_CASE("Markdown: the co-production statement says who weighed, what each group valued "
          "most and which group would have chosen differently",
          "[reports]") {
  // From MakeDecision: six people, groups equal; experts and commissioners
  // put 80% on rights, practitioners 80% on maintenance and, alone, Birch
  // first.
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(Section(md, "## Co-production statement") ==
        "## Co-production statement\n\n"
        "The weights that decided this result were set by six people in three groups: Experts "
        "by experience (two people), Practitioners (one person) and Commissioners (three "
        "people). Each group counted equally, whatever its size.\n\n"
        "What each group gave most weight to, among the top-level criteria:\n\n"
        "- Experts by experience: Rights and dignity (80.0%)\n"
        "- Practitioners: Ease of maintenance (80.0%)\n"
        "- Commissioners: Rights and dignity (80.0%)\n\n"
        "Practitioners' own weights would have put Birch Care Record first. The decision "
        "follows the whole panel's weights, which combine every group's, so CareLink Case "
        "Manager comes first.\n\n"
        "The co-production checks found nothing to look at: experts by experience and "
        "practitioners both gave judgements, no group's weight is zero, and no one person "
        "decides any set of weights.\n\n");
}

TEST_CASE("Markdown: criteria a group weighed level are named together in the co-production "
          "statement",
          "[reports]") {
  Decision d = MakeDecision();
  d.groups[1].weights["rights"] = 0.5;
  d.groups[1].weights["maintenance"] = 0.5;
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md, "- Practitioners: Rights and dignity and Ease of maintenance (50.0% each)"));
}

TEST_CASE("Markdown: without a panel the co-production statement says the weights were not "
          "co-produced",
          "[reports]") {
  Decision d = MakeDecision();
  d.members.clear();
  d.groups.clear();
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(Section(md, "## Co-production statement") ==
        "## Co-production statement\n\n"
        "Nobody on a panel weighed the criteria for this procurement, so the weights were not "
        "co-produced: the criteria under each heading counted equally.\n\n");
}

TEST_CASE("Markdown: says who weighed, how, and that groups counted equally", "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md, "Six people in three groups weighed the criteria."));
  CHECK(HasLine(md, "The three groups counted equally, whatever their size."));
  CHECK(HasLine(md,
                "They weighed by sharing out points (four people) and by comparing "
                "criteria two at a time (two people)."));
  CHECK(HasLine(md, "| Experts by experience | 2 | 33.3% |"));
  CHECK(HasLine(md, "| Practitioners | 1 | 33.3% |"));
  CHECK(HasLine(md, "| Commissioners | 3 | 33.3% |"));
  // Inconsistent comparisons are reported from the panel review, against
  // Saaty's limit for their size: tests/reports/markdown_panel_test.cpp.
}

TEST_CASE("Markdown: a panel who all weighed the same way is not counted by method", "[reports]") {
  Decision d = MakeDecision();
  for (MemberSummary& m : d.members) m.method = "rank";
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md, "They all weighed by putting criteria in order of importance."));
}

TEST_CASE("Markdown: unequal groups are said not to count equally", "[reports]") {
  Decision d = MakeDecision();
  d.groups[0].weight = 0.5;
  d.groups[1].weight = 0.25;
  d.groups[2].weight = 0.25;
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "The groups did not count equally: each group's share of the panel's voice "
                "was set in advance, as shown below."));
  CHECK(HasLine(md, "| Experts by experience | 2 | 50.0% |"));
}

TEST_CASE("Markdown: an unjudged node is said to be weighted equally, with the reason",
          "[reports]") {
  Decision d = MakeDecision();
  d.unjudged = {{"rights", "nobody on the panel weighed it"}};
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "The criteria under Rights and dignity were weighted equally: nobody on the "
                "panel weighed it."));
}

TEST_CASE("Markdown: a group whose first choice differs from the panel's is pointed out",
          "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md,
                "| Criterion | Whole panel | Experts by experience | Practitioners | "
                "Commissioners |"));
  CHECK(HasLine(md, "| Rights and dignity | 60.0% | 80.0% | 20.0% | 80.0% |"));
  CHECK(HasLine(md, "| Ease of maintenance | 40.0% | 20.0% | 80.0% | 20.0% |"));
  CHECK(HasLine(md,
                "- Experts by experience: CareLink Case Manager, the same as the whole "
                "panel."));
  CHECK(HasLine(md,
                "- Practitioners: Birch Care Record. This differs from the whole panel's "
                "first choice, CareLink Case Manager."));
  CHECK(HasLine(md, "- Commissioners: CareLink Case Manager, the same as the whole panel."));
}

TEST_CASE("Markdown: each total is broken down into the points each criterion gave", "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(Section(md, "### CareLink Case Manager (ranked 1)") ==
        "### CareLink Case Manager (ranked 1)\n"
        "\n"
        "| Criterion | Score out of 100 | Weight | Points contributed | Where the score came "
        "from |\n"
        "| --- | ---: | ---: | ---: | --- |\n"
        "| Consent and choice | 80.0 | 30.0% | 24.0 | consensus: 4 out of 5 |\n"
        "| Access to own record | 100.0 | 30.0% | 30.0 | evidence: yes |\n"
        "| Ease of maintenance | 60.0 | 40.0% | 24.0 | mean of 2 evaluators: 3 out of 5 |\n"
        "\n"
        "The points add up to the total: 78.0 out of 100.\n"
        "\n");
  CHECK(HasLine(md, "### Oak Notes (not ranked: not eligible)"));
  CHECK(HasLine(md, "| Consent and choice | 0.0 | 30.0% | 0.0 | not scored |"));
  CHECK(HasLine(md,
                "| Ease of maintenance | 95.0 | 40.0% | 38.0 | mean of 2 evaluators: 4.75 "
                "out of 5 |"));
}

TEST_CASE("Markdown: a total whose rounded points do not add up says so", "[reports]") {
  Decision d = MakeDecision();
  // 24.04 + 30.04 + 24.04 = 78.12: shown as 24.0 + 30.0 + 24.0 = 78.0, total 78.1.
  for (CriterionResult& r : d.candidates[0].criteria) r.contribution += 0.04;
  d.candidates[0].total = 78.12;
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "The points add up to the total: 78.1 out of 100 (the points shown are "
                "rounded, so their sum differs slightly)."));
}

TEST_CASE("Markdown: evaluators' scores come with reasons, evidence and the agreed score",
          "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md,
                "Evaluators scored each product from 0 to 5 on the criteria that need "
                "judgement. The scale describes these levels:"));
  CHECK(HasLine(md, "- 0, Unacceptable: Does not meet the requirement."));
  CHECK(HasLine(md, "Question to suppliers: How does a person give and withdraw consent?"));
  CHECK(HasLine(md, "| Evaluator | Score out of 5 | Reason | Evidence |"));
  CHECK(HasLine(md, "| e1 | 4 | Clear consent records | Response 3.2 |"));
  CHECK(HasLine(md, "Agreed at moderation: 4 out of 5. Agreed after the demonstration."));
  CHECK(HasLine(md, "Score used: 3.5 out of 5 (mean of 2 evaluators)."));
  CHECK(HasLine(md,
                "Nobody has scored this product on this criterion yet; it counts as 0 "
                "until someone does."));
  CHECK(HasLine(md,
                "Score used: 2.5 out of 5 (mean of 2 evaluators). The evaluators are 3 "
                "apart, more than the 2 allowed, so this score needs moderation."));
}

TEST_CASE("Markdown: a scale level without a descriptor is listed by its label alone",
          "[reports]") {
  Procurement p = MakeProcurement();
  p.framework.scale.levels.push_back({5, "Excellent", ""});
  std::string md = RenderMarkdown(p, MakeDecision());
  INFO(md);
  CHECK(HasLine(md, "- 3, Satisfactory: Meets the requirement."));
  CHECK(HasLine(md, "- 5, Excellent"));
}

TEST_CASE("Markdown: '|' and line breaks in user text cannot break a table", "[reports]") {
  Procurement p = MakeProcurement();
  p.candidates[1].name = "Birch | Care Record";
  Decision d = MakeDecision();
  d.candidates[1].name = "Birch | Care Record";
  std::string md = RenderMarkdown(p, d);
  INFO(md);
  CHECK(HasLine(md,
                "| 2 | Birch \\| Care Record | Birch Systems | 59.0 | missing evidence: "
                "Access to own record |"));
  CHECK(HasLine(md, "| e2 | 3 | Consent screens \\| hard to find | |"));
}

TEST_CASE("Markdown: text that looks like HTML, a link, an entity or emphasis shows as typed",
          "[reports]") {
  // Each special character is preceded by a backslash, which CommonMark turns
  // back into the character itself: the escaped row below was written by hand.
  const std::string hostile = "<script>alert(1)</script> [x](javascript:f()) &amp; *b* ~~s~~ `c`";
  Procurement p = MakeProcurement();
  p.candidates[1].name = hostile;
  Decision d = MakeDecision();
  d.candidates[1].name = hostile;
  std::string md = RenderMarkdown(p, d);
  INFO(md);
  CHECK(HasLine(md,
                "| 2 | \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:f()) \\&amp; "
                "\\*b\\* \\~\\~s\\~\\~ \\`c\\` | Birch Systems | 59.0 | missing evidence: "
                "Access to own record |"));
  CHECK(md.find("<script>") == std::string::npos);
}

TEST_CASE("Markdown: what is still to be settled is listed in plain words", "[reports]") {
  std::string md = RenderMarkdown(MakeProcurement(), MakeDecision());
  INFO(md);
  CHECK(HasLine(md,
                "These scores need moderation: the evaluators are more than 2 apart on the "
                "0 to 5 scale, and have not yet agreed a score."));
  CHECK(HasLine(md, "- Oak Notes on Ease of maintenance: e1 gave 1 and e2 gave 4, 3 apart."));
  CHECK(HasLine(md, "- Birch Care Record gave no evidence for Access to own record."));
  CHECK(HasLine(md, "- Oak Notes on Consent and choice."));
}

TEST_CASE("Markdown: with nothing to settle, that section is left out", "[reports]") {
  Decision d = MakeDecision();
  d.moderation.clear();
  d.unsettled_matters = false;
  for (CandidateResult& c : d.candidates) {
    c.missing_evidence.clear();
    c.unscored.clear();
  }
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK_FALSE(HasLine(md, "## Still to be settled"));
  CHECK_FALSE(HasLine(md,
                      "Some scores are still to be settled, so this result may change (see "
                      "\"Still to be settled\")."));
}

TEST_CASE("Markdown: ends with what is needed to reproduce the result", "[reports]") {
  Procurement p = MakeProcurement();
  std::string md = RenderMarkdown(p, MakeDecision());
  CHECK(md.ends_with(
      "## Reproducing this result\n"
      "\n"
      "- Input hash (SHA-256 of the inputs): "
      "`9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`\n"
      "- Criteria framework: social-care-digital, version 1.0.0\n"
      "- The same inputs always give the same result: evaluating these inputs again gives "
      "exactly the numbers in this report.\n"));
  CHECK(md == RenderMarkdown(p, MakeDecision()));
}

TEST_CASE("Markdown: the engine's version and the draws' seed are given to reproduce the result",
          "[reports]") {
  Decision d = MakeDecision();
  d.sensitivity.smaa.ran = true;
  d.sensitivity.smaa.seed = 42;
  d.sensitivity.smaa.samples = 10000;
  std::string md = RenderMarkdown(MakeProcurement(), d, "0.1.0");
  INFO(md);
  CHECK(HasLine(md, "- weighbridge version: 0.1.0"));
  CHECK(HasLine(md, "- Seed of the random draws that test how robust the decision is: 42 (10,000 "
                    "draws)"));
}

TEST_CASE("Markdown: without a panel, criteria are said to count equally", "[reports]") {
  Decision d = MakeDecision();
  d.members.clear();
  d.groups.clear();
  std::string md = RenderMarkdown(MakeProcurement(), d);
  INFO(md);
  CHECK(HasLine(md,
                "Three products were assessed against three criteria; as nobody on the "
                "panel weighed them, criteria at the same level count equally."));
  CHECK(HasLine(md, "Nobody on the panel weighed the criteria."));
}

TEST_CASE("Number format: one decimal, percentages, numbers as given, plain lists", "[reports]") {
  CHECK(FormatOneDecimal(71.25) == "71.2");  // 71.25 is exact: halves go to even
  CHECK(FormatOneDecimal(78) == "78.0");
  CHECK(FormatOneDecimal(-0.04) == "0.0");
  CHECK(FormatOneDecimal(-2.5) == "-2.5");
  CHECK(FormatPercent(1.0 / 3) == "33.3%");
  CHECK(FormatAsGiven(4) == "4");
  CHECK(FormatAsGiven(3.5) == "3.5");
  CHECK(JoinPlainList({}) == "");
  CHECK(JoinPlainList({"a"}) == "a");
  CHECK(JoinPlainList({"a", "b", "c"}) == "a, b and c");
  CHECK(CountedNoun(1, "person", "people") == "one person");
  CHECK(CountedNoun(13, "person", "people") == "13 people");
  CHECK(FormatCount(0) == "0");
  CHECK(FormatCount(999) == "999");
  CHECK(FormatCount(1000) == "1,000");
  CHECK(FormatCount(10000) == "10,000");
  CHECK(FormatCount(-1234567) == "-1,234,567");
  CHECK(Capitalised("three groups") == "Three groups");
}

}  // namespace
}  // namespace weighbridge
