// `weighbridge init DIR --framework ID [--by NAME]`
#include <fstream>
#include <iostream>

#include "cli/framework_dirs.h"
#include "cli/workspace_commands.h"
#include "weighbridge/load.h"

namespace weighbridge::cli {
namespace {
namespace fs = std::filesystem;

struct InitArgs {
  std::string dir;
  std::string framework;
  std::string by;
};

std::string ProcurementText(const std::string& id, const FrameworkSummary& framework) {
  return "# The procurement: what is being bought and the framework it is judged by.\n"
         "# Every key is described in docs/formats.md. Change the title and the rest\n"
         "# before importing; weighbridge evaluate imports this file each time.\n"
         "\n"
         "[procurement]\n"
         "id = \"" +
         id +
         "\"\n"
         "title = \"" +
         id +
         "\"                 # what is being bought, in plain words\n"
         "# authority = \"Example County Council\"\n"
         "# reference = \"ECC-2026-014\"\n"
         "# currency = \"GBP\"\n"
         "framework = \"" +
         framework.id + "\"   # " + framework.title + ", version " + framework.version +
         "\n"
         "# term_years = 5\n"
         "\n"
         "# Optional tables: [price], [costs], [panel], [smaa], and local [[criterion]] and\n"
         "# [[rule]] tables. See docs/formats.md.\n";
}

constexpr const char* kCandidatesText =
    "# The bids, one [[candidate]] table each (docs/formats.md), for example:\n"
    "#\n"
    "# [[candidate]]\n"
    "# id = \"meridian\"\n"
    "# name = \"Meridian Adults\"\n"
    "#\n"
    "# [candidate.evidence]\n"
    "# open_api = true\n";

constexpr const char* kPanelText =
    "# The weighting panel: [[group]], [[member]] and [[judgement]] tables\n"
    "# (docs/formats.md), for example:\n"
    "#\n"
    "# [[group]]\n"
    "# id = \"ebe\"\n"
    "# title = \"Experts by experience\"\n"
    "#\n"
    "# [[member]]\n"
    "# id = \"ebe1\"\n"
    "# group = \"ebe\"\n";

constexpr const char* kScoresText =
    "# The evaluators' scores: [[score]] tables, and [[consensus]] after moderation\n"
    "# (docs/formats.md), for example:\n"
    "#\n"
    "# [[score]]\n"
    "# evaluator = \"e1\"\n"
    "# candidate = \"meridian\"\n"
    "# criterion = \"interoperability.open-standards\"\n"
    "# value = 3.5\n"
    "# rationale = \"Why this score\"\n";

bool WriteText(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

// The folder's own name, kept to the characters an id may hold.
std::string IdFrom(const fs::path& dir) {
  std::string id;
  for (char c : fs::absolute(dir).lexically_normal().filename().string()) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    id += plain ? c : '-';
  }
  return id.empty() ? "procurement" : id;
}

int RunInit(const InitArgs& args) {
  const fs::path dir = args.dir;
  std::error_code error;
  if (fs::exists(dir, error) && (!fs::is_directory(dir, error) || !fs::is_empty(dir, error))) {
    std::cerr << "weighbridge: " << dir.string()
              << " is not an empty folder; init starts a new procurement in a new or empty "
                 "folder. Nothing was written\n";
    return kExitBadInput;
  }
  std::vector<FrameworkSummary> frameworks = ListFrameworks(FrameworkDirs());
  const FrameworkSummary* framework = nullptr;
  std::string ids;
  for (const FrameworkSummary& summary : frameworks) {
    if (summary.id == args.framework) framework = &summary;
    ids += (ids.empty() ? "" : ", ") + summary.id;
  }
  if (!framework) {
    std::cerr << "weighbridge: there is no framework called '" << args.framework
              << "'; the frameworks available are " << (ids.empty() ? "none" : ids)
              << " (weighbridge frameworks lists them). Nothing was written\n";
    return kExitBadInput;
  }
  bool made_dir = !fs::exists(dir, error);
  if (made_dir && !fs::create_directories(dir, error)) {
    std::cerr << "weighbridge: cannot make the folder " << dir.string() << ": " << error.message()
              << "\n";
    return kExitIo;
  }
  const std::vector<std::pair<std::string, std::string>> files = {
      {"procurement.toml", ProcurementText(IdFrom(dir), *framework)},
      {"candidates.toml", kCandidatesText},
      {"panel.toml", kPanelText},
      {"scores.toml", kScoresText}};
  // Undo everything on failure, so a failed init leaves nothing half made.
  auto undo = [&] {
    for (const auto& [name, text] : files) fs::remove(dir / name, error);
    fs::remove(WorkspaceFile(dir), error);
    fs::remove(dir / "weighbridge.db-wal", error);
    fs::remove(dir / "weighbridge.db-shm", error);
    if (made_dir) fs::remove(dir, error);
  };
  for (const auto& [name, text] : files) {
    if (!WriteText(dir / name, text)) {
      std::cerr << "weighbridge: cannot write " << (dir / name).string() << "\n";
      undo();
      return kExitIo;
    }
  }
  Actor actor = CurrentActor(args.by);
  WorkspaceStatus status;
  std::unique_ptr<Workspace> workspace = Workspace::Create(WorkspaceFile(dir), actor, status, {});
  int changed = 0;
  if (workspace)
    status = workspace->Import({dir / "procurement.toml"}, FrameworkDirs(), actor, changed);
  if (!status.ok()) {
    workspace.reset();
    int code = ReportStatus(status);
    undo();
    std::cerr << "nothing was written\n";
    return code;
  }
  std::cout << "made " << dir.string() << " for the framework " << framework->id << " "
            << framework->version << ": procurement.toml, candidates.toml, panel.toml, "
            << "scores.toml and the workspace weighbridge.db\n"
            << "next: fill in the files, then weighbridge import " << dir.string()
            << " FILE... or weighbridge evaluate " << dir.string() << "\n";
  return kExitOk;
}

}  // namespace

void AddInitCommand(CLI::App& app, Action& run) {
  auto args = std::make_shared<InitArgs>();
  CLI::App* command = app.add_subcommand(
      "init", "Start a procurement: a folder of commented TOML files and its workspace");
  command->add_option("dir", args->dir, "A new or empty folder")->required();
  command
      ->add_option("--framework", args->framework,
                   "The id of a shipped framework (weighbridge frameworks lists them)")
      ->required();
  command->add_option("--by", args->by, "Who starts it (default: your user name)");
  command->callback([args, &run] { run = [args] { return RunInit(*args); }; });
}

}  // namespace weighbridge::cli
