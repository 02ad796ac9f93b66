// `weighbridge serve DIR [--bind ADDRESS] [--port N] [--threads N]
// [--messages FILE] [--secure-cookie]`: the workspace in a browser for the people invited
// (docs/serve.md). Runs until stopped with Ctrl-C (SIGINT) or SIGTERM, then
// exits 0.
#include <pthread.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/workspace_commands.h"
#include "web/server.h"

namespace weighbridge::cli {
namespace {

struct ServeArgs {
  std::string dir;
  std::string messages;  // a catalogue file; "" for English
  web::ServeOptions options;
};

// The catalogue in `file` over the English one, or nothing after saying
// what is wrong with it.
std::optional<web::Messages> ReadCatalogue(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "weighbridge: error: cannot read the message catalogue " << file
              << "\nnothing was started\n";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string error;
  std::optional<web::Messages> parsed = web::Messages::Parse(text.str(), file, error);
  if (!parsed) {
    std::cerr << error << "\nnothing was started\n";
    return std::nullopt;
  }
  int missing = 0;
  web::Messages merged = parsed->Over(web::Messages::English(), missing);
  if (missing > 0) {
    std::cerr << "weighbridge: " << file << " lacks " << missing
              << " of the English texts; those show in English\n";
  }
  return merged;
}

int RunServe(ServeArgs args) {
  if (!args.messages.empty()) {
    std::optional<web::Messages> catalogue = ReadCatalogue(args.messages);
    if (!catalogue) return kExitBadInput;
    args.options.messages = *catalogue;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  // The stop signals are taken by one thread that waits for them, so that
  // the server's own threads never see them and it stops cleanly.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  args.options.folder = args.dir;
  web::Server server(std::move(workspace), args.options);
  const int port = server.Bind();
  if (port < 0) {
    std::cerr << "weighbridge: cannot listen on " << args.options.bind << " port "
              << args.options.port
              << ": another program may be using it; choose another with --port\n";
    return kExitIo;
  }
  std::cout << "weighbridge: serving " << args.dir << " at http://" << args.options.bind << ":"
            << port << "/ (stop with Ctrl-C)" << std::endl;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  server.Run();
  // Run() also returns when the server fails; wake the waiting thread then.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::cout << "weighbridge: stopped; " << server.Stored()
            << " new versions of answers were stored while it ran" << std::endl;
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* command = app.add_subcommand(
      "serve",
      "Let invited panel members, evaluators and facilitators take part from a browser "
      "(docs/serve.md)");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--bind", args->options.bind,
                      "The address to listen on (default 127.0.0.1: this machine only)");
  command->add_option("--port", args->options.port, "The port (default 8080; 0: any free one)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--threads", args->options.threads,
                      "How many connections are answered at once (default 64); each browser "
                      "keeps one or more open for a few seconds")
      ->check(CLI::Range(1, 4096));
  command->add_option("--messages", args->messages,
                      "A message catalogue (a translation of web/messages/en.toml) to show "
                      "the pages in");
  command->add_flag("--secure-cookie", args->options.secure_cookie,
                    "Send the sign-in cookie over HTTPS only (behind a TLS proxy)");
  command->callback([args, &run] { run = [args] { return RunServe(*args); }; });
}

}  // namespace weighbridge::cli
