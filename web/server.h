// `weighbridge serve`: the workspace in a browser, for the people invited to
// take part (docs/serve.md). An adapter, like the command line: every write
// goes through the Workspace, in its own transaction, audited.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "web/messages.h"
#include "weighbridge/workspace.h"

namespace weighbridge::web {

struct ServeOptions {
  std::string bind = "127.0.0.1";           // loopback unless told otherwise
  int port = 8080;                          // 0: any free port
  // Connections answered at once. A browser keeps its connection open for
  // a few seconds after each page, holding a thread, so there are more than
  // cores: beyond this many, a new connection waits for one to close.
  std::size_t threads = 64;
  bool secure_cookie = false;               // behind a TLS proxy: cookies only over HTTPS
  std::size_t max_body = 64 * 1024;         // bytes; a larger request is refused
  Messages messages = Messages::English();  // every word the pages show
  std::string folder;                       // as the user named it, for commands the pages give
};

class Server {
 public:
  // Serves `workspace` (opened from `folder`, used for nothing else while
  // the server runs).
  Server(std::unique_ptr<Workspace> workspace, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address and port; the port bound (options' port, or the free
  // one chosen for 0), or -1 when it cannot be bound.
  int Bind();

  // Answers requests until Stop(). Call after Bind().
  void Run();

  // Safe from another thread.
  void Stop();

  // How many new versions of submissions (judgements, scores, consensus,
  // declarations) the server has stored since it started.
  long long Stored() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weighbridge::web
