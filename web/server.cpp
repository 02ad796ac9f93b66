#include "web/server.h"

#include <httplib.h>

#include <chrono>
#include <cmath>
#include <mutex>

#include "cli/framework_dirs.h"
#include "cli/record_submission.h"
#include "cli/workspace_commands.h"
#include "engine/weigh/judgement_weights.h"
#include "reports/svg_bars.h"
#include "web/judgement_form.h"
#include "web/link_throttle.h"
#include "web/pages.h"
#include "web/sessions.h"
#include "weighbridge/evaluate.h"

namespace weighbridge::web {
namespace {

using kainjow::mustache::data;

constexpr const char* kCookie = "wb_session";

// Every answer's headers: nothing from elsewhere runs, loads or frames the
// pages; nothing is cached or sent on as a referrer.
httplib::Headers SecurityHeaders() {
  return {{"Content-Security-Policy",
           "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
           "frame-ancestors 'none'; base-uri 'none'"},
          {"X-Frame-Options", "DENY"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"Cache-Control", "no-store"}};
}

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string CookieValue(const httplib::Request& request, const std::string& name) {
  const std::string header = request.get_header_value("Cookie");
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(at, end - at);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    at = end + 1;
  }
  return "";
}

std::string Percent(double share) {
  const long long tenths = std::llround(share * 1000);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string QueryValue(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

struct Server::Impl {
  std::unique_ptr<Workspace> workspace;
  std::mutex workspace_mutex;  // one request at a time uses the workspace
  ServeOptions options;
  httplib::Server http;
  Sessions sessions;
  LinkThrottle throttle;
  const Messages& messages = Messages::English();
  Pages pages{messages};

  void Routes();
  void Send(httplib::Response& response, int status, const std::string& html) const {
    response.status = status;
    response.set_content(html, "text/html; charset=utf-8");
  }

  // The request's session, while its invitation still works; otherwise
  // answers "open your link again" and gives nothing.
  std::optional<Session> SessionOf(const httplib::Request& request, httplib::Response& response);

  std::string SignedIn(const Session& session) const {
    if (session.role == "member") {
      return messages.Text("page.signed_in_member", {{"person", session.person}});
    }
    if (session.role == "evaluator") {
      return messages.Text("page.signed_in_evaluator", {{"person", session.person}});
    }
    return messages.Text("page.signed_in_facilitator");
  }

  // What a member's pages need: the procurement as it stands.
  std::optional<Procurement> Load(httplib::Response& response, const Session& session);

  void Join(const httplib::Request& request, httplib::Response& response);
  void Home(const httplib::Request& request, httplib::Response& response);
  void Criteria(const httplib::Request& request, httplib::Response& response);
  void WeighForm(const httplib::Request& request, httplib::Response& response);
  void WeighPost(const httplib::Request& request, httplib::Response& response);
  void Done(const httplib::Request& request, httplib::Response& response);

  // The member's page for `node`, or an answer saying why there is none.
  struct NodeForm {
    std::string node;
    WeighMethod method = WeighMethod::kPoints;
    std::vector<FormItem> items;
    std::string heading;
  };
  std::optional<NodeForm> FormFor(const Procurement& procurement, const Session& session,
                                  const std::string& node, httplib::Response& response);
  std::string RenderForm(const NodeForm& form, const Session& session,
                         const std::map<std::string, std::string>& fields,
                         const std::vector<std::string>& problems);
  std::string RenderPreview(const NodeForm& form, const Session& session,
                            const Judgement& judgement,
                            const std::map<std::string, std::string>& fields);
  bool Frozen() {
    std::lock_guard lock(workspace_mutex);
    return workspace->Frozen().has_value();
  }
};

std::optional<Session> Server::Impl::SessionOf(const httplib::Request& request,
                                               httplib::Response& response) {
  std::optional<Session> session = sessions.Find(CookieValue(request, kCookie));
  if (session) {
    std::lock_guard lock(workspace_mutex);
    const std::string today = cli::CurrentActor("serve").when.substr(0, 10);
    for (const Invitation& invitation : workspace->Invitations()) {
      if (invitation.number != session->invitation) continue;
      if (invitation.revoked_at || (invitation.expires && *invitation.expires < today)) {
        sessions.EndAll(invitation.number);
        session.reset();
      }
    }
  }
  if (!session) Send(response, 401, pages.Message("error.session"));
  return session;
}

std::optional<Procurement> Server::Impl::Load(httplib::Response& response, const Session& session) {
  ProcurementLoad load;
  LoadOptions load_options;
  load_options.framework_dirs = cli::FrameworkDirs();
  load_options.allow_incomplete = true;
  WorkspaceStatus status;
  {
    std::lock_guard lock(workspace_mutex);
    status = workspace->LoadInputs(load_options, load);
  }
  if (!status.ok() || !load.procurement) {
    Send(response, 500, pages.Message("error.load", {}, SignedIn(session)));
    return std::nullopt;
  }
  return std::move(load.procurement);
}

void Server::Impl::Join(const httplib::Request& request, httplib::Response& response) {
  const double now = SteadySeconds();
  const double wait = throttle.Wait(request.remote_addr, now);
  if (wait > 0) {
    const std::string seconds = std::to_string(static_cast<long long>(std::ceil(wait)));
    response.set_header("Retry-After", seconds);
    Send(response, 429, pages.Message("error.slow", {{"seconds", seconds}}));
    return;
  }
  std::optional<Invitation> invitation;
  {
    std::lock_guard lock(workspace_mutex);
    invitation =
        workspace->Admit(request.matches[1], cli::CurrentActor("serve").when.substr(0, 10));
  }
  if (!invitation) {
    throttle.Failed(request.remote_addr, now);
    Send(response, 404, pages.Message("error.link"));
    return;
  }
  throttle.Succeeded(request.remote_addr);
  const Session session = sessions.Start(invitation->number, invitation->role, invitation->person);
  response.set_header("Set-Cookie", std::string(kCookie) + "=" + session.id +
                                        "; Path=/; HttpOnly; SameSite=Strict" +
                                        (options.secure_cookie ? "; Secure" : ""));
  // The token leaves the address bar (and the browser's history of it).
  response.set_redirect("/", 303);
}

void Server::Impl::Home(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionOf(request, response);
  if (!session) return;
  if (session->role != "member") {
    Send(response, 200, pages.Message("role." + session->role, {}, SignedIn(*session)));
    return;
  }
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  data page;
  data paragraphs = data::type::list;
  paragraphs.push_back(messages.Text("welcome.intro", {{"procurement", procurement->info.title}}));
  for (const char* key :
       {"welcome.what_you_do", "welcome.what_it_does", "welcome.change", "welcome.private"}) {
    paragraphs.push_back(messages.Text(key));
  }
  page.set("paragraphs", paragraphs);
  page.set("start", messages.Text("welcome.start"));
  Send(response, 200,
       pages.Render("welcome", page, messages.Text("welcome.title"), SignedIn(*session)));
}

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
  std::optional<Session> session = SessionOf(request, response);
  if (!session) return;
  if (session->role != "member") {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(*session)));
    return;
  }
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
  page.set("has_problems", !problems.empty());
  page.set("problem_heading", messages.Text("problem.heading"));
  data problem_list = data::type::list;
  for (const std::string& problem : problems) problem_list.push_back(problem);
  page.set("problems", problem_list);
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
  std::optional<Session> session = SessionOf(request, response);
  if (!session) return;
  if (session->role != "member") {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(*session)));
    return;
  }
  if (Frozen()) {
    Send(response, 409, pages.Message("weigh.closed", {}, SignedIn(*session)));
    return;
  }
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  std::optional<NodeForm> form =
      FormFor(*procurement, *session, request.get_param_value("node"), response);
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
  std::optional<Session> session = SessionOf(request, response);
  if (!session) return;
  if (!request.has_param("csrf") || !SameSecret(request.get_param_value("csrf"), session->csrf)) {
    Send(response, 403, pages.Message("error.form", {}, SignedIn(*session)));
    return;
  }
  if (session->role != "member") {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(*session)));
    return;
  }
  if (Frozen()) {
    Send(response, 409, pages.Message("weigh.closed", {}, SignedIn(*session)));
    return;
  }
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  std::optional<NodeForm> form =
      FormFor(*procurement, *session, request.get_param_value("node"), response);
  if (!form) return;
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : request.params) fields.emplace(name, value);
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
  WorkspaceStatus status;
  {
    std::lock_guard lock(workspace_mutex);
    bool replaced = false;
    std::optional<std::string> text = cli::JudgementsWith(
        *workspace, session->person, JudgementTable(*reading.judgement), replaced);
    int changed = 0;
    if (!text) {
      status.code = WorkspaceCode::kBadInput;
      status.message = "the stored answers cannot be rewritten.";
    } else {
      status = workspace->ImportTexts({{"(browser)", *text}}, cli::FrameworkDirs(),
                                      cli::CurrentActor(session->person), changed);
    }
  }
  if (status.code == WorkspaceCode::kBusy) {
    Send(response, 503, pages.Message("error.busy", {}, SignedIn(*session)));
    return;
  }
  if (!status.ok()) {
    std::string reason = status.message;
    if (reason.empty() && !status.diagnostics.all().empty()) {
      reason = status.diagnostics.all().front().message;
    }
    Send(response, 500, pages.Message("error.saving", {{"reason", reason}}, SignedIn(*session)));
    return;
  }
  response.set_redirect("/done?node=" + QueryValue(form->node), 303);
}

void Server::Impl::Done(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionOf(request, response);
  if (!session) return;
  if (session->role != "member") {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(*session)));
    return;
  }
  std::optional<Procurement> procurement = Load(response, *session);
  if (!procurement) return;
  std::optional<NodeForm> form =
      FormFor(*procurement, *session, request.get_param_value("node"), response);
  if (!form) return;
  EvaluateOptions evaluate_options;
  evaluate_options.sensitivity.enabled = false;
  const Decision decision = Evaluate(*procurement, evaluate_options);
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
  Send(response, 200, pages.Render("done", page, messages.Text("done.title"), SignedIn(*session)));
}

void Server::Impl::Routes() {
  http.set_default_headers(SecurityHeaders());
  http.set_payload_max_length(options.max_body);
  http.set_error_handler([this](const httplib::Request&, httplib::Response& response) {
    if (response.status == 413) {
      Send(response, 413, pages.Message("error.large"));
    } else if (response.status == 404) {
      Send(response, 404, pages.Message("error.missing"));
    }
  });
  http.Get(R"(/join/([0-9a-f]{32}))",
           [this](const httplib::Request& q, httplib::Response& r) { Join(q, r); });
  http.Get("/", [this](const httplib::Request& q, httplib::Response& r) { Home(q, r); });
  http.Get("/criteria",
           [this](const httplib::Request& q, httplib::Response& r) { Criteria(q, r); });
  http.Get("/weigh", [this](const httplib::Request& q, httplib::Response& r) { WeighForm(q, r); });
  http.Post("/weigh", [this](const httplib::Request& q, httplib::Response& r) { WeighPost(q, r); });
  http.Get("/done", [this](const httplib::Request& q, httplib::Response& r) { Done(q, r); });
  http.Get("/style.css", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(Pages::StyleSheet(), "text/css; charset=utf-8");
  });
}

Server::Server(std::unique_ptr<Workspace> workspace, ServeOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->workspace = std::move(workspace);
  impl_->options = std::move(options);
  impl_->Routes();
}

Server::~Server() = default;

int Server::Bind() {
  if (impl_->options.port == 0) return impl_->http.bind_to_any_port(impl_->options.bind);
  return impl_->http.bind_to_port(impl_->options.bind, impl_->options.port) ? impl_->options.port
                                                                            : -1;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace weighbridge::web
