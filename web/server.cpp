#include "web/server.h"

#include <sys/socket.h>

#include <chrono>
#include <cmath>

#include "cli/framework_dirs.h"
#include "cli/workspace_commands.h"
#include "web/server_impl.h"
#include "weighbridge/evaluate.h"

namespace weighbridge::web {

namespace {

constexpr const char* kCookie = "wb_session";
// Connections the system may hold for the server before it accepts them.
constexpr int kListenQueue = 1024;

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

}  // namespace

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

std::optional<Session> Server::Impl::SessionOf(const httplib::Request& request,
                                               httplib::Response& response) {
  std::optional<Session> session = sessions.Find(CookieValue(request, kCookie));
  if (session) {
    std::lock_guard lock(workspace_mutex);
    RefreshLocked();
    const std::string today = cli::CurrentActor("serve").when.substr(0, 10);
    auto found = kept_invitations.find(session->invitation);
    if (found == kept_invitations.end() || found->second.revoked_at ||
        (found->second.expires && *found->second.expires < today)) {
      sessions.EndAll(session->invitation);
      session.reset();
    }
  }
  if (!session) Send(response, 401, pages.Message("error.session"));
  return session;
}

void Server::Impl::RefreshLocked() {
  const Workspace::CriteriaStamp stamp = workspace->Stamp();
  if (stamp.others >= 0 && stamp == kept_stamp) return;
  // Read before the loads: a change during them moves the stamp again, and
  // the next request loads once more.
  kept_stamp = stamp;
  kept_invitations.clear();
  for (Invitation& invitation : workspace->Invitations()) {
    kept_invitations.emplace(invitation.number, std::move(invitation));
  }
  ProcurementLoad load;
  LoadOptions load_options;
  load_options.framework_dirs = cli::FrameworkDirs();
  load_options.allow_incomplete = true;
  if (workspace->LoadInputs(load_options, load).ok() && load.procurement) {
    kept_criteria.store(std::make_shared<const Procurement>(std::move(*load.procurement)));
  } else {
    kept_criteria.store(nullptr);
  }
}

std::shared_ptr<const Procurement> Server::Impl::KeptCriteria(httplib::Response& response,
                                                             const Session& session) {
  std::shared_ptr<const Procurement> criteria = kept_criteria.load();
  if (!criteria) Send(response, 500, pages.Message("error.load", {}, SignedIn(session)));
  return criteria;
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
  // A facilitator whose name was erased could not be named in the log for
  // what they do: their link stops working with the name.
  if (invitation && invitation->role == "facilitator" && invitation->name.empty()) {
    invitation.reset();
  }
  if (!invitation) {
    throttle.Failed(request.remote_addr, now);
    Send(response, 404, pages.Message("error.link"));
    return;
  }
  throttle.Succeeded(request.remote_addr);
  const Session session =
      sessions.Start(invitation->number, invitation->role, invitation->person, invitation->name);
  response.set_header("Set-Cookie", std::string(kCookie) + "=" + session.id +
                                        "; Path=/; HttpOnly; SameSite=Strict" +
                                        (options.secure_cookie ? "; Secure" : ""));
  // The token leaves the address bar (and the browser's history of it).
  response.set_redirect("/", 303);
}

void Server::Impl::Home(const httplib::Request& request, httplib::Response& response) {
  std::optional<Session> session = SessionOf(request, response);
  if (!session) return;
  if (session->role == "evaluator") {
    EvaluatorHome(*session, response);
    return;
  }
  if (session->role == "facilitator") {
    Dashboard(*session, request, response);
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

std::optional<Session> Server::Impl::SessionAs(const httplib::Request& request,
                                               httplib::Response& response,
                                               const std::string& role) {
  std::optional<Session> session = SessionOf(request, response);
  if (session && session->role != role) {
    Send(response, 404, pages.Message("error.missing", {}, SignedIn(*session)));
    return std::nullopt;
  }
  return session;
}

std::map<std::string, std::string> Server::Impl::PostedFields(const httplib::Request& request) {
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : request.params) fields.emplace(name, value);
  return fields;
}

void Server::Impl::SetProblems(data& page, const std::vector<std::string>& problems) const {
  page.set("problem_heading", messages.Text("problem.heading"));
  page.set("has_problems", !problems.empty());
  data list = data::type::list;
  for (const std::string& problem : problems) list.push_back(problem);
  page.set("problems", list);
}

Decision Server::Impl::Weighed(const Procurement& procurement) {
  EvaluateOptions without_robustness;
  without_robustness.sensitivity.enabled = false;
  return Evaluate(procurement, without_robustness);
}

std::string Server::Impl::CandidateName(const Procurement& procurement, const std::string& id) {
  for (const Candidate& candidate : procurement.candidates) {
    if (candidate.id == id && !candidate.name.empty()) return candidate.name;
  }
  return id;
}

data Server::Impl::RankingList(const Procurement& procurement,
                               const std::vector<std::string>& ids) {
  data list = data::type::list;
  for (const std::string& id : ids) list.push_back(CandidateName(procurement, id));
  return list;
}

WorkspaceStatus Server::Impl::StoreLocked(const std::optional<std::string>& text,
                                          const std::string& who) {
  WorkspaceStatus status;
  if (!text) {
    status.code = WorkspaceCode::kBadInput;
    status.message = "the answers already stored cannot be rewritten.";
    return status;
  }
  int changed = 0;
  status = workspace->ImportTexts({{"(browser)", *text}}, cli::FrameworkDirs(),
                                  cli::CurrentActor(who), changed);
  stored += changed;
  return status;
}

WorkspaceStatus Server::Impl::StoreWithOthers(Workspace::ImportRequest& request) {
  std::unique_lock lock(batch_mutex);
  waiting.push_back(&request);
  const std::uint64_t mine = next_batch;  // the batch that takes `waiting` next
  while (batches_done <= mine) {
    if (storing) {
      batch_stored.wait(lock);
      continue;
    }
    storing = true;
    std::vector<Workspace::ImportRequest*> batch;
    batch.swap(waiting);
    const std::uint64_t number = next_batch++;
    lock.unlock();
    {
      std::lock_guard workspace_lock(workspace_mutex);
      workspace->ImportTogether(batch, cli::FrameworkDirs());
    }
    for (const Workspace::ImportRequest* stored_request : batch) {
      stored += stored_request->changed;
    }
    lock.lock();
    storing = false;
    batches_done = number + 1;
    batch_stored.notify_all();
  }
  return request.status;
}

void Server::Impl::SendSaveFailure(const WorkspaceStatus& status, const Session& session,
                                   httplib::Response& response) {
  if (status.code == WorkspaceCode::kBusy) {
    Send(response, 503, pages.Message("error.busy", {}, SignedIn(session)));
    return;
  }
  std::string reason = status.message;
  if (reason.empty() && !status.diagnostics.all().empty()) {
    reason = status.diagnostics.all().front().message;
  }
  Send(response, 500, pages.Message("error.saving", {{"reason", reason}}, SignedIn(session)));
}

bool Server::Impl::FormTokenOk(const httplib::Request& request, const Session& session,
                               httplib::Response& response) {
  if (request.has_param("csrf") && SameSecret(request.get_param_value("csrf"), session.csrf)) {
    return true;
  }
  Send(response, 403, pages.Message("error.form", {}, SignedIn(session)));
  return false;
}

void Server::Impl::Routes() {
  http.new_task_queue = [threads = options.threads] { return new httplib::ThreadPool(threads); };
  // A connection is closed after this many requests (cpp-httplib's default
  // is 5): opening it again costs more than the answer itself.
  http.set_keep_alive_max_count(1000);
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
  http.Post("/moderate",
            [this](const httplib::Request& q, httplib::Response& r) { ModeratePost(q, r); });
  http.Post("/freeze",
            [this](const httplib::Request& q, httplib::Response& r) { FreezePost(q, r); });
  http.Post("/share", [this](const httplib::Request& q, httplib::Response& r) { SharePost(q, r); });
  http.Post("/decision",
            [this](const httplib::Request& q, httplib::Response& r) { DecisionPost(q, r); });
  http.Get(R"(/(report\.html|report\.md|report\.json|scores\.csv|methodology\.md))",
           [this](const httplib::Request& q, httplib::Response& r) { Download(q, r); });
  http.Get("/declare",
           [this](const httplib::Request& q, httplib::Response& r) { DeclareForm(q, r); });
  http.Post("/declare",
            [this](const httplib::Request& q, httplib::Response& r) { DeclarePost(q, r); });
  http.Get("/scores",
           [this](const httplib::Request& q, httplib::Response& r) { ScoresList(q, r); });
  http.Get("/score", [this](const httplib::Request& q, httplib::Response& r) { ScoreForm(q, r); });
  http.Post("/score", [this](const httplib::Request& q, httplib::Response& r) { ScorePost(q, r); });
  http.Get("/style.css", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(Pages::StyleSheet(), "text/css; charset=utf-8");
  });
}

Server::Server(std::unique_ptr<Workspace> workspace, ServeOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->workspace = std::move(workspace);
  impl_->messages = options.messages;
  impl_->options = std::move(options);
  impl_->Routes();
}

Server::~Server() = default;

int Server::Bind() {
  int listening = -1;
  // In place of cpp-httplib's own options, which share the port with any
  // other server that asks (SO_REUSEPORT): a second `serve` on the same port
  // is refused instead of taking half of the people's requests.
  impl_->http.set_socket_options([&listening](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening = socket;
  });
  int port = -1;
  if (impl_->options.port == 0) {
    port = impl_->http.bind_to_any_port(impl_->options.bind);
  } else if (impl_->http.bind_to_port(impl_->options.bind, impl_->options.port)) {
    port = impl_->options.port;
  }
  // Debian's cpp-httplib library listens with room for 5 connections not yet
  // accepted. A panel opening many at once overflowed it, and the system
  // tries a refused connection again only after 1 s, then 3 s, then 7 s.
  // Listening again on the same socket sets a longer queue.
  if (port >= 0 && listening >= 0) listen(listening, kListenQueue);
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

long long Server::Stored() const { return impl_->stored; }

}  // namespace weighbridge::web
