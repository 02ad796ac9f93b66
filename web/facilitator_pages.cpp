// A facilitator's pages: how the procurement stands (who has taken part, how
// consistent and how far apart the groups are, scores needing moderation with
// a form for the consensus), fixing the method, storing the decision, and the
// reports to download.
// Only a facilitator reaches them: results are not shown to members or
// evaluators.
#include <algorithm>
#include <cmath>

#include "cli/framework_dirs.h"
#include "cli/stored_decision.h"
#include "cli/toml_text.h"
#include "cli/workspace_commands.h"
#include "web/server_impl.h"
#include "weighbridge/evaluate.h"
#include "weighbridge/html_report.h"
#include "weighbridge/reports.h"

namespace weighbridge::web {
namespace {

std::string Ratio(double value) {
  const long long hundredths = std::llround(value * 100);
  return std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") +
         std::to_string(hundredths % 100);
}

// The reports a facilitator can download: each as things stand, none stored.
struct ReportDownload {
  const char* path;    // as routed in server.cpp
  const char* label;   // its words' key under [dashboard]
  const char* suffix;  // the file is named the procurement's id and this
  const char* type;    // its Content-Type
};
constexpr ReportDownload kDownloads[] = {
    {"/report.html", "report", "-report.html", "text/html; charset=utf-8"},
    {"/report.md", "report_md", "-report.md", "text/markdown; charset=utf-8"},
    {"/report.json", "report_json", "-report.json", "application/json"},
    {"/scores.csv", "scores_csv", "-scores.csv", "text/csv; charset=utf-8"},
    {"/methodology.md", "methodology", "-methodology.md", "text/markdown; charset=utf-8"},
};

// What a refused write said, for the dashboard's list of problems: the
// workspace's message, then each problem found in what was imported.
void AppendProblems(const WorkspaceStatus& status, std::vector<std::string>& problems) {
  if (!status.message.empty()) problems.push_back(status.message);
  for (const Diagnostic& diagnostic : status.diagnostics.all()) {
    problems.push_back(diagnostic.message);
  }
}

const Group* FindGroup(const Procurement& procurement, const std::string& id) {
  for (const Group& group : procurement.panel.groups) {
    if (group.id == id) return &group;
  }
  return nullptr;
}

}  // namespace

std::string Server::Impl::RenderDashboard(const Procurement& procurement, const Session& session,
                                          const std::vector<std::string>& problems, bool saved,
                                          long long decided) {
  const Decision decision = Weighed(procurement);
  const CriteriaTree& tree = procurement.framework.tree;
  auto title_of = [&](const std::string& id) {
    const Criterion* criterion = tree.Find(id);
    return criterion ? criterion->title : id == kRootId ? messages.Text("criteria.top_level") : id;
  };
  auto group_title = [&](const std::string& id) {
    const Group* group = FindGroup(procurement, id);
    return group ? group->title : id;
  };
  data page;
  page.set("csrf", session.csrf);
  SetProblems(page, problems);
  if (saved) page.set("saved", messages.Text("dashboard.done"));
  for (const char* key : {"turnout_title", "consistency_title", "groups_title", "moderation_title",
                          "freeze_title", "freeze_help", "freeze_note", "freeze", "decision_title",
                          "decision_help", "decide", "report_title", "report_help"}) {
    page.set(key, messages.Text(std::string("dashboard.") + key));
  }
  data downloads = data::type::list;
  for (const ReportDownload& download : kDownloads) {
    data link;
    link.set("path", download.path);
    link.set("label", messages.Text(std::string("dashboard.") + download.label));
    downloads.push_back(link);
  }
  page.set("downloads", downloads);
  if (decided > 0) {
    std::vector<DecisionRecord> decisions;
    {
      std::lock_guard lock(workspace_mutex);
      decisions = workspace->Decisions();
    }
    for (const DecisionRecord& record : decisions) {
      if (record.number != decided) continue;
      page.set("decided", messages.Text("dashboard.decided", {{"number", std::to_string(decided)},
                                                              {"head", record.entry_hash},
                                                              {"folder", options.folder}}));
    }
  }
  page.set("group_heading", messages.Text("dashboard.group"));
  page.set("members_heading", messages.Text("dashboard.members"));
  page.set("answered_heading", messages.Text("dashboard.answered"));
  page.set("criterion_heading", messages.Text("dashboard.criterion"));

  // Counts only: people are named nowhere here.
  data turnout = data::type::list;
  for (const GroupTurnout& group : decision.panel_review.turnout) {
    data row;
    row.set("group", group_title(group.group));
    row.set("members", std::to_string(group.members));
    row.set("judged", std::to_string(group.judged));
    turnout.push_back(row);
  }
  page.set("turnout", turnout);
  data warnings = data::type::list;
  for (const PanelWarning& warning : decision.panel_review.warnings) {
    warnings.push_back(warning.message);
  }
  page.set("warnings", warnings);

  data inconsistent = data::type::list;
  for (const InconsistentJudgement& judgement : decision.panel_review.inconsistent) {
    inconsistent.push_back(
        messages.Text("dashboard.inconsistent", {{"member", judgement.member},
                                                 {"node", title_of(judgement.node)},
                                                 {"ratio", Ratio(judgement.consistency_ratio)},
                                                 {"threshold", Ratio(judgement.threshold)}}));
  }
  page.set("inconsistent", inconsistent);
  if (decision.panel_review.inconsistent.empty()) {
    page.set("consistency_none", messages.Text("dashboard.consistency_none"));
  }

  data group_titles = data::type::list;
  for (const GroupSummary& group : decision.groups) group_titles.push_back(group.title);
  page.set("group_titles", group_titles);
  data group_rows = data::type::list;
  for (const NodeWeight& weight : decision.weights) {
    data row;
    row.set("title", title_of(weight.criterion));
    data cells = data::type::list;
    for (const GroupSummary& group : decision.groups) {
      auto found = group.weights.find(weight.criterion);
      cells.push_back(found == group.weights.end() ? std::string("–") : Percent(found->second));
    }
    row.set("cells", cells);
    group_rows.push_back(row);
  }
  page.set("group_rows", group_rows);
  data differ = data::type::list;
  for (const CriterionDivergence& divergence : decision.panel_review.divergence) {
    if (std::find(decision.panel_review.differ_most.begin(),
                  decision.panel_review.differ_most.end(),
                  divergence.criterion) == decision.panel_review.differ_most.end()) {
      continue;
    }
    double high = 0, low = 0;
    for (const GroupSpread& spread : divergence.groups) {
      if (spread.group == divergence.highest_group) high = spread.weight;
      if (spread.group == divergence.lowest_group) low = spread.weight;
    }
    differ.push_back(
        messages.Text("dashboard.differ", {{"high", group_title(divergence.highest_group)},
                                           {"low", group_title(divergence.lowest_group)},
                                           {"criterion", title_of(divergence.criterion)},
                                           {"high_share", Percent(high)},
                                           {"low_share", Percent(low)}}));
  }
  page.set("differ", differ);

  data needs = data::type::list;
  int index = 0;
  for (const ModerationNeed& need : decision.moderation) {
    std::string scores;
    for (const auto& [evaluator, value] : need.scores) {
      scores += (scores.empty() ? "" : ", ") + evaluator + " " + cli::TomlNumber(value);
    }
    std::string candidate_name = need.candidate;
    for (const Candidate& candidate : procurement.candidates) {
      if (candidate.id == need.candidate) candidate_name = candidate.name;
    }
    data entry;
    entry.set("id", "need-" + std::to_string(++index));
    entry.set("csrf", session.csrf);
    entry.set("candidate", need.candidate);
    entry.set("criterion", need.criterion);
    entry.set("legend",
              messages.Text("dashboard.need", {{"candidate", candidate_name},
                                               {"criterion", title_of(need.criterion)},
                                               {"scores", scores},
                                               {"spread", cli::TomlNumber(need.spread)}}));
    entry.set("value_label", messages.Text("dashboard.consensus_label"));
    entry.set("note_label", messages.Text("dashboard.note_label"));
    entry.set("record", messages.Text("dashboard.record"));
    needs.push_back(entry);
  }
  page.set("needs", needs);
  if (decision.moderation.empty()) {
    page.set("moderation_none", messages.Text("dashboard.moderation_none"));
  }
  if (procurement.freeze) {
    page.set("frozen", messages.Text("dashboard.frozen",
                                     {{"when", messages.MomentInWords(procurement.freeze->at)}}));
  }
  const bool shared = ResultsShared();
  page.set("share_title", messages.Text("dashboard.share_title"));
  page.set("share_state", messages.Text(shared ? "dashboard.shared" : "dashboard.not_shared"));
  page.set("share_value", shared ? "0" : "1");
  page.set("share_button", messages.Text(shared ? "dashboard.unshare" : "dashboard.share"));
  return pages.Render("dashboard", page, messages.Text("dashboard.title"), SignedIn(session));
}

void Server::Impl::Dashboard(const Session& session, const httplib::Request& request,
                             httplib::Response& response) {
  std::optional<Procurement> procurement = Load(response, session);
  if (!procurement) return;
  long long decided = 0;
  if (request.has_param("decision")) {
    decided = std::strtoll(request.get_param_value("decision").c_str(), nullptr, 10);
  }
  Send(response, 200,
       RenderDashboard(*procurement, session, {}, request.has_param("saved"), decided));
}

// Records what a facilitator's form gave as `text` (TOML), or the dashboard
// again with the workspace's reason when it is refused.
void Server::Impl::RecordFacilitator(const Session& session, const Procurement& procurement,
                                     const std::string& text, httplib::Response& response) {
  WorkspaceStatus status;
  {
    std::lock_guard lock(workspace_mutex);
    status = StoreLocked(text, session.name);
  }
  if (status.ok()) {
    response.set_redirect("/?saved=1", 303);
    return;
  }
  std::vector<std::string> problems;
  AppendProblems(status, problems);
  Send(response, 422, RenderDashboard(procurement, session, problems, false));
}

void Server::Impl::ModeratePost(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "facilitator");
  if (!session || !FormTokenOk(request, *session, response)) return;
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  std::vector<std::string> problems;
  const std::string value = request.get_param_value("value");
  char* end = nullptr;
  const double number = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number)) {
    problems.push_back(messages.Text("dashboard.value_needed"));
  }
  std::string note = request.get_param_value("note");
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back(messages.Text("dashboard.note_needed"));
  }
  if (!problems.empty()) {
    Send(response, 422, RenderDashboard(*procurement, *session, problems, false));
    return;
  }
  RecordFacilitator(
      *session, *procurement,
      "[[consensus]]\ncandidate = " + cli::TomlString(request.get_param_value("candidate")) +
          "\ncriterion = " + cli::TomlString(request.get_param_value("criterion")) +
          "\nvalue = " + cli::TomlNumber(number) + "\nnote = " + cli::TomlString(note) + "\n",
      response);
}

void Server::Impl::FreezePost(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "facilitator");
  if (!session || !FormTokenOk(request, *session, response)) return;
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  const std::string note = request.get_param_value("note");
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
    Send(response, 422,
         RenderDashboard(*procurement, *session, {messages.Text("dashboard.note_needed")}, false));
    return;
  }
  WorkspaceStatus status;
  FreezeOutcome outcome;
  {
    std::lock_guard lock(workspace_mutex);
    status = workspace->Freeze(note, std::nullopt, cli::FrameworkDirs(),
                               cli::CurrentActor(session->name), outcome);
  }
  if (!status.ok()) {
    std::vector<std::string> problems = {status.message};
    for (const Diagnostic& diagnostic : status.diagnostics.all()) {
      problems.push_back(diagnostic.message);
    }
    Send(response, 422, RenderDashboard(*procurement, *session, problems, false));
    return;
  }
  response.set_redirect("/?saved=1", 303);
}

void Server::Impl::SharePost(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "facilitator");
  if (!session || !FormTokenOk(request, *session, response)) return;
  WorkspaceStatus status;
  bool changed = false;
  {
    std::lock_guard lock(workspace_mutex);
    status = workspace->ShareResults(request.get_param_value("share") == "1",
                                     cli::CurrentActor(session->name), changed);
  }
  if (!status.ok()) {
    SendSaveFailure(status, *session, response);
    return;
  }
  response.set_redirect("/?saved=1", 303);
}

void Server::Impl::DecisionPost(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "facilitator");
  if (!session || !FormTokenOk(request, *session, response)) return;
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  // Scores still missing, the usual reason, said with the bids' names and the
  // criteria's titles rather than the loader's words for a file.
  std::vector<std::string> problems = {messages.Text("dashboard.decision_refused")};
  for (const CandidateResult& candidate : Weighed(*procurement).candidates) {
    if (candidate.unscored.empty()) continue;
    std::string titles;
    for (const std::string& id : candidate.unscored) {
      const Criterion* criterion = procurement->framework.tree.Find(id);
      titles += (titles.empty() ? "" : ", ") + (criterion ? criterion->title : id);
    }
    problems.push_back(messages.Text(
        "dashboard.unscored",
        {{"candidate", CandidateName(*procurement, candidate.id)}, {"criteria", titles}}));
  }
  if (problems.size() == 1) {
    WorkspaceStatus status;
    cli::MadeDecision made;
    {
      // Nothing this server stores can come between the inputs read and the
      // decision stored; a write by another program makes MakeDecision try again.
      std::lock_guard lock(workspace_mutex);
      status = cli::MakeDecision(*workspace, /*allow_incomplete=*/false, SensitivityOptions{},
                                 cli::CurrentActor(session->name), made);
    }
    if (status.ok()) {
      response.set_redirect("/?decision=" + std::to_string(made.number), 303);
      return;
    }
    AppendProblems(status, problems);
  }
  Send(response, 422, RenderDashboard(*procurement, *session, problems, false));
}

void Server::Impl::Download(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "facilitator");
  if (!session) return;
  const ReportDownload* download = nullptr;
  for (const ReportDownload& each : kDownloads) {
    if (request.path == each.path) download = &each;
  }
  if (!download) {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(*session)));
    return;
  }
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  const Decision decision = Evaluate(*procurement);
  const std::string path = download->path;
  std::string content;
  if (path == "/report.html") {
    HtmlResult html =
        RenderHtml(*procurement, decision, DefaultReportTemplates(), WEIGHBRIDGE_VERSION);
    if (!html.ok) {
      Send(response, 500, pages.Message("error.load", {}, SignedIn(*session)));
      return;
    }
    content = std::move(html.html);
  } else if (path == "/report.md") {
    content = RenderMarkdown(*procurement, decision, WEIGHBRIDGE_VERSION);
  } else if (path == "/report.json") {
    content = RenderJson(*procurement, decision);
  } else if (path == "/scores.csv") {
    content = RenderCsv(*procurement, decision);
  } else {
    content = RenderMethodology(*procurement, decision);
  }
  // A file to keep, not a page of the site: the HTML report brings its own styles.
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + procurement->info.id + download->suffix + "\"");
  response.set_content(content, download->type);
}

}  // namespace weighbridge::web
