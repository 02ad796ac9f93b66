// What the server's files share (server.cpp, member_pages.cpp,
// evaluator_pages.cpp): the server's state and its handlers. Internal to web/.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "web/judgement_form.h"
#include "web/link_throttle.h"
#include "web/pages.h"
#include "web/queue_mutex.h"
#include "web/server.h"
#include "web/sessions.h"
#include "weighbridge/decision.h"
#include "weighbridge/procurement.h"

namespace weighbridge::web {

using kainjow::mustache::data;

// A share as a percentage with one decimal: 0.6923 -> "69.2%".
std::string Percent(double share);

// `text` percent-encoded for a query string's value.
std::string QueryValue(const std::string& text);

struct Server::Impl {
  std::unique_ptr<Workspace> workspace;
  QueueMutex workspace_mutex;  // one request at a time uses the workspace, in turn
  ServeOptions options;
  httplib::Server http;
  Sessions sessions;
  LinkThrottle throttle;
  Messages messages;
  Pages pages{messages};
  // New versions of submissions stored since the server started: each is a
  // success the server answered, for `serve`'s last line and the load bench.
  std::atomic<long long> stored{0};

  void Routes();
  void Send(httplib::Response& response, int status, const std::string& html) const {
    response.status = status;
    response.set_content(html, "text/html; charset=utf-8");
  }

  // The request's session, while its invitation still works; otherwise
  // answers "open your link again" and gives nothing. Brings what is kept
  // up to date first (RefreshLocked).
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

  // What the workspace held at its last stamp (Workspace::Stamp), brought up
  // to date by RefreshLocked when the stamp moves: a panel sending answers
  // moves it not, so their requests neither read every invitation nor load
  // the whole procurement. All under workspace_mutex except kept_criteria,
  // which KeptCriteria reads without it.
  void RefreshLocked();
  Workspace::CriteriaStamp kept_stamp;
  std::map<long long, Invitation> kept_invitations;  // by number
  std::atomic<std::shared_ptr<const Procurement>> kept_criteria;  // none: it did not load

  // For pages built from the criteria, the panel and whether the method is
  // fixed, never from anyone's answers (a weighing form, and the check of
  // what it sends): the procurement as of the request's session check
  // (SessionOf), or an answer that it does not load. Its judgements may be
  // older than the latest: never show them. What is stored is checked again
  // by the workspace, against what it holds then.
  std::shared_ptr<const Procurement> KeptCriteria(httplib::Response& response,
                                                  const Session& session);

  void Join(const httplib::Request& request, httplib::Response& response);
  void Home(const httplib::Request& request, httplib::Response& response);

  // An evaluator's pages (evaluator_pages.cpp): the declaration of interests
  // first, then the candidates, then scoring one candidate.
  void EvaluatorHome(const Session& session, httplib::Response& response);
  void DeclareForm(const httplib::Request& request, httplib::Response& response);
  void DeclarePost(const httplib::Request& request, httplib::Response& response);
  void ScoresList(const httplib::Request& request, httplib::Response& response);
  void ScoreForm(const httplib::Request& request, httplib::Response& response);
  void ScorePost(const httplib::Request& request, httplib::Response& response);
  std::string RenderDeclare(const Procurement& procurement, const Session& session,
                            const std::string& interest, const std::string& text,
                            const std::string& problem);
  std::string RenderScoreForm(const Procurement& procurement, const Session& session,
                              const std::string& candidate_id,
                              const std::map<std::string, std::string>& fields,
                              const std::vector<std::string>& problems, bool saved);
  std::optional<std::string> BidFor(const httplib::Request& request, const Procurement& procurement,
                                    const Session& session, httplib::Response& response);
  // A facilitator's pages (facilitator_pages.cpp).
  void Dashboard(const Session& session, const httplib::Request& request,
                 httplib::Response& response);
  // `decided`: the number of the decision just stored, said on the page; 0: none.
  std::string RenderDashboard(const Procurement& procurement, const Session& session,
                              const std::vector<std::string>& problems, bool saved,
                              long long decided = 0);
  void RecordFacilitator(const Session& session, const Procurement& procurement,
                         const std::string& text, httplib::Response& response);
  void ModeratePost(const httplib::Request& request, httplib::Response& response);
  void FreezePost(const httplib::Request& request, httplib::Response& response);
  void DecisionPost(const httplib::Request& request, httplib::Response& response);
  // One of the reports (kDownloads in facilitator_pages.cpp), by its path.
  void Download(const httplib::Request& request, httplib::Response& response);
  void SharePost(const httplib::Request& request, httplib::Response& response);

  // Whether the facilitator shares the results with members and evaluators.
  bool ResultsShared() {
    std::lock_guard lock(workspace_mutex);
    return workspace->ResultsShared();
  }
  // A candidate's name (its id when it has none); and the names of `ids`,
  // in order, for pages that show results.
  static std::string CandidateName(const Procurement& procurement, const std::string& id);
  static data RankingList(const Procurement& procurement, const std::vector<std::string>& ids);

  // Imports `text`, what a browser form records, as written by `who`, and
  // counts the new versions in `stored`. kBadInput without storing when there
  // is no text (the person's stored tables could not be rewritten). The
  // caller holds workspace_mutex, so that reading the latest tables and
  // storing the new ones are one step.
  WorkspaceStatus StoreLocked(const std::optional<std::string>& text, const std::string& who);

  // Stores `request` together with the others sent at about the same time:
  // one of the waiting threads stores all that are waiting, in one
  // transaction and one wait for the disk, while the rest wait for it
  // (Workspace::ImportTogether). Counts the new versions in `stored`.
  // Returns the request's own status.
  WorkspaceStatus StoreWithOthers(Workspace::ImportRequest& request);
  std::mutex batch_mutex;                          // guards the four below
  std::condition_variable batch_stored;            // a batch is done
  std::vector<Workspace::ImportRequest*> waiting;  // for the next batch
  std::uint64_t next_batch = 0;                    // the number the next batch takes
  std::uint64_t batches_done = 0;                  // batches 0 .. this - 1 are stored
  bool storing = false;                            // a thread is storing a batch now

  // The request's session when it is `role`'s ("member", "evaluator" or
  // "facilitator"); otherwise answers (no session: 401; another role: no
  // such page, 404) and gives nothing.
  std::optional<Session> SessionAs(const httplib::Request& request, httplib::Response& response,
                                   const std::string& role);

  // The fields a form posted, by name (the first of a name given twice).
  static std::map<std::string, std::string> PostedFields(const httplib::Request& request);

  // Puts `problems` on a form's page: its heading, whether there are any, the list.
  void SetProblems(data& page, const std::vector<std::string>& problems) const;

  // The decision without the robustness analysis: weights, totals and ranking,
  // for pages that show where things stand.
  static Decision Weighed(const Procurement& procurement);

  // Answers that a write was refused: busy (503), or why it could not be saved.
  void SendSaveFailure(const WorkspaceStatus& status, const Session& session,
                       httplib::Response& response);

  // Whether the form carries the session's token; otherwise answers 403.
  bool FormTokenOk(const httplib::Request& request, const Session& session,
                   httplib::Response& response);

  // A panel member's pages (member_pages.cpp).
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
  // The form for the request's node while the weighting is open; otherwise
  // answers (closed, no such node) and gives nothing.
  std::optional<NodeForm> OpenForm(const httplib::Request& request, const Session& session,
                                   httplib::Response& response);
  std::string RenderForm(const NodeForm& form, const Session& session,
                         const std::map<std::string, std::string>& fields,
                         const std::vector<std::string>& problems);
  std::string RenderPreview(const NodeForm& form, const Session& session,
                            const Judgement& judgement,
                            const std::map<std::string, std::string>& fields);
};

}  // namespace weighbridge::web
