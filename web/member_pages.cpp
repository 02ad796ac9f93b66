// A panel member's pages: the criteria, weighing one node by the group's
// method, the preview, and what their voice did.
#include <algorithm>
#include <set>

#include "cli/record_submission.h"
#include "cli/workspace_commands.h"
#include "engine/weigh/judgement_weights.h"
#include "reports/svg_bars.h"
#include "web/server_impl.h"
#include "weighbridge/evaluate.h"

namespace weighbridge::web {

std::optional<Server::Impl::NodeForm> Server::Impl::FormFor(const Procurement& procurement,
                                                            const Session& session,
                                                            const std::string& node,
                                                            httplib::Response& response) {
  const std::vector<std::string> nodes = procurement.framework.tree.WeighedNodes();
  if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(session)));
    return std::nullopt;
  }
  NodeForm form;
  form.node = node;
  for (const Member& member : procurement.panel.members) {
    if (member.id != session.person) continue;
    for (const Group& group : procurement.panel.groups) {
      if (group.id == member.group && group.method) form.method = *group.method;
    }
  }
  for (const std::string& child : procurement.framework.tree.Children(node)) {
    const Criterion* criterion = procurement.framework.tree.Find(child);
    form.items.push_back({child, criterion ? criterion->title : child});
  }
  const Criterion* parent = procurement.framework.tree.Find(node);
  form.heading = parent ? parent->title : messages.Text("criteria.top_level");
  return form;
}

void Server::Impl::Criteria(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "member");
  if (!session) return;
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  std::set<std::string> answered;
  for (const Judgement& judgement : procurement->panel.judgements) {
    if (judgement.member == session->person) answered.insert(judgement.parent);
  }
  data page;
  page.set("intro", messages.Text("criteria.intro"));
  data nodes = data::type::list;
  int index = 0;
  for (const std::string& node : procurement->framework.tree.WeighedNodes()) {
    std::optional<NodeForm> form = FormFor(*procurement, *session, node, response);
    data entry;
    entry.set("heading_id", "node-" + std::to_string(++index));
    entry.set("heading", form->heading);
    data items = data::type::list;
    for (const std::string& child : procurement->framework.tree.Children(node)) {
      const Criterion* criterion = procurement->framework.tree.Find(child);
      data item;
      item.set("title", criterion->title);
      item.set("question", criterion->question);
      items.push_back(item);
    }
    entry.set("items", items);
    entry.set("status",
              messages.Text(answered.count(node) ? "criteria.done" : "criteria.not_done"));
    entry.set("node_query", QueryValue(node));
    entry.set("link", messages.Text("criteria.weigh_link", {{"node", form->heading}}));
    nodes.push_back(entry);
  }
  page.set("nodes", nodes);
  Send(response, 200,
       pages.Render("criteria", page, messages.Text("criteria.title"), SignedIn(*session)));
}

std::optional<Server::Impl::NodeForm> Server::Impl::OpenForm(const httplib::Request& request,
                                                             const Session& session,
                                                             httplib::Response& response) {
  std::shared_ptr<const Procurement> procurement = KeptCriteria(response, session);
  if (!procurement) return std::nullopt;
  if (procurement->freeze) {
    Send(response, 409, pages.Message("weigh.closed", {}, SignedIn(session)));
    return std::nullopt;
  }
  return FormFor(*procurement, session, request.get_param_value("node"), response);
}

std::string Server::Impl::RenderForm(const NodeForm& form, const Session& session,
                                     const std::map<std::string, std::string>& fields,
                                     const std::vector<std::string>& problems) {
  auto field = [&](const std::string& name) {
    auto found = fields.find(name);
    return found == fields.end() ? std::string() : found->second;
  };
  data page;
  page.set("csrf", session.csrf);
  page.set("node_query", QueryValue(form.node));
  page.set("submit", messages.Text("weigh.preview"));
  SetProblems(page, problems);
  const std::string method = WeighMethodName(form.method);
  page.set("help", messages.Text("weigh." + method + "_help"));
  data numbers = data::type::list;
  data pairs = data::type::list;
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const FormItem& item = form.items[i];
    if (form.method == WeighMethod::kPairwise) {
      for (std::size_t j = i + 1; j < form.items.size(); ++j) {
        const FormItem& other = form.items[j];
        const std::string name = PairField(item.id, other.id);
        data pair;
        pair.set("legend",
                 messages.Text("weigh.pair_legend", {{"a", item.title}, {"b", other.title}}));
        data choices = data::type::list;
        const char* keys[] = {"weigh.far_more",   "weigh.much_more", "weigh.more",
                              "weigh.a_bit_more", "weigh.same",      "weigh.a_bit_more",
                              "weigh.more",       "weigh.much_more", "weigh.far_more"};
        for (std::size_t k = 0; k < PairAnswers().size(); ++k) {
          data option;
          option.set("field_id",
                     "f" + std::to_string(i) + "-" + std::to_string(j) + "-" + std::to_string(k));
          option.set("name", name);
          option.set("value", PairAnswers()[k]);
          option.set("checked", field(name) == PairAnswers()[k]);
          option.set("label", messages.Text(keys[k], {{"x", k < 4 ? item.title : other.title}}));
          choices.push_back(option);
        }
        pair.set("options", choices);
        pairs.push_back(pair);
      }
      continue;
    }
    data number;
    number.set("field_id", "f" + std::to_string(i));
    number.set("name", ValueField(item.id));
    number.set("value", field(ValueField(item.id)));
    number.set("inputmode", form.method == WeighMethod::kRank ? "numeric" : "decimal");
    number.set("label", messages.Text(form.method == WeighMethod::kRank ? "weigh.rank_label"
                                                                        : "weigh.points_label",
                                      {{"criterion", item.title}}));
    numbers.push_back(number);
  }
  page.set("numbers", numbers);
  page.set("pairs", pairs);
  const std::string title = form.node == kRootId
                                ? messages.Text("weigh.title")
                                : messages.Text("weigh.title_branch", {{"node", form.heading}});
  return pages.Render("weigh", page, title, SignedIn(session));
}

std::string Server::Impl::RenderPreview(const NodeForm& form, const Session& session,
                                        const Judgement& judgement,
                                        const std::map<std::string, std::string>& fields) {
  std::vector<std::string> children;
  for (const FormItem& item : form.items) children.push_back(item.id);
  const JudgementResult result = AnalyseJudgement(judgement, children);
  data page;
  page.set("intro", messages.Text("preview.intro"));
  page.set("csrf", session.csrf);
  page.set("node_query", QueryValue(form.node));
  page.set("send", messages.Text("preview.send"));
  page.set("change", messages.Text("preview.change"));
  const int n = static_cast<int>(children.size());
  if (result.consistency_ratio && *result.consistency_ratio > ConsistencyThreshold(n) &&
      result.furthest) {
    const FurthestPair& pair = *result.furthest;
    auto times = [](double x) {
      if (x >= 1) return std::to_string(std::lround(x)) + "×";
      return "1/" + std::to_string(std::lround(1 / x)) + "×";
    };
    page.set("note", messages.Text("preview.inconsistent", {{"a", form.items[pair.i].title},
                                                            {"b", form.items[pair.j].title},
                                                            {"given", times(pair.given)},
                                                            {"suggested", times(pair.suggested)}}));
  }
  BarChart chart;
  chart.id = "yours";
  chart.title = messages.Text("preview.chart_title");
  chart.description = messages.Text("preview.chart_description");
  chart.axis_unit = "%";
  data rows = data::type::list;
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    BarRow row;
    row.label = form.items[i].title;
    row.segments.push_back({result.weights[i] * 100, 0, ""});
    row.end_label = Percent(result.weights[i]);
    chart.rows.push_back(row);
    data entry;
    entry.set("title", form.items[i].title);
    entry.set("share", Percent(result.weights[i]));
    rows.push_back(entry);
  }
  page.set("rows", rows);
  page.set("criterion", messages.Text("done.criterion"));
  page.set("weight", messages.Text("preview.weight"));
  page.set("chart", BarChartSvg(chart));
  data hidden = data::type::list;
  for (const auto& [name, value] : fields) {
    if (name.rfind("v:", 0) != 0 && name.rfind("p:", 0) != 0) continue;
    data entry;
    entry.set("name", name);
    entry.set("value", value);
    hidden.push_back(entry);
  }
  page.set("hidden", hidden);
  return pages.Render("preview", page, messages.Text("preview.title"), SignedIn(session));
}

void Server::Impl::WeighForm(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "member");
  if (!session) return;
  std::optional<NodeForm> form = OpenForm(request, *session, response);
  if (!form) return;
  std::map<std::string, std::string> fields;
  {
    std::lock_guard lock(workspace_mutex);
    for (const nlohmann::json& table :
         cli::LatestTables(*workspace, "judgements", session->person, "judgement")) {
      if (table.value("parent", "") == form->node) {
        fields = FieldsOfTable(table, form->method, form->items);
      }
    }
  }
  Send(response, 200, RenderForm(*form, *session, fields, {}));
}

void Server::Impl::WeighPost(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "member");
  if (!session || !FormTokenOk(request, *session, response)) return;
  std::optional<NodeForm> form = OpenForm(request, *session, response);
  if (!form) return;
  const std::map<std::string, std::string> fields = PostedFields(request);
  const std::string action = request.get_param_value("action");
  if (action == "change") {
    Send(response, 200, RenderForm(*form, *session, fields, {}));
    return;
  }
  FormReading reading =
      ReadJudgementForm(form->method, session->person, form->node, form->items, fields, messages);
  if (!reading.judgement) {
    Send(response, 422, RenderForm(*form, *session, fields, reading.problems));
    return;
  }
  if (action != "send") {
    Send(response, 200, RenderPreview(*form, *session, *reading.judgement, fields));
    return;
  }
  // Built from the member's stored tables when its turn comes, so that two
  // answers of theirs stored together both count.
  const nlohmann::json table = JudgementTable(*reading.judgement);
  Workspace::ImportRequest answer;
  answer.name = "(browser)";
  answer.actor = cli::CurrentActor(session->person);
  answer.text = [&] {
    bool replaced = false;
    return cli::JudgementsWith(*workspace, session->person, table, replaced);
  };
  const WorkspaceStatus status = StoreWithOthers(answer);
  if (!status.ok()) {
    SendSaveFailure(status, *session, response);
    return;
  }
  response.set_redirect("/done?node=" + QueryValue(form->node), 303);
}

void Server::Impl::Done(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionAs(request, response, "member");
  if (!session) return;
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  std::optional<NodeForm> form =
      FormFor(*procurement, *session, request.get_param_value("node"), response);
  if (!form) return;
  const Decision decision = Weighed(*procurement);
  std::map<std::string, double> yours;
  std::string group_id;
  for (const MemberNodeWeights& member : decision.panel_review.member_weights) {
    if (member.member != session->person || member.node != form->node) continue;
    group_id = member.group;
    for (const auto& [child, weight] : member.weights) yours[child] = weight;
  }
  std::map<std::string, double> group;
  for (const GroupSummary& summary : decision.groups) {
    if (summary.id == group_id) group = summary.weights;
  }
  std::map<std::string, double> panel;
  for (const NodeWeight& weight : decision.weights) panel[weight.criterion] = weight.local;
  BarChart chart;
  chart.id = "voice";
  chart.title = messages.Text("done.chart_title");
  chart.description = messages.Text("done.chart_description");
  chart.axis_unit = "%";
  chart.legend = {{0, messages.Text("done.yours")},
                  {1, messages.Text("done.group")},
                  {2, messages.Text("done.panel")}};
  data rows = data::type::list;
  for (const FormItem& item : form->items) {
    data row;
    row.set("title", item.title);
    const double values[] = {yours[item.id], group[item.id], panel[item.id]};
    row.set("yours", Percent(values[0]));
    row.set("group", Percent(values[1]));
    row.set("panel", Percent(values[2]));
    rows.push_back(row);
    for (int k = 0; k < 3; ++k) {
      BarRow bar;
      bar.label = k == 0 ? item.title : "";
      bar.segments.push_back({values[k] * 100, k, ""});
      bar.end_label = Percent(values[k]);
      chart.rows.push_back(bar);
    }
  }
  data page;
  page.set("intro", messages.Text("done.intro"));
  page.set("chart", BarChartSvg(chart));
  page.set("criterion", messages.Text("done.criterion"));
  page.set("yours", messages.Text("done.yours"));
  page.set("group", messages.Text("done.group"));
  page.set("panel", messages.Text("done.panel"));
  page.set("rows", rows);
  page.set("back", messages.Text("done.back"));
  // The results, only when the facilitator shares them: the panel's ranking,
  // and whether the member's group would have chosen the same first.
  if (ResultsShared()) {
    data results;
    results.set("results_title", messages.Text("done.results_title"));
    results.set("ranking", RankingList(*procurement, decision.ranking));
    for (const GroupSummary& summary : decision.groups) {
      if (summary.id != group_id || summary.ranking.empty() || decision.ranking.empty()) continue;
      const std::string group_first = CandidateName(*procurement, summary.ranking.front());
      const std::string panel_first = CandidateName(*procurement, decision.ranking.front());
      results.set("choice",
                  group_first == panel_first
                      ? messages.Text("done.same_choice", {{"candidate", panel_first}})
                      : messages.Text("done.other_choice", {{"group_choice", group_first},
                                                            {"panel_choice", panel_first}}));
    }
    page.set("results", results);
  }
  Send(response, 200, pages.Render("done", page, messages.Text("done.title"), SignedIn(*session)));
}

}  // namespace weighbridge::web
