// `weighbridge invite` and `weighbridge revoke`: personal links for taking
// part from a browser (docs/workspace.md, "Invite people to take part").
#include <iostream>

#include "cli/workspace_commands.h"

namespace weighbridge::cli {
namespace {

// Whom a command is about: exactly one of a member, an evaluator or a
// facilitator (or, for revoke, a link's number).
struct Person {
  std::string member;
  std::string evaluator;
  std::string facilitator;
  int Given() const { return !member.empty() + !evaluator.empty() + !facilitator.empty(); }
  std::string Role() const {
    return !member.empty() ? "member" : !evaluator.empty() ? "evaluator" : "facilitator";
  }
  std::string Id() const {
    return !member.empty() ? member : !evaluator.empty() ? evaluator : facilitator;
  }
};

void AddPersonOptions(CLI::App* command, Person& person, const std::string& verb) {
  command->add_option("--member", person.member, "A panel member's id, as in the panel, " + verb);
  command->add_option("--evaluator", person.evaluator,
                      "An evaluator's id, as in the scores, " + verb);
  command->add_option("--facilitator", person.facilitator,
                      "A facilitator's name, " + verb + " (kept erasable, as a user id)");
}

std::string RoleInWords(const std::string& role) {
  return role == "member" ? "panel member" : role;
}

// "panel member ebe1", "facilitator Jo Smith (user:2)".
std::string Whom(const Invitation& invitation) {
  if (invitation.role != "facilitator")
    return RoleInWords(invitation.role) + " " + invitation.person;
  return "facilitator " + invitation.name + " (" + invitation.person + ")";
}

std::string Until(const Invitation& invitation) {
  return invitation.expires ? "works until the end of " + *invitation.expires + " (UTC)"
                            : "no end date";
}

struct InviteArgs {
  std::string dir;
  Person person;
  std::string expires;
  std::string url = "http://127.0.0.1:8080";
  bool list = false;
  std::string by;
};

int RunInvite(const InviteArgs& args) {
  if (args.list != (args.person.Given() == 0) || args.person.Given() > 1) {
    std::cerr << "invite: error: name one person to invite: --member, --evaluator or "
                 "--facilitator (or give --list alone)\nnothing was written\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  if (args.list) {
    const std::vector<Invitation> all = workspace->Invitations();
    if (all.empty()) std::cout << "no invitations yet: weighbridge invite makes one\n";
    for (const Invitation& invitation : all) {
      std::cout << "invitation " << invitation.number << ": " << Whom(invitation) << ", made "
                << invitation.at << ", "
                << (invitation.revoked_at ? "revoked " + *invitation.revoked_at : Until(invitation))
                << "\n";
    }
    return kExitOk;
  }
  std::optional<std::string> expires;
  if (!args.expires.empty()) expires = args.expires;
  Invitation made;
  std::string token;
  WorkspaceStatus status = workspace->Invite(args.person.Role(), args.person.Id(), expires,
                                             CurrentActor(args.by), made, token);
  if (!status.ok()) {
    int code = ReportStatus(status);
    std::cerr << "nothing was written\n";
    return code;
  }
  std::string url = args.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  std::cout << "invitation " << made.number << ": " << Whom(made) << ", " << Until(made) << "\n"
            << url << "/join/" << token << "\n"
            << "Send this link to them alone: whoever has it takes part as them. It is shown only "
               "now (the workspace keeps only its hash). To stop it: weighbridge revoke "
            << args.dir << " --link " << made.number << "\n";
  return kExitOk;
}

struct RevokeArgs {
  std::string dir;
  long long link = 0;
  Person person;
  std::string by;
};

int RunRevoke(const RevokeArgs& args) {
  if ((args.link != 0) + args.person.Given() != 1) {
    std::cerr << "revoke: error: name one thing to revoke: --link N, or every link of "
                 "--member, --evaluator or --facilitator\nnothing was written\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace = OpenWorkspaceOrReport(args.dir, exit_code);
  if (!workspace) return exit_code;
  int revoked = 0;
  WorkspaceStatus status =
      workspace->Revoke(args.link, args.link != 0 ? "" : args.person.Role(),
                        args.link != 0 ? "" : args.person.Id(), CurrentActor(args.by), revoked);
  if (!status.ok()) {
    int code = ReportStatus(status);
    std::cerr << "nothing was written\n";
    return code;
  }
  if (args.link != 0) {
    std::cout << "invitation " << args.link << " is revoked: its link no longer lets anyone in\n";
  } else {
    std::cout << "revoked " << revoked << (revoked == 1 ? " invitation" : " invitations")
              << " of the " << RoleInWords(args.person.Role()) << " " << args.person.Id()
              << ": their links no longer let anyone in\n";
  }
  return kExitOk;
}

}  // namespace

void AddInviteCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<InviteArgs>();
  CLI::App* command = app.add_subcommand(
      "invite", "Make a personal link for a panel member, an evaluator or a facilitator");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  AddPersonOptions(command, args->person, "to invite");
  command->add_option("--expires", args->expires,
                      "The last day the link works, YYYY-MM-DD (UTC); without it, until revoked");
  command->add_option("--url", args->url,
                      "Where weighbridge serve is reached, for the link (default: "
                      "http://127.0.0.1:8080)");
  command->add_flag("--list", args->list, "List every invitation instead, and whether it works");
  command->add_option("--by", args->by, "Who makes it (default: your user name)");
  command->footer(
      "The link holds a random 128-bit token, printed once: the workspace keeps only its "
      "SHA-256, so a copy of the file opens nothing. The links are for weighbridge serve, "
      "which is not built yet (docs/workspace.md).");
  command->callback([args, &run] { run = [args] { return RunInvite(*args); }; });
}

void AddRevokeCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<RevokeArgs>();
  CLI::App* command =
      app.add_subcommand("revoke", "Stop a personal link, or every link of one person");
  command->add_option("dir", args->dir, "The procurement folder holding weighbridge.db")
      ->required();
  command->add_option("--link", args->link, "The invitation's number (weighbridge invite --list)");
  AddPersonOptions(command, args->person, "whose links to stop");
  command->add_option("--by", args->by, "Who revokes it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunRevoke(*args); }; });
}

}  // namespace weighbridge::cli
