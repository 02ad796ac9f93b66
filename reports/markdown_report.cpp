// The justification report: why the decision came out as it did, in plain
// words, for commissioners who sign it, panel members who shaped it and
// suppliers who want to understand it. No timestamps and no unordered
// containers, so the same inputs always give the same bytes.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <string_view>
#include <utility>
#include <variant>

#include "reports/markdown_coproduction.h"
#include "reports/decision_stamp_text.h"
#include "reports/markdown_costs.h"
#include "reports/markdown_declarations.h"
#include "reports/markdown_freeze.h"
#include "reports/markdown_robustness.h"
#include "reports/markdown_rules.h"
#include "reports/markdown_text.h"
#include "reports/markdown_panel.h"
#include "reports/number_format.h"
#include "reports/report_headings.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

// Totals closer than this tie (EvaluateOptions::tie_tolerance's default).
constexpr double kTieTolerance = 1e-9;

// `value` rounded as the report shows it, read back locale-free.
double Rounded(double value) {
  std::string text = FormatOneDecimal(value);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

// A supplier's fact in plain words: "yes", "99.5", "UK", "FHIR and HL7v2",
// "2026-03-02".
std::string EvidenceText(const EvidenceValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
  if (const double* d = std::get_if<double>(&value)) return FormatAsGiven(*d);
  if (const std::string* s = std::get_if<std::string>(&value)) return Escape(*s);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::vector<std::string> items;
    for (const std::string& item : *list) items.push_back(Escape(item));
    return items.empty() ? "none" : JoinPlainList(items);
  }
  const Date& date = std::get<Date>(value);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

// Plain words for a weighting method.
std::string MethodInWords(const std::string& method) {
  if (method == "pairwise") return "comparing criteria two at a time";
  if (method == "points") return "sharing out points";
  if (method == "rank") return "putting criteria in order of importance";
  if (method == "swing") return "rating each criterion against the most important one";
  if (method == "direct") return "giving weights directly";
  if (method == "mixed") return "a mix of methods";
  return method;
}

class MarkdownReport {
 public:
  MarkdownReport(const Procurement& procurement, const Decision& decision,
                 const std::string& engine_version, const DecisionStamp& stamp)
      : p_(procurement), d_(decision), engine_version_(engine_version), stamp_(stamp) {
    for (const std::string& id : d_.ranking) {
      if (const CandidateResult* c = Result(id)) order_.push_back(c);
    }
    ranked_ = order_.size();
    for (const CandidateResult& c : d_.candidates) {
      if (std::find(d_.ranking.begin(), d_.ranking.end(), c.id) == d_.ranking.end()) {
        order_.push_back(&c);
      }
    }
  }

  std::string Render() {
    Heading();
    TheDecision();
    WhatWasBought();
    Ranking();
    out_ += TieSentences(p_, d_);
    out_ += RulesSection(p_, d_);
    WhatMattered();
    out_ += RobustnessSection(p_, d_);
    Totals();
    out_ += CostsSection(p_, d_);
    EvaluatorsScores();
    out_ += DeclarationsSection(p_);  // nothing without a workspace
    out_ += CoproductionStatement(p_, d_);
    StillToBeSettled();
    Reproducing();
    return out_;
  }

 private:
  // ---- look-ups ----

  const CandidateResult* Result(const std::string& id) const {
    for (const CandidateResult& c : d_.candidates) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }

  // A candidate's name for people, escaped.
  std::string Name(const std::string& id) const {
    if (const CandidateResult* c = Result(id); c && !c->name.empty()) return Escape(c->name);
    for (const Candidate& c : p_.candidates) {
      if (c.id == id && !c.name.empty()) return Escape(c.name);
    }
    return Escape(id);
  }

  std::string Supplier(const std::string& id) const {
    for (const Candidate& c : p_.candidates) {
      if (c.id == id) return Escape(c.supplier);
    }
    return {};
  }

  // A criterion's title for people, escaped. `price` and `quality` are the
  // engine's own nodes when price has a share; they are not in the tree.
  std::string Title(const std::string& id) const {
    if (const Criterion* c = p_.framework.tree.Find(id); c && !c->title.empty()) {
      return Escape(c->title);
    }
    if (id == "price") return "Price";
    if (id == "quality") return "Quality";
    return Escape(id);
  }

  // Where a score came from, for the totals table: the engine's basis, the
  // supplier's fact behind an evidence score, or the score on the evaluators'
  // scale behind a judgement.
  std::string Basis(const std::string& candidate, const CriterionResult& r) const {
    std::string basis = Escape(r.basis);
    const Criterion* criterion = p_.framework.tree.Find(r.criterion);
    if (criterion && criterion->assess == Assess::kEvidence && r.basis == "evidence") {
      for (const Candidate& c : p_.candidates) {
        if (c.id != candidate) continue;
        auto fact = c.evidence.find(criterion->evidence);
        if (fact != c.evidence.end()) basis += ": " + EvidenceText(fact->second);
      }
    }
    if (r.scale_value) basis += (basis.empty() ? "" : ": ") + OnScale(*r.scale_value);
    return basis;
  }

  std::vector<std::string> Names(const std::vector<const CandidateResult*>& results) const {
    std::vector<std::string> names;
    for (const CandidateResult* c : results) names.push_back(Name(c->id));
    return names;
  }

  // A score on the evaluators' scale: "4 out of 5", or "4 on the 1 to 5
  // scale" when the scale does not start at 0.
  std::string OnScale(double value) const {
    const Scale& s = p_.framework.scale;
    if (s.min == 0) return FormatAsGiven(value) + " out of " + FormatAsGiven(s.max);
    return FormatAsGiven(value) + " on the " + FormatAsGiven(s.min) + " to " +
           FormatAsGiven(s.max) + " scale";
  }

  std::string ScaleRange() const {
    return FormatAsGiven(p_.framework.scale.min) + " to " + FormatAsGiven(p_.framework.scale.max);
  }

  std::vector<const NodeWeight*> ChildWeights(const std::string& parent) const {
    std::vector<const NodeWeight*> out;
    for (const NodeWeight& w : d_.weights) {
      if (w.parent == parent) out.push_back(&w);
    }
    return out;
  }

  // The ranked candidates sharing the rank of the one at `from`, from there on.
  std::vector<const CandidateResult*> SameRank(std::size_t from) const {
    std::vector<const CandidateResult*> out;
    for (std::size_t i = from; i < ranked_; ++i) {
      if (order_[i]->rank != order_[from]->rank) break;
      out.push_back(order_[i]);
    }
    return out;
  }

  std::size_t RankedCount() const { return ranked_; }

  bool AnythingToSettle() const {
    if (!d_.moderation.empty()) return true;
    for (const CandidateResult& c : d_.candidates) {
      if (!c.missing_evidence.empty() || !c.unscored.empty()) return true;
    }
    return false;
  }

  // ---- sections ----

  void Heading() {
    const ProcurementInfo& info = p_.info;
    out_ += "# " + Escape(info.title.empty() ? info.id : info.title) + "\n\n";
    std::vector<std::string> parts;
    if (!info.authority.empty()) parts.push_back("Authority: " + Escape(info.authority));
    if (!info.reference.empty()) parts.push_back("Reference: " + Escape(info.reference));
    const Framework& f = p_.framework;
    parts.push_back("Criteria: " + Escape(f.title.empty() ? f.id : f.title) + ", version " +
                    Escape(f.version));
    std::string line;
    for (const std::string& part : parts) line += (line.empty() ? "" : " · ") + part;
    out_ += line + "\n\n";
  }

  // The authority's own statement of what it is buying and why, then the
  // facts that frame every score: the term, the criteria and price's share.
  void WhatWasBought() {
    out_ += "## What was bought and why\n\n";
    const ProcurementInfo& info = p_.info;
    out_ += info.purpose.empty()
                ? std::string("The procurement does not say what is being bought or why (it is "
                              "given as purpose in procurement.toml).\n\n")
                : Escape(info.purpose) + (info.purpose.back() == '.' ? "" : ".") + "\n\n";
    std::vector<std::string> facts;
    if (info.term_years > 0) {
      facts.push_back("The contract is for " +
                      CountedNoun(info.term_years, "year", "years") + ".");
    }
    const Framework& f = p_.framework;
    facts.push_back("Bids were assessed against the criteria of the framework " +
                    Escape(f.title.empty() ? f.id : f.title) + " (version " + Escape(f.version) +
                    "), weighted as set out under \"What mattered and who decided\".");
    if (p_.price.share > 0) {
      facts.push_back("Price counts for " + FormatPercent(p_.price.share) +
                      " of the total and quality for " + FormatPercent(1 - p_.price.share) + ".");
    } else {
      facts.push_back("Quality alone decides: price has no share of the total.");
    }
    std::string line;
    for (const std::string& fact : facts) line += (line.empty() ? "" : " ") + fact;
    out_ += line + "\n\n";
  }

  void TheDecision() {
    out_ += "## The decision\n\n";
    std::size_t ranked = RankedCount();
    if (d_.candidates.empty()) {
      out_ += "No products were assessed.\n\n";
      return;
    }
    if (ranked == 0) {
      out_ += "No product was eligible, so none was ranked.\n";
    } else if (ranked == 1) {
      const CandidateResult& only = *order_[0];
      out_ += Name(only.id) + " was the only " +
              (d_.candidates.size() == 1 ? "product assessed" : "eligible product") +
              ", and scored " + FormatOneDecimal(only.total) + " out of 100.\n";
    } else {
      WinnerSentence();
    }
    out_ += Context() + "\n";
    std::vector<const CandidateResult*> ineligible(order_.begin() + ranked, order_.end());
    if (!ineligible.empty()) {
      bool one = ineligible.size() == 1;
      out_ += JoinPlainList(Names(ineligible)) + (one ? " was" : " were") + " not eligible, so " +
              (one ? "it is" : "they are") + " not ranked.\n";
    }
    if (d_.unsettled_matters) {
      out_ +=
          "Some scores are still to be settled, so this result may change (see \"Still to "
          "be settled\").\n";
    }
    out_ += "\n";
  }

  // Two or more ranked candidates: a clear winner, or a tie at the top.
  void WinnerSentence() {
    std::vector<const CandidateResult*> first = SameRank(0);
    std::string total = FormatOneDecimal(first[0]->total);
    if (first.size() > 1) {
      out_ += JoinPlainList(Names(first)) + " tied for first place, each scoring " + total +
              " out of 100.\n";
      out_ +=
          "The scores alone do not separate them, so the tie must be settled before a "
          "contract is awarded.\n";
      return;
    }
    std::vector<const CandidateResult*> second = SameRank(1);
    if (first[0]->total - second[0]->total <= kTieTolerance) {
      // Ranked apart by the declared tie-break, not by points (see TieSentences).
      out_ += Name(first[0]->id) + " comes first on the tie-break declared before scoring: " +
              JoinPlainList(Names(second)) + " scored the same total, " + total +
              " out of 100.\n";
      return;
    }
    std::string lead = FormatOneDecimal(first[0]->total - second[0]->total);
    out_ += Name(first[0]->id) + " scored highest, " + total + " out of 100, " +
            (lead == "0.0" ? "less than 0.1" : lead) + " points ahead of " +
            JoinPlainList(Names(second)) + (second.size() > 1 ? ", joint second" : "") + ".\n";
  }

  // What the products were assessed against, and by whom.
  std::string Context() const {
    int products = static_cast<int>(d_.candidates.size());
    int criteria = static_cast<int>(p_.framework.tree.leaves().size());
    std::string text = products == 1
                           ? "It was"
                           : Capitalised(CountedNoun(products, "product", "products")) + " were";
    text += " assessed against " + CountedNoun(criteria, "criterion", "criteria");
    if (d_.members.empty()) {
      return text +
             "; as nobody on the panel weighed them, criteria at the same level count "
             "equally.";
    }
    return text + ", weighted by a panel of " +
           CountedNoun(static_cast<int>(d_.members.size()), "person", "people") + ".";
  }

  void Ranking() {
    out_ += "## Ranking\n\n";
    if (order_.empty()) {
      out_ += "There are no products to rank.\n\n";
      return;
    }
    TableHeader(out_, {"Rank", "Product", "Supplier", "Total out of 100", "Notes"}, "rllrl");
    for (const CandidateResult* c : order_) {
      std::vector<std::string> notes;
      if (!c->eligible) notes.push_back("not eligible");
      if (!c->complete) notes.push_back("incomplete");
      if (!c->unscored.empty()) notes.push_back("not scored on " + TitleList(c->unscored));
      if (!c->missing_evidence.empty()) {
        notes.push_back("missing evidence: " + TitleList(c->missing_evidence));
      }
      std::string note;
      for (const std::string& n : notes) note += (note.empty() ? "" : "; ") + n;
      TableRow(out_,
               {RankText(*c), Name(c->id), Supplier(c->id), FormatOneDecimal(c->total), note});
    }
    out_ += "\n";
  }

  std::string TitleList(const std::vector<std::string>& ids) const {
    std::vector<std::string> titles;
    for (const std::string& id : ids) titles.push_back(Title(id));
    return JoinPlainList(titles);
  }

  std::string RankText(const CandidateResult& c) const {
    if (!c.rank) return "not ranked";
    int sharing = 0;
    for (const CandidateResult& other : d_.candidates) sharing += other.rank == c.rank ? 1 : 0;
    return std::to_string(*c.rank) + (sharing > 1 ? " (tied)" : "");
  }

  void WhatMattered() {
    out_ += "## What mattered and who decided\n\n";
    out_ += "### How much each criterion counts\n\n";
    out_ +=
        "A criterion's share among its siblings is its part of the criterion above it; its "
        "share of the whole is how much it counts towards the total out of 100.\n\n";
    const std::vector<Criterion>& nodes = p_.framework.tree.nodes();
    const bool questions = std::any_of(nodes.begin(), nodes.end(),
                                       [](const Criterion& c) { return !c.question.empty(); });
    if (questions) {
      TableHeader(out_,
                  {"Criterion", "What we asked suppliers", "Share among its siblings",
                   "Share of the whole"},
                  "llrr");
    } else {
      TableHeader(out_, {"Criterion", "Share among its siblings", "Share of the whole"}, "lrr");
    }
    WeightRows(kRootId, 0, questions);
    out_ += "\n";
    out_ += FixedMethodText(p_);  // nothing unless the method was fixed in a workspace
    for (const UnjudgedNode& u : d_.unjudged) {
      std::string scope = u.node == kRootId ? std::string("The top-level criteria")
                                            : "The criteria under " + Title(u.node);
      out_ += scope + " were weighted equally: " + Escape(WithoutFullStop(u.reason)) + ".\n";
    }
    if (!d_.unjudged.empty()) out_ += "\n";
    WhoWeighed();
    GroupViews();
    out_ += PanelSections(p_, d_);
  }

  // One row per criterion under `parent`, indented by depth; with
  // `questions`, each with the question suppliers were asked.
  void WeightRows(const std::string& parent, int depth, bool questions) {
    std::string indent;
    for (int i = 0; i < depth; ++i) indent += "&emsp;";
    for (const NodeWeight* w : ChildWeights(parent)) {
      std::vector<std::string> row{indent + Title(w->criterion)};
      if (questions) {
        const Criterion* c = p_.framework.tree.Find(w->criterion);
        row.push_back(c ? Escape(c->question) : "");
      }
      row.push_back(FormatPercent(w->local));
      row.push_back(FormatPercent(w->global));
      TableRow(out_, row);
      if (w->criterion != parent) WeightRows(w->criterion, depth + 1, questions);
    }
  }

  void WhoWeighed() {
    out_ += "### Who weighed them\n\n";
    if (d_.members.empty()) {
      out_ += "Nobody on the panel weighed the criteria.\n\n";
      return;
    }
    int people = static_cast<int>(d_.members.size());
    int groups = static_cast<int>(d_.groups.size());
    out_ += Capitalised(CountedNoun(people, "person", "people")) + " in " +
            CountedNoun(groups, "group", "groups") + " weighed the criteria.\n";
    if (groups > 1) {
      bool equal = true;
      for (const GroupSummary& g : d_.groups) equal = equal && g.weight == d_.groups[0].weight;
      out_ += equal ? "The " + CountedNoun(groups, "group", "groups") +
                          " counted equally, whatever their size.\n"
                    : std::string(
                          "The groups did not count equally: each group's share of the "
                          "panel's voice was set in advance, as shown below.\n");
    }
    out_ += MethodsSentence() + "\n\n";
    TableHeader(out_, {"Group", "People", "Share of the panel's voice"}, "lrr");
    for (const GroupSummary& g : d_.groups) {
      TableRow(out_, {Escape(g.title.empty() ? g.id : g.title), std::to_string(g.members),
                      FormatPercent(g.weight)});
    }
    out_ += "\n";
  }

  // "They weighed by sharing out points (four people) and by ..."
  std::string MethodsSentence() const {
    std::vector<std::pair<std::string, int>> counts;  // in order of first use
    for (const MemberSummary& m : d_.members) {
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& c) { return c.first == m.method; });
      if (it == counts.end())
        counts.emplace_back(m.method, 1);
      else
        ++it->second;
    }
    std::vector<std::string> parts;
    int silent = 0;
    for (const auto& [method, n] : counts) {
      if (method == "none") {
        silent = n;
        continue;
      }
      parts.push_back("by " + Escape(MethodInWords(method)) + " (" +
                      CountedNoun(n, "person", "people") + ")");
    }
    std::string text;
    if (counts.size() == 1 && silent == 0) {
      // Everyone used the same method: no counts needed.
      text = std::string(d_.members.size() == 1 ? "They weighed by " : "They all weighed by ") +
             Escape(MethodInWords(counts[0].first)) + ".";
    } else if (!parts.empty()) {
      text = "They weighed " + JoinPlainList(parts) + ".";
    }
    if (silent > 0) {
      text += std::string(text.empty() ? "" : " ") +
              Capitalised(CountedNoun(silent, "person", "people")) + " gave no weights.";
    }
    return text;
  }

  // Each group's top-level weights beside the panel's, and the product each
  // group's weights alone would put first.
  void GroupViews() {
    if (d_.groups.size() < 2) return;
    out_ += std::string("### ") + headings::kWhatEachGroupThought + "\n\n";
    std::vector<const NodeWeight*> top = ChildWeights(kRootId);
    // With a price share the panel's top level sits under quality.
    if (!ChildWeights(kQualityId).empty()) top = ChildWeights(kQualityId);
    out_ +=
        "The panel's weights combine the groups' weights. Each group's own weights for the "
        "top-level criteria were:\n\n";
    std::vector<std::string> header{"Criterion", "Whole panel"};
    for (const GroupSummary& g : d_.groups)
      header.push_back(Escape(g.title.empty() ? g.id : g.title));
    TableHeader(out_, header, "l" + std::string(header.size() - 1, 'r'));
    for (const NodeWeight* w : top) {
      std::vector<std::string> row{Title(w->criterion), FormatPercent(w->local)};
      for (const GroupSummary& g : d_.groups) {
        auto it = g.weights.find(w->criterion);
        row.push_back(it == g.weights.end() ? "" : FormatPercent(it->second));
      }
      TableRow(out_, row);
    }
    out_ += "\n";
    GroupFirstChoices();
  }

  void GroupFirstChoices() {
    if (RankedCount() == 0) return;
    std::vector<const CandidateResult*> panel_first = SameRank(0);
    std::set<std::string> firsts;
    for (const CandidateResult* c : panel_first) firsts.insert(c->id);
    out_ += "Had only one group's weights counted, its first choice would have been:\n\n";
    for (const GroupSummary& g : d_.groups) {
      out_ += "- " + Escape(g.title.empty() ? g.id : g.title) + ": ";
      if (g.ranking.empty()) {
        out_ += "none, as no product could be ranked.\n";
      } else if (firsts.count(g.ranking[0]) && firsts.size() == 1) {
        out_ += Name(g.ranking[0]) + ", the same as the whole panel.\n";
      } else if (firsts.count(g.ranking[0])) {
        out_ += Name(g.ranking[0]) + ", one of the whole panel's joint first choices.\n";
      } else {
        out_ += Name(g.ranking[0]) + ". This differs from the whole panel's " +
                (firsts.size() == 1 ? "first choice, " : "joint first choices, ") +
                JoinPlainList(Names(panel_first)) + ".\n";
      }
    }
    out_ += "\n";
  }

  void Totals() {
    out_ += std::string("## ") + headings::kHowEachTotalWasMadeUp + "\n\n";
    out_ +=
        "Each criterion's score out of 100, times its weight, gives the points it "
        "contributes; the points add up to the product's total.\n\n";
    for (const CandidateResult* c : order_) CandidateTotal(*c);
  }

  void CandidateTotal(const CandidateResult& c) {
    std::string status = c.rank ? "ranked " + RankText(c) : "not ranked";
    if (!c.eligible) status += ": not eligible";
    out_ += "### " + Name(c.id) + " (" + status + ")\n\n";
    TableHeader(out_,
                {"Criterion", "Score out of 100", "Weight", "Points contributed",
                 "Where the score came from"},
                "lrrrl");
    double rounded_sum = 0;
    for (const CriterionResult& r : c.criteria) {
      if (r.criterion == "total") {
        TableRow(out_, {"Cap on the total ('" + Escape(r.capped_by.front()) + "')", "", "",
                        FormatOneDecimal(r.contribution), "a rule limits the total"});
        rounded_sum += Rounded(r.contribution);
        continue;
      }
      std::string basis = Basis(c.id, r);
      if (!r.capped_by.empty()) {
        basis += "; lowered by the cap '" + Escape(JoinPlainList(r.capped_by)) + "'";
      }
      TableRow(out_, {Title(r.criterion), FormatOneDecimal(r.score), FormatPercent(r.weight),
                      FormatOneDecimal(r.contribution), basis});
      rounded_sum += Rounded(r.contribution);
    }
    out_ += "\nThe points add up to the total: " + FormatOneDecimal(c.total) + " out of 100";
    if (FormatOneDecimal(rounded_sum) != FormatOneDecimal(c.total)) {
      out_ += " (the points shown are rounded, so their sum differs slightly)";
    }
    out_ += ".\n\n";
  }

  void EvaluatorsScores() {
    out_ += "## Evaluators' scores and reasons\n\n";
    std::vector<const Criterion*> judged;
    for (const Criterion& c : p_.framework.tree.nodes()) {
      if (c.assess == Assess::kJudgement) judged.push_back(&c);
    }
    if (judged.empty()) {
      out_ += "No criterion needed evaluators' judgement: every score came from evidence.\n\n";
      return;
    }
    out_ += "Evaluators scored each product from " + ScaleRange() +
            " on the criteria that need judgement.";
    if (!p_.framework.scale.levels.empty()) {
      out_ += " The scale describes these levels:\n\n";
      for (const ScaleLevel& l : p_.framework.scale.levels) {
        out_ += "- " + FormatAsGiven(l.value);
        if (!l.label.empty()) out_ += ", " + Escape(l.label);
        if (!l.descriptor.empty()) out_ += ": " + Escape(l.descriptor);
        out_ += "\n";
      }
    } else {
      out_ += "\n";
    }
    out_ += "\n";
    for (const Criterion* c : judged) {
      out_ += "### " + Title(c->id) + "\n\n";
      if (!c->question.empty()) out_ += "Question to suppliers: " + Escape(c->question) + "\n\n";
      for (const CandidateResult* r : order_) ScoresFor(*r, *c);
    }
  }

  void ScoresFor(const CandidateResult& candidate, const Criterion& criterion) {
    out_ += "**" + Name(candidate.id) + "**\n\n";
    std::vector<const Score*> scores;
    for (const Score& s : p_.scores) {
      if (s.candidate == candidate.id && s.criterion == criterion.id) scores.push_back(&s);
    }
    if (!scores.empty()) {
      std::string scale_header = p_.framework.scale.min == 0
                                     ? "Score out of " + FormatAsGiven(p_.framework.scale.max)
                                     : "Score (" + ScaleRange() + ")";
      TableHeader(out_, {"Evaluator", scale_header, "Reason", "Evidence"}, "lrll");
      for (const Score* s : scores) {
        TableRow(out_, {Escape(s->evaluator), FormatAsGiven(s->value), Escape(s->rationale),
                        Escape(s->evidence_ref)});
      }
      out_ += "\n";
    }
    out_ += ScoreUsed(candidate, criterion.id, scores.empty()) + "\n\n";
  }

  // The line under an evaluator table: what score counted and why.
  std::string ScoreUsed(const CandidateResult& candidate, const std::string& criterion,
                        bool no_scores) const {
    for (const Consensus& c : p_.consensus) {
      if (c.candidate == candidate.id && c.criterion == criterion) {
        std::string note = WithoutFullStop(c.note);
        return "Agreed at moderation: " + OnScale(c.value) + "." +
               (note.empty() ? "" : " " + Escape(note) + ".");
      }
    }
    const CriterionResult* result = nullptr;
    for (const CriterionResult& r : candidate.criteria) {
      if (r.criterion == criterion) result = &r;
    }
    if (no_scores || !result || !result->scale_value) {
      return "Nobody has scored this product on this criterion yet; it counts as 0 until "
             "someone does.";
    }
    std::string text = "Score used: " + OnScale(*result->scale_value);
    if (!result->basis.empty()) text += " (" + Escape(result->basis) + ")";
    text += ".";
    for (const ModerationNeed& m : d_.moderation) {
      if (m.candidate == candidate.id && m.criterion == criterion) {
        text += " The evaluators are " + FormatAsGiven(m.spread) + " apart, more than the " +
                FormatAsGiven(p_.framework.scale.moderation_threshold) +
                " allowed, so this score needs moderation.";
      }
    }
    return text;
  }

  void StillToBeSettled() {
    if (!AnythingToSettle()) return;
    out_ += "## Still to be settled\n\n";
    if (!d_.moderation.empty()) {
      out_ += "These scores need moderation: the evaluators are more than " +
              FormatAsGiven(p_.framework.scale.moderation_threshold) + " apart on the " +
              ScaleRange() + " scale, and have not yet agreed a score.\n\n";
      for (const ModerationNeed& m : d_.moderation) {
        std::vector<std::string> gave;
        for (const auto& [evaluator, value] : m.scores) {
          gave.push_back(Escape(evaluator) + " gave " + FormatAsGiven(value));
        }
        out_ += "- " + Name(m.candidate) + " on " + Title(m.criterion) + ": " +
                JoinPlainList(gave) + ", " + FormatAsGiven(m.spread) + " apart.\n";
      }
      out_ += "\n";
    }
    std::string missing;
    std::string unscored;
    for (const CandidateResult* c : order_) {
      if (!c->missing_evidence.empty()) {
        missing +=
            "- " + Name(c->id) + " gave no evidence for " + TitleList(c->missing_evidence) + ".\n";
      }
      if (!c->unscored.empty()) {
        unscored += "- " + Name(c->id) + " on " + TitleList(c->unscored) + ".\n";
      }
    }
    if (!missing.empty()) out_ += "Evidence is missing:\n\n" + missing + "\n";
    if (!unscored.empty()) {
      out_ +=
          "Nobody has scored these yet; they count as 0 until someone does:\n\n" + unscored + "\n";
    }
  }

  void Reproducing() {
    out_ += "## Reproducing this result\n\n";
    const std::string& hash = p_.input_hash;
    bool plain = !hash.empty() && hash.find('`') == std::string::npos;
    out_ += "- Input hash (SHA-256 of the inputs): " +
            (plain          ? "`" + hash + "`"
             : hash.empty() ? std::string("not recorded")
                            : Escape(hash)) +
            "\n";
    out_ += "- Criteria framework: " + Escape(p_.framework.id) + ", version " +
            Escape(p_.framework.version) + "\n";
    if (!engine_version_.empty()) out_ += "- weighbridge version: " + Escape(engine_version_) + "\n";
    if (const SmaaResult& smaa = d_.sensitivity.smaa; smaa.ran) {
      out_ += "- Seed of the random draws that test how robust the decision is: " +
              fmt::format("{}", smaa.seed) + " (" + FormatCount(smaa.samples) + " draws)\n";
    }
    out_ += StampLines(stamp_);  // nothing without a workspace
    out_ +=
        "- The same inputs always give the same result: evaluating these inputs again gives "
        "exactly the numbers in this report.\n";
  }

  const Procurement& p_;
  const Decision& d_;
  const std::string& engine_version_;  // empty: not said
  const DecisionStamp& stamp_;         // number 0: not a stored decision
  std::vector<const CandidateResult*> order_;
  std::size_t ranked_ =
      0;  // how many of order_ are ranked  // ranked best first, then the rest in file order
  std::string out_;
};

}  // namespace

std::string RenderMarkdown(const Procurement& procurement, const Decision& decision,
                           const std::string& engine_version, const DecisionStamp& stamp) {
  return MarkdownReport(procurement, decision, engine_version, stamp).Render();
}

}  // namespace weighbridge
